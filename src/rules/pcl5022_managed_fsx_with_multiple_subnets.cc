// PCL5022 managed-fsx-with-multiple-subnets: a ParallelCluster-created FSx for Lustre needs one compute subnet.
#include <set>

#include "engine/rule.h"
#include "rules/util/storage_util.h"

namespace pcl::rules {
namespace {

class ManagedFsxWithMultipleSubnets : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    std::set<std::string> subnets;
    const model::Node* queues = model::FindByPointer(context.root(), "/Scheduling/SlurmQueues");
    if (!queues || queues->kind != model::NodeKind::kSequence) return;
    for (const model::Node& queue : queues->items) {
      const model::Node* ids = model::FindByPointer(queue, "/Networking/SubnetIds");
      if (!ids || ids->kind != model::NodeKind::kSequence) continue;
      for (const model::Node& id : ids->items) {
        if (!storage::AsString(&id).empty()) subnets.insert(id.text);
      }
    }
    if (subnets.size() < 2) return;
    std::string list;
    for (const std::string& subnet : subnets) list += (list.empty() ? "" : ", ") + subnet;
    for (const storage::StorageItem& item : storage::SharedStorageItems(context.root())) {
      if (item.type != "FsxLustre" || item.existing) continue;
      // The managed file system lives in one subnet/AZ; ParallelCluster refuses to spread compute around it.
      context.ReportAt(item.pointer + "/StorageType",
                       "FSx for Lustre '" + item.name + "' is created by ParallelCluster, which needs all queues in "
                       "one subnet, but the queues use " + std::to_string(subnets.size()) + " (" + list +
                           "); use one compute subnet or create the file system yourself and mount it with FileSystemId");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5022ManagedFsxWithMultipleSubnets() {
  return std::make_unique<ManagedFsxWithMultipleSubnets>();
}

}  // namespace pcl::rules
