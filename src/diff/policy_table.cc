// Reads the embedded update-policies.json and versions.json into a per-key, per-release lookup.
#include "diff/policy_table.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <utility>

#include "data/embedded.h"

namespace pcl::diff {
namespace {

using nlohmann::json;

std::pair<int, int> ParseRelease(const std::string& text) {
  int major = -1;
  int minor = -1;
  size_t dot = text.find('.');
  if (dot == std::string::npos) return {major, minor};
  std::from_chars(text.data(), text.data() + dot, major);
  std::from_chars(text.data() + dot + 1, text.data() + text.size(), minor);
  return {major, minor};
}

std::string StringField(const json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

int CompareReleases(const std::string& a, const std::string& b) {
  auto pa = ParseRelease(a);
  auto pb = ParseRelease(b);
  if (pa == pb) return 0;
  return pa < pb ? -1 : 1;
}

PolicyTable PolicyTable::FromJson(const std::string& policies_json, const std::string& versions_json) {
  PolicyTable table;
  // Parsed without exceptions: the data is ours, but a defect must not crash a user's run.
  json policies = json::parse(policies_json, nullptr, false);
  json versions = json::parse(versions_json, nullptr, false);
  if (policies.is_discarded() || !policies.is_object() || !policies.contains("keys") || !policies["keys"].is_object()) {
    table.error_ = "schemas/update-policies.json is not readable";
    return table;
  }
  for (const auto& [pattern, runs] : policies["keys"].items()) {
    if (!runs.is_array()) continue;
    Key& key = table.keys_[pattern];
    for (const json& run : runs) {
      if (!run.is_object()) continue;
      key.entries.push_back(
          {StringField(run, "since"), StringField(run, "policy"), StringField(run, "items_keyed_by")});
    }
    std::stable_sort(key.entries.begin(), key.entries.end(),
                     [](const Entry& a, const Entry& b) { return CompareReleases(a.since, b.since) < 0; });
    // Every proper prefix of a described key is a section that has described children.
    for (size_t slash = pattern.rfind('/'); slash != std::string::npos && slash > 0;
         slash = pattern.rfind('/', slash - 1)) {
      table.parents_.insert(pattern.substr(0, slash));
    }
    table.parents_.insert("");
  }
  if (auto it = policies.find("policies"); it != policies.end() && it->is_object()) {
    for (const auto& [name, meaning] : it->items()) {
      if (meaning.is_string()) table.meanings_[name] = meaning.get<std::string>();
    }
  }
  if (auto it = policies.find("releases"); it != policies.end() && it->is_array()) {
    for (const json& release : *it) {
      if (release.is_string()) table.releases_.push_back(release.get<std::string>());
    }
  }
  if (!versions.is_discarded() && versions.is_object() && versions.contains("keys") && versions["keys"].is_object()) {
    for (const auto& [pattern, facts] : versions["keys"].items()) {
      auto it = table.keys_.find(pattern);
      if (it == table.keys_.end() || !facts.is_object()) continue;
      it->second.added = StringField(facts, "added");
      it->second.removed = StringField(facts, "removed");
      auto free_form = facts.find("free_form");
      it->second.free_form = free_form != facts.end() && free_form->is_boolean() && free_form->get<bool>();
    }
  } else {
    table.error_ = "schemas/versions.json is not readable";
  }
  return table;
}

const PolicyTable& PolicyTable::Embedded() {
  static const PolicyTable kTable = [] {
    auto policies = data::FindEmbedded("schemas/update-policies.json");
    auto versions = data::FindEmbedded("schemas/versions.json");
    PolicyTable table =
        FromJson(policies ? std::string(*policies) : std::string(), versions ? std::string(*versions) : std::string());
    return table;
  }();
  return kTable;
}

KeyPolicy PolicyTable::Lookup(const std::string& pattern, const std::string& release) const {
  KeyPolicy result;
  result.policy = "UNSUPPORTED";
  auto it = keys_.find(pattern);
  if (it == keys_.end()) return result;
  const Key& key = it->second;
  if (!key.removed.empty() && CompareReleases(key.removed, release) <= 0) return result;
  const Entry* chosen = nullptr;
  for (const Entry& entry : key.entries) {
    if (CompareReleases(entry.since, release) <= 0) chosen = &entry;
  }
  if (!chosen || chosen->policy.empty()) return result;
  result.known = true;
  result.policy = chosen->policy;
  result.items_keyed_by = chosen->items_keyed_by;
  // A list's item key does not depend on the release; older runs may just not spell it out.
  for (const Entry& entry : key.entries) {
    if (result.items_keyed_by.empty()) result.items_keyed_by = entry.items_keyed_by;
  }
  result.free_form = key.free_form;
  return result;
}

std::string PolicyTable::Meaning(const std::string& policy) const {
  auto it = meanings_.find(policy);
  return it == meanings_.end() ? std::string() : it->second;
}

bool PolicyTable::IsRelease(const std::string& release) const {
  for (const std::string& known : releases_) {
    if (known == release) return true;
  }
  return false;
}

}  // namespace pcl::diff
