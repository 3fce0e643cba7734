// Update-policy semantics (ParallelCluster's update_policy.py condition checkers, minus the live cluster).
#include "diff/judge.h"

#include <optional>

#include "model/ref.h"
#include "model/scalar_read.h"

namespace pcl::diff {
namespace {

using model::Node;
using model::NodeKind;

// The typed view's reads on a bare node of the old or new tree (the judge needs no pointers):
// values as ParallelCluster reads them, so "4" is 4 and an explicit null is absent.
model::Ref At(const Node* node, std::string_view path) {
  model::Ref child = model::Ref({}, node).At(path);
  return child.present() ? child : model::Ref();
}

std::optional<int64_t> Int(const Node* node) {
  return node ? model::ReadInteger(*node) : std::nullopt;
}

bool UnderSlurmQueue(const Change& change) {
  return change.pattern.rfind("/Scheduling/SlurmQueues/*/", 0) == 0;
}

// A placement group ParallelCluster creates itself: enabled, with neither Id nor Name.
bool ManagedPlacementGroup(const Node* queue, const Node* compute_resource) {
  model::Ref group = At(compute_resource, "Networking/PlacementGroup");
  if (!group || group.node()->entries.empty()) group = At(queue, "Networking/PlacementGroup");
  return group && group.At("Enabled").IsTrue() && !At(group.node(), "Id") && !At(group.node(), "Name");
}

// File systems that exist outside the cluster are mounted and unmounted without stopping nodes.
bool ExternalStorage(const Node* storage) {
  const std::string type = At(storage, "StorageType").Text();
  if (type == "FsxOntap" || type == "FsxOpenZfs" || type == "FileCache") return true;
  if (type == "Efs") return At(storage, "EfsSettings/FileSystemId").present();
  if (type == "FsxLustre") return At(storage, "FsxLustreSettings/FileSystemId").present();
  return false;
}

bool IsHome(const Node* storage) {
  std::string dir = At(storage, "MountDir").Text();
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir == "/home" || dir == "home";
}

Verdict Live(std::string reason) {
  Verdict verdict;
  verdict.conditional = true;
  verdict.reason = std::move(reason);
  return verdict;
}

Verdict Compute(ComputeNeed need, std::string reason = {}) {
  Verdict verdict;
  verdict.compute = need;
  verdict.reason = std::move(reason);
  return verdict;
}

Verdict NewCluster(std::string reason = {}) {
  Verdict verdict;
  verdict.new_cluster = true;
  verdict.reason = std::move(reason);
  return verdict;
}

bool IsAdd(const Change& change) {
  return change.list_item && change.kind == ChangeKind::kAdded;
}
bool IsRemove(const Change& change) {
  return change.list_item && change.kind == ChangeKind::kRemoved;
}

// MaxCount may grow (or stay) with nodes running; unset means the default of 10.
bool MaxCountGrows(const Change& change) {
  constexpr int64_t kDefaultMaxCount = 10;
  auto old_count = change.old_value ? Int(change.old_value) : kDefaultMaxCount;
  auto new_count = change.new_value ? Int(change.new_value) : kDefaultMaxCount;
  return old_count && new_count && *new_count >= *old_count;
}

// MinCount may grow with nodes running if MaxCount grows at least as much (no running dynamic node is
// turned static). ParallelCluster reads unset counts as 0 here.
bool MinCountGrowthCovered(const Change& change) {
  const NodePair& cr = change.compute_resource;
  auto old_min = change.old_value ? Int(change.old_value) : 0;
  auto new_min = change.new_value ? Int(change.new_value) : 0;
  const Node* old_max_node = At(cr.old_node, "MaxCount").node();
  const Node* new_max_node = At(cr.new_node, "MaxCount").node();
  std::optional<int64_t> max_growth = 0;
  if (!SameValue(old_max_node, new_max_node)) {
    auto old_max = old_max_node ? Int(old_max_node) : 0;
    auto new_max = new_max_node ? Int(new_max_node) : 0;
    max_growth = old_max && new_max ? std::optional<int64_t>(*new_max - *old_max) : std::nullopt;
  }
  return old_min && new_min && max_growth && *new_min >= *old_min && *new_min - *old_min <= *max_growth;
}

Verdict SharedStorage(const Change& change, const JudgeContext& context) {
  const Node* item = change.storage.new_node ? change.storage.new_node : change.storage.old_node;
  if (context.scheduler == "awsbatch") return NewCluster("shared storage cannot change on an AWS Batch cluster");
  if (IsHome(change.storage.old_node) || IsHome(change.storage.new_node)) {
    return NewCluster("/home cannot be mounted or unmounted by an update");
  }
  if (ExternalStorage(item)) return Live("an existing, external file system is mounted or unmounted live");
  // Unmounting (removal, MountDir change) needs the fleet stopped; mounting can go with a strategy.
  const bool unmount = IsRemove(change) || change.key == "MountDir" || !change.list_item;
  Verdict verdict = Compute(unmount || context.scheduler != "slurm" ? ComputeNeed::kStop : ComputeNeed::kStrategy);
  verdict.login = true;
  return verdict;
}

}  // namespace

JudgeContext MakeJudgeContext(const Node& old_root, const Node& new_root) {
  JudgeContext context;
  const model::Ref settings = At(&new_root, "Scheduling/SlurmSettings");
  if (settings.IsMapping()) {
    context.strategy_entry = settings.node()->FindEntry("QueueUpdateStrategy");
    context.queue_update_strategy = At(settings.node(), "QueueUpdateStrategy").Text();
  }
  context.scheduler = At(&new_root, "Scheduling/Scheduler").Text();
  const model::Ref pools = At(&old_root, "LoginNodes/Pools");
  context.old_has_login_nodes = pools && !pools.node()->items.empty();
  auto managed_fsx = [](const Node& root) {
    std::set<std::string> names;
    for (const model::Ref& item : At(&root, "SharedStorage").Items()) {
      if (item.At("StorageType").Text() == "FsxLustre" && !item.At("FsxLustreSettings/FileSystemId").present()) {
        names.insert(item.At("Name").Text());
      }
    }
    return names;
  };
  std::set<std::string> before = managed_fsx(old_root);
  for (const std::string& name : managed_fsx(new_root)) {
    if (before.count(name)) context.kept_managed_fsx.insert(name);
  }
  return context;
}

namespace {

// The verdict from the policy alone, before the new config's QueueUpdateStrategy and the old
// config's login nodes are taken into account.
Verdict Decide(const Change& change, const JudgeContext& context) {
  const std::string& policy = change.policy.policy;
  Verdict verdict;
  if (!change.policy.known) {
    verdict = NewCluster();  // the message names the missing policy
  } else if (policy == "SUPPORTED" || policy == "IGNORED") {
    // Free: nothing to do.
  } else if (policy == "UNSUPPORTED") {
    verdict = NewCluster();
  } else if (policy == "READ_ONLY_RESOURCE_BUCKET") {
    verdict = NewCluster("read-only: a forced update keeps the old bucket; restore the old value");
  } else if (policy == "COMPUTE_FLEET_STOP") {
    verdict = Compute(ComputeNeed::kStop);
  } else if (policy == "COMPUTE_AND_LOGIN_NODES_STOP") {
    verdict = Compute(ComputeNeed::kStop);
    verdict.login = true;
  } else if (policy == "LOGIN_NODES_STOP" || policy == "LOGIN_NODES_POOL_STOP") {
    verdict.login = true;
  } else if (policy == "LOGIN_NODES_POOLS_UPDATE_POLICY") {
    if (IsAdd(change)) return Live("adding a login node pool");
    verdict.login = true;
  } else if (policy == "QUEUE_UPDATE_STRATEGY") {
    verdict = Compute(UnderSlurmQueue(change) ? ComputeNeed::kStrategy : ComputeNeed::kStop);
  } else if (policy == "MANAGED_PLACEMENT_GROUP") {
    if (ManagedPlacementGroup(change.queue.old_node, change.compute_resource.old_node) &&
        !ManagedPlacementGroup(change.queue.new_node, change.compute_resource.new_node)) {
      verdict = Compute(ComputeNeed::kStop, "it removes a ParallelCluster-managed placement group");
    } else {
      verdict = Compute(UnderSlurmQueue(change) ? ComputeNeed::kStrategy : ComputeNeed::kStop);
    }
  } else if (policy == "MANAGED_FSX") {
    if (!context.kept_managed_fsx.empty()) {
      return NewCluster("the ParallelCluster-managed FSx for Lustre '" + *context.kept_managed_fsx.begin() +
                        "' is kept, and a forced update would delete it");
    }
    bool only_adds = change.old_value && change.new_value && change.old_value->kind == NodeKind::kSequence &&
                     change.new_value->kind == NodeKind::kSequence;
    if (only_adds) {
      for (const Node& old_item : change.old_value->items) {
        bool kept = false;
        for (const Node& new_item : change.new_value->items) kept = kept || SameValue(&old_item, &new_item);
        only_adds = only_adds && kept;
      }
    }
    if (!UnderSlurmQueue(change)) return Compute(ComputeNeed::kStop);
    if (only_adds) return Live("it only adds subnets");
    verdict = Compute(ComputeNeed::kStrategy);
  } else if (policy == "COMPUTE_FLEET_STOP_ON_REMOVE") {
    if (IsAdd(change) && (UnderSlurmQueue(change) || change.key == "SlurmQueues")) return Live("adding an item");
    verdict = Compute(ComputeNeed::kStop, IsRemove(change) ? "removing an item" : "");
  } else if (policy == "RESIZE_UPDATE_STRATEGY_ON_REMOVE") {
    if (IsAdd(change)) return Live(change.key == "SlurmQueues" ? "adding a queue" : "adding a compute resource");
    if (change.key == "MaxCount" && !change.list_item) {
      if (MaxCountGrows(change)) return Live("MaxCount does not decrease");
      return Compute(ComputeNeed::kTerminate, "MaxCount decreases");
    }
    if (change.key == "MinCount" && !change.list_item) {
      if (MinCountGrowthCovered(change)) return Live("MaxCount grows at least as much as MinCount");
      return Compute(ComputeNeed::kTerminate, "MinCount changes by more than MaxCount grows");
    }
    verdict = Compute(ComputeNeed::kTerminate, IsRemove(change) ? "removing it terminates its nodes" : "");
  } else if (policy == "MAX_COUNT") {
    if (MaxCountGrows(change)) return Live("MaxCount does not decrease");
    verdict = Compute(ComputeNeed::kStop, "MaxCount decreases");
  } else if (policy == "SHARED_STORAGE_UPDATE_POLICY") {
    verdict = SharedStorage(change, context);
  } else if (policy == "AWSBATCH_CE_MAX_RESIZE") {
    auto old_count = Int(change.old_value);
    auto new_count = Int(change.new_value);
    if (old_count && new_count && *new_count >= *old_count) return Live("MaxvCpus does not decrease");
    verdict.cluster_state = true;
    verdict.reason = "MaxvCpus must stay at or above the compute environment's current desired vCPUs";
  } else {
    verdict = NewCluster("pcluster-lint does not know its update rule, so it is taken as not updatable");
  }
  return verdict;
}

}  // namespace

Verdict Judge(const Change& change, const JudgeContext& context) {
  Verdict verdict = Decide(change, context);

  // A strategy in the new file replaces stopping the fleet for the changes it covers.
  const std::string& strategy = context.queue_update_strategy;
  if ((verdict.compute == ComputeNeed::kStrategy && (strategy == "DRAIN" || strategy == "TERMINATE")) ||
      (verdict.compute == ComputeNeed::kTerminate && strategy == "TERMINATE")) {
    verdict.compute = ComputeNeed::kNone;
    verdict.covered_by = strategy;
  }
  // Nothing to stop if the running cluster has no login nodes.
  if (verdict.login && !context.old_has_login_nodes) {
    verdict.login = false;
    if (!verdict.new_cluster && verdict.compute == ComputeNeed::kNone && verdict.covered_by.empty()) {
      verdict.conditional = true;
      verdict.reason = "the old config has no login nodes to stop";
    }
  }
  return verdict;
}

}  // namespace pcl::diff
