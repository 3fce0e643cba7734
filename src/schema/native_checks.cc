// Official checks the JSON Schema cannot express (docs/schema-notes.md, "native"), as PCL1xxx problems.
#include "schema/native_checks.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "core/release.h"
#include "model/json_pointer.h"
#include "schema/messages.h"
#include "schema/schema_store.h"

namespace pcl::schema {
namespace {

using nlohmann::json;

void CheckTagList(const json& tags, const Path& path, std::vector<Problem>& problems) {
  if (!tags.is_array()) return;
  // Where each tag key was first used: one pass, so a list of 32,000 tags stays linear.
  std::unordered_map<std::string_view, size_t> first_use;
  for (size_t j = 0; j < tags.size(); ++j) {
    if (!tags[j].is_object()) continue;
    auto key = tags[j].find("Key");
    if (key == tags[j].end() || !key->is_string()) continue;
    const std::string& name = key->get_ref<const std::string&>();
    auto [first, added] = first_use.try_emplace(name, j);
    if (added) continue;
    const size_t i = first->second;
    Problem problem;
    problem.rule_id = ids::kDuplicateListItem;
    problem.pointer = problem.anchor_pointer = path.Index(j).Key("Key").pointer;
    problem.message =
        "Duplicate tag key (" + name + ") detected. " + path.label + " keys should be unique within the Tags section.";
    problem.note_message = "first used here";
    problem.note_pointer = path.Index(i).Key("Key").pointer;
    problems.push_back(std::move(problem));
  }
}

const json* Child(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

void CheckTags(const json& instance, const json& schema, std::vector<Problem>& problems) {
  Path root{"", "", ""};
  if (const json* tags = Child(instance, "Tags"); tags && SchemaAt(schema, "/Tags")) {
    CheckTagList(*tags, root.Key("Tags"), problems);
  }
  const json* scheduling = Child(instance, "Scheduling");
  const json* queues = scheduling ? Child(*scheduling, "SlurmQueues") : nullptr;
  if (!queues || !queues->is_array()) return;
  Path queues_path = root.Key("Scheduling").Key("SlurmQueues");
  bool queue_tags = SchemaAt(schema, "/Scheduling/SlurmQueues/*/Tags") != nullptr;
  bool resource_tags = SchemaAt(schema, "/Scheduling/SlurmQueues/*/ComputeResources/*/Tags") != nullptr;
  for (size_t q = 0; q < queues->size(); ++q) {
    const json& queue = (*queues)[q];
    Path queue_path = queues_path.Index(q);
    if (const json* tags = Child(queue, "Tags"); tags && queue_tags)
      CheckTagList(*tags, queue_path.Key("Tags"), problems);
    const json* resources = Child(queue, "ComputeResources");
    if (!resources || !resources->is_array() || !resource_tags) continue;
    for (size_t r = 0; r < resources->size(); ++r) {
      if (const json* tags = Child((*resources)[r], "Tags")) {
        CheckTagList(*tags, queue_path.Key("ComputeResources").Index(r).Key("Tags"), problems);
      }
    }
  }
}

void CheckJsonString(const json& instance, const json& schema, const std::vector<std::string>& keys,
                     std::vector<Problem>& problems) {
  Path path{"", "", ""};
  const json* value = &instance;
  for (const std::string& key : keys) {
    value = Child(*value, key.c_str());
    if (!value) return;
    path = path.Key(key);
  }
  if (!value->is_string() || !SchemaAt(schema, path.wildcard)) return;
  try {
    json parsed = json::parse(value->get<std::string>());
    (void)parsed;
  } catch (const json::exception& e) {
    std::string why = e.what();
    if (size_t end = why.find("] "); why.rfind("[json.exception", 0) == 0 && end != std::string::npos) {
      why = why.substr(end + 2);
    }
    Problem problem;
    problem.rule_id = ids::kInvalidEmbeddedJson;
    problem.pointer = problem.anchor_pointer = path.pointer;
    // parse_error::byte counts the characters read, the offending one included.
    if (const auto* parse = dynamic_cast<const json::parse_error*>(&e); parse && parse->byte > 0) {
      problem.value_offset = parse->byte - 1;
    }
    problem.message = path.label + " must be a JSON document: " + why;
    problems.push_back(std::move(problem));
  }
}

// ParallelCluster 3.0–3.2 required every Slurm queue to use the same subnets (a schema-level check
// that became a suppressible validator in 3.3).
void CheckSameSubnets(const json& instance, const std::string& target, std::vector<Problem>& problems) {
  if (core::CompareReleaseText(target, "3.2") > 0) return;
  const json* scheduling = Child(instance, "Scheduling");
  const json* queues = scheduling ? Child(*scheduling, "SlurmQueues") : nullptr;
  if (!queues || !queues->is_array()) return;
  Path queues_path = Path{"", "", ""}.Key("Scheduling").Key("SlurmQueues");
  const json* first = nullptr;
  size_t first_index = 0;
  for (size_t q = 0; q < queues->size(); ++q) {
    const json* networking = Child((*queues)[q], "Networking");
    const json* subnets = networking ? Child(*networking, "SubnetIds") : nullptr;
    if (!subnets || !subnets->is_array()) continue;
    json sorted = *subnets;
    std::sort(sorted.begin(), sorted.end());
    if (!first) {
      first = subnets;
      first_index = q;
      continue;
    }
    json first_sorted = *first;
    std::sort(first_sorted.begin(), first_sorted.end());
    if (sorted == first_sorted) continue;
    Path path = queues_path.Index(q).Key("Networking").Key("SubnetIds");
    Problem problem;
    problem.rule_id = ids::kCrossFieldConflict;
    problem.pointer = problem.anchor_pointer = path.pointer;
    problem.message = "ParallelCluster " + target + " requires every Slurm queue to use the same SubnetIds; " +
                      queues_path.Index(q).label + " differs from " + queues_path.Index(first_index).label +
                      " (allowed from 3.3 on)";
    problem.note_message = "the first queue's SubnetIds";
    problem.note_pointer = queues_path.Index(first_index).Key("Networking").Key("SubnetIds").pointer;
    problems.push_back(std::move(problem));
  }
}

}  // namespace

const json* SchemaAt(const json& schema, const std::string& wildcard) {
  auto tokens = model::SplitPointer(wildcard);
  if (!tokens) return nullptr;
  const json* current = &schema;
  for (const std::string& token : *tokens) {
    const char* keyword = token == "*" ? "items" : "properties";
    auto it = current->find(keyword);
    if (it == current->end() || !it->is_object()) return nullptr;
    if (token == "*") {
      current = &*it;
      continue;
    }
    auto child = it->find(token);
    if (child == it->end()) return nullptr;
    current = &*child;
  }
  return current;
}

void RunNativeChecks(const json& instance, const json& schema, const std::string& target,
                     std::vector<Problem>& problems) {
  if (!instance.is_object()) return;
  CheckTags(instance, schema, problems);
  CheckJsonString(instance, schema, {"DevSettings", "Cookbook", "ExtraChefAttributes"}, problems);
  CheckJsonString(instance, schema, {"DevSettings", "InstanceTypesData"}, problems);
  CheckSameSubnets(instance, target, problems);
}

}  // namespace pcl::schema
