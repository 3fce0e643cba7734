// Tree helpers the network and IAM rules share: queues, compute resources, placement groups, labels.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "model/node.h"

namespace pcl::rules {

/// A node with the pointer it was found at.
struct Located {
  std::string pointer;
  const model::Node* node = nullptr;
};

/// The child at a '/'-separated relative path ("Networking/SubnetIds"), or nullptr.
const model::Node* At(const model::Node* node, std::string_view path);
bool IsTrue(const model::Node* node);
bool IsFalse(const model::Node* node);
/// The scalar text, or "" for a missing or collection node.
std::string TextOf(const model::Node* node);
/// A pointer written the way users read keys: /Scheduling/SlurmQueues/0/Name → Scheduling.SlurmQueues[0].Name.
std::string KeyLabel(std::string_view pointer);

/// The Slurm queues (mapping items of Scheduling.SlurmQueues).
std::vector<Located> SlurmQueues(const model::Node& root);
/// The compute resources (mapping items) of a queue.
std::vector<Located> ComputeResources(const Located& queue);
/// The distinct subnet IDs a queue lists, in order.
std::vector<std::string> DistinctSubnets(const model::Node& queue);
/// The instance types a compute resource uses (InstanceType or Instances[].InstanceType).
std::vector<std::string> InstanceTypesOf(const model::Node& compute_resource);

/// The placement group that applies to a compute resource, as ParallelCluster chooses it: the compute
/// resource's own Networking.PlacementGroup when written, else the queue's.
struct PlacementGroupChoice {
  Located group;                 ///< node is nullptr when neither level writes one
  bool enabled_or_named = false;  ///< Enabled: true, or a Name/Id (a group is used)
  bool disabled = false;          ///< Enabled: false written
  bool has_key = false;           ///< a Name/Id, or Enabled: true (a managed group)
};
PlacementGroupChoice ChosenPlacementGroup(const Located& queue, const Located& compute_resource);

/// Whether the target release reads several SubnetIds per Slurm queue (3.4 on; the schema rejects
/// more than one before).
bool MultiSubnetQueues(const engine::RuleContext& context);

/// Every AllowedIps string: HeadNode and LoginNodes.Pools[], under Ssh and Dcv.
std::vector<Located> AllowedIpsValues(const model::Node& root);
/// Why an AllowedIps value opens a port to the internet ("" when it does not): 0.0.0.0/0, or an
/// IPv4 range shorter than `min_prefix_length` that reaches public addresses. Prefix lists pass.
std::string OpenToWorldReason(const std::string& allowed_ips, int min_prefix_length);

}  // namespace pcl::rules
