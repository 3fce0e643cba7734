// Baselines: record today's findings, then report only new ones (keyed without line numbers).
#include "pipeline/baseline.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>

#include <nlohmann/json.hpp>

#include "engine/rule_meta.h"
#include "parsers/load.h"
#include "schema/messages.h"

namespace pcl::pipeline {
namespace {

namespace fs = std::filesystem;

constexpr uint64_t kMaxCount = std::numeric_limits<uint64_t>::max();

uint64_t SaturatingAdd(uint64_t a, uint64_t b) {
  return a > kMaxCount - b ? kMaxCount : a + b;
}

std::string NormalPath(const std::string& path) {
  return fs::path(path).lexically_normal().generic_string();
}

// The text of `path`, bounded: devices are refused, pipes (`<(...)`) are read up to the limit.
std::optional<std::string> ReadBounded(const std::string& path, std::string& error) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    error = path + ": cannot read baseline: " + std::strerror(errno);
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode) || (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode))) {
    error = path + ": cannot read baseline: not a regular file";
    return std::nullopt;
  }
  const std::string too_large =
      path + ": baseline is larger than the " + std::to_string(Baseline::kMaxBytes >> 20) + " MiB limit";
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > Baseline::kMaxBytes) {
    error = too_large;  // known without reading it
    return std::nullopt;
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = path + ": cannot read baseline: " + std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  if (std::string failure = parsers::ReadUpTo(fd, Baseline::kMaxBytes, text); !failure.empty()) {
    error = path + ": cannot read baseline: " + failure;
  } else if (text.size() > Baseline::kMaxBytes) {
    error = too_large;  // a pipe, or a file that grew
  }
  ::close(fd);
  if (!error.empty()) return std::nullopt;
  return text;
}

// "" if `entry` is a well-formed baseline entry, else what is wrong with it.
std::string EntryProblem(const nlohmann::json& entry) {
  if (!entry.is_object()) return "is not an object";
  for (const char* field : {"file", "rule", "pointer"}) {
    if (!entry.contains(field)) return std::string("has no \"") + field + "\"";
    if (!entry[field].is_string()) return std::string("\"") + field + "\" is not a string";
  }
  if (entry.contains("count")) {
    const nlohmann::json& count = entry["count"];
    // A JSON parser stores every non-negative integer as unsigned; above 2^64-1 it is a float.
    if (!count.is_number_unsigned() || count.get<uint64_t>() < 1) {
      return "\"count\" is not a positive integer";
    }
  }
  const std::string rule = entry["rule"].get<std::string>();
  const engine::RuleCatalog& catalog = engine::RuleCatalog::Embedded();
  if (!catalog.FindById(rule)) {
    std::vector<std::string> ids;
    for (const auto& [id, meta] : catalog.rules()) ids.push_back(id);
    std::string problem = "names no known rule '" + rule + "'";
    if (auto suggestion = schema::SuggestName(rule, ids)) problem += "; did you mean '" + *suggestion + "'?";
    return problem;
  }
  return "";
}

}  // namespace

Baseline::Baseline(std::string root) : root_(std::move(root)) {
  std::error_code ec;
  if (!root_.empty()) working_dir_ = fs::current_path(ec).string();
}

Baseline::Key Baseline::KeyOf(const model::Diagnostic& d) const {
  std::string file = NormalPath(d.file);
  if (!root_.empty()) {
    fs::path absolute = fs::path(d.file).is_absolute() ? fs::path(d.file) : fs::path(working_dir_) / d.file;
    fs::path relative = absolute.lexically_normal().lexically_relative(fs::path(root_).lexically_normal());
    // Outside the root the absolute path is the only form that does not depend on where we run.
    const bool outside = relative.empty() || *relative.begin() == "..";
    file = outside ? absolute.lexically_normal().generic_string() : relative.generic_string();
  }
  return {file, d.rule_id, d.pointer.empty() ? "message:" + d.message : d.pointer};
}

Baseline Baseline::FromFindings(const std::vector<model::Diagnostic>& findings, const std::string& root) {
  Baseline baseline(root);
  for (const auto& d : findings) {
    if (d.suppressed) continue;
    uint64_t& count = baseline.counts_[baseline.KeyOf(d)];
    count = SaturatingAdd(count, 1);
  }
  return baseline;
}

uint64_t Baseline::findings() const {
  uint64_t total = 0;
  for (const auto& [key, count] : counts_) total = SaturatingAdd(total, count);
  return total;
}

std::string Baseline::ToJson() const {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const auto& [key, count] : counts_) {
    entries.push_back(
        {{"file", std::get<0>(key)}, {"rule", std::get<1>(key)}, {"pointer", std::get<2>(key)}, {"count", count}});
  }
  nlohmann::ordered_json doc;
  doc["format"] = "pcluster-lint-baseline";
  doc["format_version"] = 1;
  doc["findings"] = std::move(entries);
  // File names need not be UTF-8; never let one abort the write.
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::optional<Baseline> Baseline::Load(const std::string& path, const std::string& root, std::string& error) {
  std::optional<std::string> text = ReadBounded(path, error);
  if (!text) return std::nullopt;
  nlohmann::json doc = nlohmann::json::parse(*text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("format") || doc["format"] != "pcluster-lint-baseline" ||
      !doc.contains("findings") || !doc["findings"].is_array()) {
    error = path + ": not a pcluster-lint baseline (write one with --write-baseline)";
    return std::nullopt;
  }
  if (doc.contains("format_version") && doc["format_version"] != 1) {
    error = path + ": baseline format_version " + doc["format_version"].dump() + " is not supported (1 is)";
    return std::nullopt;
  }
  Baseline baseline(root);
  const nlohmann::json& entries = doc["findings"];
  for (size_t i = 0; i < entries.size(); ++i) {
    const nlohmann::json& entry = entries[i];
    if (std::string problem = EntryProblem(entry); !problem.empty()) {
      error = path + ": baseline entry " + std::to_string(i) + " (findings[" + std::to_string(i) + "]) " + problem;
      return std::nullopt;
    }
    uint64_t count = entry.contains("count") ? entry["count"].get<uint64_t>() : 1;
    Key key{NormalPath(entry["file"].get<std::string>()), entry["rule"].get<std::string>(),
            entry["pointer"].get<std::string>()};
    uint64_t& total = baseline.counts_[key];
    total = SaturatingAdd(total, count);
  }
  return baseline;
}

void Baseline::Filter(std::vector<model::Diagnostic>& findings) const {
  std::map<Key, uint64_t> remaining = counts_;
  std::vector<model::Diagnostic> kept;
  for (auto& d : findings) {
    auto it = remaining.find(KeyOf(d));
    if (it != remaining.end() && it->second > 0) {
      --it->second;
      continue;
    }
    kept.push_back(std::move(d));
  }
  findings = std::move(kept);
}

}  // namespace pcl::pipeline
