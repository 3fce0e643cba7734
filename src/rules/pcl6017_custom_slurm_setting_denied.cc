// PCL6017 custom-slurm-setting-denied: CustomSlurmSettings sets a parameter ParallelCluster manages itself.
#include <algorithm>
#include <set>

#include "engine/rule.h"
#include "model/json_pointer.h"
#include "rules/util/compute_util.h"

namespace pcl::rules {
namespace {

using Names = std::set<std::string>;

// Deny lists of the official CustomSlurmSettingsValidator, lower-cased (the check ignores case).
const Names kCluster = {"epilog", "grestypes", "launchparameters", "prolog", "reconfigflags", "resumefailprogram",
                        "resumeprogram", "resumetimeout", "slurmctldhost", "slurmctldlogfile", "slurmctldparameters",
                        "slurmdlogfile", "slurmuser", "suspendexcnodes", "suspendprogram", "suspendtime",
                        "taskplugin", "treewidth"};
const Names kAccounting = {"accountingstoragetype", "accountingstoragehost", "accountingstorageport",
                           "accountingstorageuser", "jobacctgathertype"};
const Names kQueue = {"nodes", "partitionname", "resumetimeout", "state", "suspendtime", "oversubscribe"};
const Names kComputeResource = {"cpus", "features", "gres", "nodeaddr", "nodehostname", "nodename", "state", "weight"};

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

void CheckMapping(const engine::RuleContext& context, const model::Node* settings, const std::string& pointer,
                  const std::string& level, const Names& denied, const Names* extra) {
  if (!settings || settings->kind != model::NodeKind::kMapping) return;
  for (const model::MapEntry& entry : settings->entries) {
    const std::string key = Lower(entry.key);
    if (!denied.count(key) && !(extra && extra->count(key))) continue;
    context.ReportAt(model::AppendPointer(pointer, entry.key),
                     "slurm.conf parameter '" + entry.key + "' is managed by ParallelCluster and cannot be set in " +
                         level + " CustomSlurmSettings",
                     true);
  }
}

class CustomSlurmSettingDenied : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const model::Node& root = context.root();
    const model::Node* settings = compute::Child(&root, "Scheduling/SlurmSettings");
    const Names* extra = compute::Child(settings, "Database") ? &kAccounting : nullptr;
    const model::Node* global = compute::Child(settings, "CustomSlurmSettings");
    if (global && global->kind == model::NodeKind::kSequence) {
      for (size_t i = 0; i < global->items.size(); ++i) {
        // Items with several keys are NodeName/PartitionName lines, which the validator leaves alone.
        if (global->items[i].entries.size() != 1) continue;
        CheckMapping(context, &global->items[i],
                     model::AppendPointer("/Scheduling/SlurmSettings/CustomSlurmSettings", i), "cluster-level",
                     kCluster, extra);
      }
    }
    for (const compute::Located& queue : compute::SlurmQueues(root)) {
      CheckMapping(context, queue.node->Find("CustomSlurmSettings"), queue.pointer + "/CustomSlurmSettings",
                   "queue-level", kQueue, nullptr);
      for (const compute::Located& resource : compute::ComputeResources(queue)) {
        CheckMapping(context, resource.node->Find("CustomSlurmSettings"), resource.pointer + "/CustomSlurmSettings",
                     "compute-resource-level", kComputeResource, nullptr);
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6017CustomSlurmSettingDenied() { return std::make_unique<CustomSlurmSettingDenied>(); }

}  // namespace pcl::rules
