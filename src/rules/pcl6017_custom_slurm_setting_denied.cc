// PCL6017 custom-slurm-setting-denied: CustomSlurmSettings sets a parameter ParallelCluster manages itself.
#include <algorithm>
#include <cctype>
#include <span>
#include <string_view>

#include "engine/rule.h"
#include "model/json_pointer.h"

namespace pcl::rules {
namespace {

using Names = std::span<const std::string_view>;

// Deny lists of the official CustomSlurmSettingsValidator, lower-cased (the check ignores case).
constexpr std::string_view kCluster[] = {"epilog",        "grestypes",         "launchparameters",    "prolog",
                                         "reconfigflags", "resumefailprogram", "resumeprogram",       "resumetimeout",
                                         "slurmctldhost", "slurmctldlogfile",  "slurmctldparameters", "slurmdlogfile",
                                         "slurmuser",     "suspendexcnodes",   "suspendprogram",      "suspendtime",
                                         "taskplugin",    "treewidth"};
constexpr std::string_view kAccounting[] = {"accountingstoragetype", "accountingstoragehost", "accountingstorageport",
                                            "accountingstorageuser", "jobacctgathertype"};
constexpr std::string_view kQueue[] = {"nodes", "partitionname", "resumetimeout",
                                       "state", "suspendtime",   "oversubscribe"};
constexpr std::string_view kResource[] = {"cpus", "gres", "nodeaddr", "nodehostname", "nodename", "state", "weight"};
// Denied until 3.14.1 dropped it (aws/aws-parallelcluster PRs #7140, #7141); from target 3.14 on it is allowed.
constexpr std::string_view kResourceBefore314[] = {"features"};

bool In(Names names, std::string_view key) {
  return std::find(names.begin(), names.end(), key) != names.end();
}

// slurm.conf parameter names are case-insensitive.
std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

void CheckMapping(const engine::RuleContext& context, const model::Ref& settings, const std::string& level,
                  Names denied, Names extra = {}) {
  if (!settings.IsMapping()) return;
  for (const model::MapEntry& entry : settings.node()->entries) {
    const std::string key = Lower(entry.key);
    if (!In(denied, key) && !In(extra, key)) continue;
    context.ReportAt(model::AppendPointer(settings.pointer(), entry.key),
                     "slurm.conf parameter '" + entry.key + "' is managed by ParallelCluster and cannot be set in " +
                         level + " CustomSlurmSettings",
                     true);
  }
}

class CustomSlurmSettingDenied : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const model::Ref settings = context.cluster().root.At("Scheduling/SlurmSettings");
    const Names extra = settings.At("Database").written() ? Names(kAccounting) : Names();
    for (const model::Ref& item : settings.At("CustomSlurmSettings").Items()) {
      // Multi-key items are NodeName/PartitionName lines, which the validator leaves alone.
      if (item.node()->entries.size() != 1) continue;
      CheckMapping(context, item, "cluster-level", kCluster, extra);
    }
    for (const model::Queue& queue : context.cluster().slurm_queues) {
      CheckMapping(context, queue.ref.At("CustomSlurmSettings"), "queue-level", kQueue);
      const Names resource_extra = context.release() < core::Release(3, 14) ? Names(kResourceBefore314) : Names();
      for (const model::ComputeResource& resource : queue.compute_resources) {
        CheckMapping(context, resource.ref.At("CustomSlurmSettings"), "compute-resource-level", kResource,
                     resource_extra);
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6017CustomSlurmSettingDenied() {
  return std::make_unique<CustomSlurmSettingDenied>();
}

}  // namespace pcl::rules
