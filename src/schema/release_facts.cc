// Reads schemas/release-facts.json (embedded) into the lookups the OS, DCV and release rules use.
#include "schema/release_facts.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "data/release_facts_table.h"

namespace pcl::schema {
namespace {

std::vector<std::string> Strings(const nlohmann::json& object, const char* key) {
  std::vector<std::string> out;
  if (auto it = object.find(key); it != object.end() && it->is_array()) {
    for (const auto& item : *it) {
      if (item.is_string()) out.push_back(item.get<std::string>());
    }
  }
  return out;
}

std::string Text(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::vector<std::string> SplitWords(std::string_view words) {
  std::vector<std::string> out;
  while (!words.empty()) {
    const size_t space = words.find(' ');
    out.emplace_back(words.substr(0, space));
    words = space == std::string_view::npos ? std::string_view() : words.substr(space + 1);
  }
  return out;
}

}  // namespace

// Both readers fill the same plain lists; Build checks them the same way.
struct ReleaseFacts::Raw {
  std::vector<std::string> releases;
  std::vector<std::pair<std::string, OsFacts>> os;
  std::vector<std::pair<std::string, RawDcvRun>> dcv;
};

std::optional<ReleaseFacts> ReleaseFacts::Build(Raw raw, std::string& error) {
  ReleaseFacts facts;
  for (std::string& release : raw.releases) {
    if (!core::Release::Parse(release)) {
      error = "releases: '" + release + "' is not a release";
      return std::nullopt;
    }
    facts.releases_.push_back(std::move(release));
  }
  for (auto& [name, os] : raw.os) {
    if (!core::Release::Parse(os.added) || (!os.removed.empty() && !core::Release::Parse(os.removed))) {
      error = "os: " + name + " needs an added release (and removed, if any, must be a release)";
      return std::nullopt;
    }
    facts.os_.emplace(std::move(name), std::move(os));
  }
  for (auto& [arch, raw_run] : raw.dcv) {
    std::vector<DcvRun>& list = facts.dcv_[arch];
    auto since = core::Release::Parse(raw_run.since);
    if (!since || (!list.empty() && *since <= list.back().since)) {
      error = "dcv: " + arch + " runs need a since release, in increasing order";
      return std::nullopt;
    }
    list.push_back({*since, std::move(raw_run.not_on), std::move(raw_run.only_on)});
  }
  return facts;
}

std::optional<ReleaseFacts> ReleaseFacts::FromJson(std::string_view text, std::string& error) {
  const nlohmann::json root = nlohmann::json::parse(text, nullptr, false);
  if (!root.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  Raw raw;
  // Named, not temporaries: items() refers into the value it iterates.
  const nlohmann::json releases = root.value("releases", nlohmann::json::array());
  const nlohmann::json os_table = root.value("os", nlohmann::json::object());
  const nlohmann::json dcv = root.value("dcv", nlohmann::json::object());
  for (const auto& entry : releases) raw.releases.push_back(Text(entry, "release"));
  for (const auto& [name, entry] : os_table.items()) {
    raw.os.emplace_back(
        name, OsFacts{Text(entry, "added"), Text(entry, "removed"), Text(entry, "end_of_life"), Text(entry, "source")});
  }
  for (const auto& [arch, runs] : dcv.items()) {
    if (!runs.is_array()) continue;  // "$comment"
    for (const auto& run : runs) {
      raw.dcv.emplace_back(arch, RawDcvRun{Text(run, "since"), Strings(run, "not_on"), Strings(run, "only_on")});
    }
  }
  return Build(std::move(raw), error);
}

const ReleaseFacts& ReleaseFacts::Embedded() {
  static const ReleaseFacts kFacts = [] {
    const data::PackedReleaseFacts& table = data::ReleaseFactsTable();
    Raw raw;
    for (std::string_view release : table.releases) raw.releases.emplace_back(release);
    for (const data::PackedOsFacts& os : table.os) {
      raw.os.emplace_back(std::string(os.name),
                          OsFacts{std::string(os.added), std::string(os.removed), std::string(os.end_of_life), ""});
    }
    for (const data::PackedDcvRun& run : table.dcv) {
      raw.dcv.emplace_back(std::string(run.arch),
                           RawDcvRun{std::string(run.since), SplitWords(run.not_on), SplitWords(run.only_on)});
    }
    std::string error;
    std::optional<ReleaseFacts> facts = Build(std::move(raw), error);
    if (!facts) {
      std::fprintf(stderr, "pcluster-lint: internal error: schemas/release-facts.json: %s\n", error.c_str());
      std::exit(3);
    }
    return std::move(*facts);
  }();
  return kFacts;
}

const OsFacts* ReleaseFacts::FindOs(std::string_view os) const {
  auto it = os_.find(std::string(os));
  return it == os_.end() ? nullptr : &it->second;
}

bool ReleaseFacts::OsAccepted(std::string_view os, const core::Release& release) const {
  const OsFacts* facts = FindOs(os);
  if (!facts) return false;
  const core::Release at = release.FeatureRelease();
  return *core::Release::Parse(facts->added) <= at &&
         (facts->removed.empty() || at < *core::Release::Parse(facts->removed));
}

const DcvRun* ReleaseFacts::DcvRunFor(std::string_view arch, const core::Release& release) const {
  auto it = dcv_.find(arch);
  if (it == dcv_.end()) return nullptr;
  const DcvRun* found = nullptr;
  for (const DcvRun& run : it->second) {
    if (run.since <= release.FeatureRelease()) found = &run;
  }
  return found;
}

std::optional<bool> ReleaseFacts::DcvSupported(std::string_view os, std::string_view arch,
                                               const core::Release& release) const {
  const DcvRun* run = DcvRunFor(arch, release);
  if (!run) return std::nullopt;
  if (!run->only_on.empty() && !Contains(run->only_on, os)) return false;
  return !Contains(run->not_on, os);
}

std::vector<std::string> ReleaseFacts::DcvOses(std::string_view arch, const core::Release& release) const {
  std::vector<std::string> out;
  for (const auto& [name, facts] : os_) {
    if (OsAccepted(name, release) && DcvSupported(name, arch, release).value_or(false)) out.push_back(name);
  }
  return out;
}

}  // namespace pcl::schema
