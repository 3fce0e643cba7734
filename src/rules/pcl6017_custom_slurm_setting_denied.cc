// PCL6017 custom-slurm-setting-denied: CustomSlurmSettings sets a parameter ParallelCluster manages itself.
#include <algorithm>
#include <span>
#include <string_view>

#include "engine/rule.h"
#include "model/json_pointer.h"
#include "rules/util/compute_util.h"

namespace pcl::rules {
namespace {

using Names = std::span<const std::string_view>;

// Deny lists of the official CustomSlurmSettingsValidator, lower-cased (the check ignores case).
constexpr std::string_view kCluster[] = {"epilog", "grestypes", "launchparameters", "prolog", "reconfigflags",
    "resumefailprogram", "resumeprogram", "resumetimeout", "slurmctldhost", "slurmctldlogfile", "slurmctldparameters",
    "slurmdlogfile", "slurmuser", "suspendexcnodes", "suspendprogram", "suspendtime", "taskplugin", "treewidth"};
constexpr std::string_view kAccounting[] = {"accountingstoragetype", "accountingstoragehost", "accountingstorageport",
    "accountingstorageuser", "jobacctgathertype"};
constexpr std::string_view kQueue[] = {"nodes", "partitionname", "resumetimeout", "state", "suspendtime", "oversubscribe"};
constexpr std::string_view kResource[] = {"cpus", "features", "gres", "nodeaddr", "nodehostname", "nodename", "state",
    "weight"};

bool In(Names names, std::string_view key) { return std::find(names.begin(), names.end(), key) != names.end(); }

void CheckMapping(const engine::RuleContext& context, const model::Node* settings, const std::string& pointer,
                  const std::string& level, Names denied, Names extra = {}) {
  if (!settings || settings->kind != model::NodeKind::kMapping) return;
  for (const model::MapEntry& entry : settings->entries) {
    const std::string key = compute::Lower(entry.key);
    if (!In(denied, key) && !In(extra, key)) continue;
    context.ReportAt(model::AppendPointer(pointer, entry.key),
                     "slurm.conf parameter '" + entry.key + "' is managed by ParallelCluster and cannot be set in " +
                         level + " CustomSlurmSettings",
                     true);
  }
}

class CustomSlurmSettingDenied : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const model::Node* settings = compute::Child(&context.root(), "Scheduling/SlurmSettings");
    const Names extra = compute::Child(settings, "Database") ? Names(kAccounting) : Names();
    const model::Node* global = compute::Child(settings, "CustomSlurmSettings");
    const std::string global_pointer = "/Scheduling/SlurmSettings/CustomSlurmSettings";
    for (size_t i = 0; global && global->kind == model::NodeKind::kSequence && i < global->items.size(); ++i) {
      // Multi-key items are NodeName/PartitionName lines, which the validator leaves alone.
      if (global->items[i].entries.size() != 1) continue;
      CheckMapping(context, &global->items[i], model::AppendPointer(global_pointer, i), "cluster-level", kCluster,
                   extra);
    }
    for (const compute::Located& queue : compute::SlurmQueues(context.root())) {
      CheckMapping(context, queue.node->Find("CustomSlurmSettings"), queue.pointer + "/CustomSlurmSettings",
                   "queue-level", kQueue);
      for (const compute::Located& resource : compute::ComputeResources(queue)) {
        CheckMapping(context, resource.node->Find("CustomSlurmSettings"), resource.pointer + "/CustomSlurmSettings",
                     "compute-resource-level", kResource);
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6017CustomSlurmSettingDenied() { return std::make_unique<CustomSlurmSettingDenied>(); }

}  // namespace pcl::rules
