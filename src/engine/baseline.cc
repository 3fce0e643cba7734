// Baselines: record today's findings, then report only new ones (keyed without line numbers).
#include "engine/baseline.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace pcl::engine {
namespace {

// Paths are stored relative and normalised so a baseline works from any checkout location.
std::string NormalPath(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().generic_string();
}

}  // namespace

Baseline::Key Baseline::KeyOf(const model::Diagnostic& d) {
  return {NormalPath(d.file), d.rule_id, d.pointer.empty() ? "message:" + d.message : d.pointer};
}

Baseline Baseline::FromFindings(const std::vector<model::Diagnostic>& findings) {
  Baseline baseline;
  for (const auto& d : findings) {
    if (!d.suppressed) ++baseline.counts_[KeyOf(d)];
  }
  return baseline;
}

std::string Baseline::ToJson() const {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const auto& [key, count] : counts_) {
    entries.push_back({{"file", std::get<0>(key)}, {"rule", std::get<1>(key)}, {"pointer", std::get<2>(key)},
                       {"count", count}});
  }
  nlohmann::ordered_json doc;
  doc["format"] = "pcluster-lint-baseline";
  doc["format_version"] = 1;
  doc["findings"] = std::move(entries);
  return doc.dump(2) + "\n";
}

std::optional<Baseline> Baseline::Load(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot read baseline";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json doc = nlohmann::json::parse(text.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("format", "") != "pcluster-lint-baseline" ||
      !doc.contains("findings") || !doc["findings"].is_array()) {
    error = path + ": not a pcluster-lint baseline (write one with --write-baseline)";
    return std::nullopt;
  }
  Baseline baseline;
  for (const auto& entry : doc["findings"]) {
    if (!entry.is_object() || !entry.contains("file") || !entry.contains("rule") || !entry.contains("pointer") ||
        !entry["file"].is_string() || !entry["rule"].is_string() || !entry["pointer"].is_string()) {
      error = path + ": malformed baseline entry";
      return std::nullopt;
    }
    int count = entry.value("count", 1);
    baseline.counts_[{NormalPath(entry["file"]), entry["rule"], entry["pointer"]}] += count > 0 ? count : 1;
  }
  return baseline;
}

void Baseline::Filter(std::vector<model::Diagnostic>& findings) const {
  std::map<Key, int> remaining = counts_;
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

}  // namespace pcl::engine
