// PCL5010 storage-deleted-with-cluster: managed shared storage whose DeletionPolicy deletes its data.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

class StorageDeletedWithCluster : public engine::Rule {
 public:
  void CheckStorage(const engine::RuleContext& context, const model::StorageItem& item) const override {
    const bool include_default = context.Option<bool>("include-default");
    const bool include_scratch = context.Option<bool>("include-scratch-fsx");
    // EFS and FSx for Lustre got DeletionPolicy in 3.3; before, a managed one always goes with the cluster.
    const bool policy_known = context.release() >= core::Release(3, 3);
    if (item.existing || (item.type != "Ebs" && item.type != "Efs" && item.type != "FsxLustre")) return;
    if (item.type == "FsxLustre" && !include_scratch &&
        item.Setting("DeploymentType").String().rfind("PERSISTENT", 0) != 0) {
      return;  // SCRATCH (the default) holds temporary data by design
    }
    const std::string what = item.type + " '" + item.name + "'";
    const std::string keep = item.type == "Ebs" ? "Retain or Snapshot" : "Retain";
    if (item.type != "Ebs" && !policy_known) {
      context.ReportAt(
          item.ref.pointer() + "/StorageType",
          "managed " + what + " is always deleted with the cluster in ParallelCluster " + context.target_version() +
              " (DeletionPolicy for " + item.type +
              " needs 3.3); to keep the data, create the file system yourself and mount it with FileSystemId");
      return;
    }
    const model::Ref policy = item.Setting("DeletionPolicy");
    if (policy && policy.String() == "Delete") {
      context.ReportAt(item.SettingsPointer() + "/DeletionPolicy",
                       "DeletionPolicy: Delete deletes " + what +
                           " and its data when the cluster is deleted or the item is removed; use " + keep +
                           " if the data must outlive the cluster");
    } else if (!policy && include_default) {
      context.ReportAt(item.ref.pointer() + "/StorageType",
                       what + " has no DeletionPolicy and the default for " + item.type +
                           " is Delete: its data is lost when the cluster is deleted or the item is removed; set "
                           "DeletionPolicy: " +
                           keep + " to keep it");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5010StorageDeletedWithCluster() {
  return std::make_unique<StorageDeletedWithCluster>();
}

}  // namespace pcl::rules
