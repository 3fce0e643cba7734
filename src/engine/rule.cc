// Reporting helpers shared by every rule.
#include "engine/rule.h"

#include "model/node.h"

namespace pcl::engine {

void RuleContext::Report(const std::string& pointer, const model::Range& range, std::string message) const {
  model::Diagnostic d;
  d.rule_id = meta_.id;
  d.severity = meta_.severity;
  d.message = std::move(message);
  d.file = document_.path();
  d.range = range;
  d.pointer = pointer;
  emit_(std::move(d));
}

void RuleContext::ReportAt(const std::string& pointer, std::string message, bool at_key) const {
  const model::MapEntry* entry = nullptr;
  const model::Node* node = model::FindByPointer(document_.root, pointer, &entry);
  model::Range range{{1, 1}, {1, 1}};
  if (node) range = at_key && entry ? entry->key_range : node->range;
  Report(pointer, range, std::move(message));
}

namespace {

// A key set to null (`AccessPointId:` with nothing after it) is a schema error of its own
// (PCL1007); to the rules it is absent, so they do not repeat that finding in their own words.
void DropNullMembers(nlohmann::json& value) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end();) {
      if (it->is_null()) {
        it = value.erase(it);
      } else {
        DropNullMembers(*it);
        ++it;
      }
    }
  } else if (value.is_array()) {
    for (auto& item : value) DropNullMembers(item);
  }
}

}  // namespace

const nlohmann::json& RuleContext::RootJson() const {
  std::optional<nlohmann::json>& cache = root_json_ ? *root_json_ : own_root_json_;
  if (!cache) {
    cache = model::ToJson(document_.root);
    DropNullMembers(*cache);
  }
  return *cache;
}

const nlohmann::json& RuleContext::JsonAt(const std::string& pointer) const {
  static const nlohmann::json kNull;
  const nlohmann::json& root = RootJson();
  try {
    const nlohmann::json::json_pointer at(pointer);
    return root.contains(at) ? root.at(at) : kNull;
  } catch (const nlohmann::json::exception&) {
    return kNull;  // an array index past the end, or a malformed pointer: nothing there
  }
}

}  // namespace pcl::engine
