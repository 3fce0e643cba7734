// Tree helpers shared by the network and IAM rules.
#include "rules/util/network_util.h"

#include <algorithm>

#include "model/json_pointer.h"
#include "rules/util/cidr.h"
#include "schema/schema_store.h"

namespace pcl::rules {

const model::Node* At(const model::Node* node, std::string_view path) {
  while (node && !path.empty()) {
    size_t slash = path.find('/');
    node = node->kind == model::NodeKind::kMapping ? node->Find(path.substr(0, slash)) : nullptr;
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  return node;
}

bool IsTrue(const model::Node* node) { return node && node->kind == model::NodeKind::kBool && node->bool_value; }
bool IsFalse(const model::Node* node) { return node && node->kind == model::NodeKind::kBool && !node->bool_value; }

std::string TextOf(const model::Node* node) {
  // A YAML null (Name: ~, as re-serialised configs write unset keys) counts as unset.
  return node && node->IsScalar() && node->kind != model::NodeKind::kNull ? node->text : "";
}

std::string KeyLabel(std::string_view pointer) {
  std::string out;
  auto tokens = model::SplitPointer(pointer);
  if (!tokens) return std::string(pointer);
  for (const std::string& token : *tokens) {
    bool index = !token.empty() && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
    out += index ? "[" + token + "]" : (out.empty() ? "" : ".") + token;
  }
  return out;
}

std::vector<Located> SlurmQueues(const model::Node& root) {
  std::vector<Located> out;
  const model::Node* queues = At(&root, "Scheduling/SlurmQueues");
  if (!queues || queues->kind != model::NodeKind::kSequence) return out;
  for (size_t i = 0; i < queues->items.size(); ++i) {
    if (queues->items[i].kind == model::NodeKind::kMapping) {
      out.push_back({model::AppendPointer("/Scheduling/SlurmQueues", i), &queues->items[i]});
    }
  }
  return out;
}

std::vector<Located> ComputeResources(const Located& queue) {
  std::vector<Located> out;
  const model::Node* resources = At(queue.node, "ComputeResources");
  if (!resources || resources->kind != model::NodeKind::kSequence) return out;
  for (size_t i = 0; i < resources->items.size(); ++i) {
    if (resources->items[i].kind == model::NodeKind::kMapping) {
      out.push_back({model::AppendPointer(queue.pointer + "/ComputeResources", i), &resources->items[i]});
    }
  }
  return out;
}

std::vector<std::string> DistinctSubnets(const model::Node& queue) {
  std::vector<std::string> out;
  const model::Node* subnets = At(&queue, "Networking/SubnetIds");
  if (!subnets || subnets->kind != model::NodeKind::kSequence) return out;
  for (const model::Node& item : subnets->items) {
    if (item.kind == model::NodeKind::kString && std::find(out.begin(), out.end(), item.text) == out.end()) {
      out.push_back(item.text);
    }
  }
  return out;
}

std::vector<std::string> InstanceTypesOf(const model::Node& compute_resource) {
  std::vector<std::string> out;
  if (const model::Node* type = compute_resource.Find("InstanceType"); type && type->IsScalar()) {
    out.push_back(type->text);
  }
  const model::Node* instances = compute_resource.Find("Instances");
  if (instances && instances->kind == model::NodeKind::kSequence) {
    for (const model::Node& item : instances->items) {
      if (const model::Node* type = At(&item, "InstanceType"); type && type->IsScalar()) out.push_back(type->text);
    }
  }
  return out;
}

PlacementGroupChoice ChosenPlacementGroup(const Located& queue, const Located& compute_resource) {
  PlacementGroupChoice choice;
  // A compute-resource-level group overrides the queue's whenever it is written at all.
  if (const model::Node* own = At(compute_resource.node, "Networking/PlacementGroup")) {
    choice.group = {compute_resource.pointer + "/Networking/PlacementGroup", own};
  } else if (const model::Node* shared = At(queue.node, "Networking/PlacementGroup")) {
    choice.group = {queue.pointer + "/Networking/PlacementGroup", shared};
  }
  const model::Node* group = choice.group.node;
  if (!group || group->kind != model::NodeKind::kMapping) return choice;
  bool named = !TextOf(group->Find("Name")).empty() || !TextOf(group->Find("Id")).empty();
  choice.disabled = IsFalse(group->Find("Enabled"));
  choice.has_key = named || IsTrue(group->Find("Enabled"));
  choice.enabled_or_named = choice.has_key;
  return choice;
}

bool MultiSubnetQueues(const engine::RuleContext& context) {
  return schema::CompareVersions(context.target_version(), "3.4") >= 0;
}

std::vector<Located> AllowedIpsValues(const model::Node& root) {
  std::vector<Located> owners = {{"/HeadNode", At(&root, "HeadNode")}};
  if (const model::Node* pools = At(&root, "LoginNodes/Pools"); pools && pools->kind == model::NodeKind::kSequence) {
    for (size_t i = 0; i < pools->items.size(); ++i) {
      owners.push_back({model::AppendPointer("/LoginNodes/Pools", i), &pools->items[i]});
    }
  }
  std::vector<Located> out;
  for (const Located& owner : owners) {
    for (const char* service : {"Ssh", "Dcv"}) {
      const model::Node* value = At(owner.node, std::string(service) + "/AllowedIps");
      if (value && value->kind == model::NodeKind::kString) {
        out.push_back({owner.pointer + "/" + service + "/AllowedIps", value});
      }
    }
  }
  return out;
}

std::string OpenToWorldReason(const std::string& allowed_ips, int min_prefix_length) {
  std::optional<Cidr> cidr = ParseCidr(allowed_ips);
  if (!cidr || cidr->v6) return "";  // prefix lists, and IPv6 (the schema rejects it)
  if (cidr->prefix == 0) return "the whole internet";
  if (cidr->prefix >= min_prefix_length || IsPrivate(*cidr)) return "";
  return "a public range of " + AddressCount(*cidr) + " addresses";
}

}  // namespace pcl::rules
