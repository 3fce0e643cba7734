// PCL5022 managed-fsx-with-multiple-subnets: a ParallelCluster-created FSx for Lustre needs one compute subnet.
#include <set>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

class ManagedFsxWithMultipleSubnets : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    std::set<std::string> subnets;
    for (const model::Queue& queue : context.cluster().slurm_queues) {
      for (const std::string& id : queue.distinct_subnets) {
        if (!id.empty()) subnets.insert(id);
      }
    }
    if (subnets.size() < 2) return;
    std::string list;
    for (const std::string& subnet : subnets) list += (list.empty() ? "" : ", ") + subnet;
    for (const model::StorageItem& item : context.cluster().shared_storage) {
      if (item.type != "FsxLustre" || item.existing) continue;
      // The managed file system lives in one subnet/AZ; ParallelCluster refuses to spread compute around it.
      context.ReportAt(
          item.ref.pointer() + "/StorageType",
          "FSx for Lustre '" + item.name +
              "' is created by ParallelCluster, which needs all queues in "
              "one subnet, but the queues use " +
              std::to_string(subnets.size()) + " (" + list +
              "); use one compute subnet or create the file system yourself and mount it with FileSystemId");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5022ManagedFsxWithMultipleSubnets() {
  return std::make_unique<ManagedFsxWithMultipleSubnets>();
}

}  // namespace pcl::rules
