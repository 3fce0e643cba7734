// PCL5003 too-many-shared-storage: the number of each kind of shared storage stays within the release's limits.
#include <vector>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

using model::StorageItem;

// One limit: the items counted, the most the release accepts, and what to do about the rest.
struct Limit {
  std::string what;
  int max = 0;
  std::string advice;
  std::vector<const StorageItem*> items;
};

class TooManySharedStorage : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    // 3.2 split EFS and FSx into one new plus up to 20 existing ones; before, one of each in total.
    const bool split = context.release() >= core::Release(3, 2);
    Limit ebs{"Ebs volumes (not counting RAID)", 5, "combine data on fewer volumes or use Efs/FSx", {}};
    Limit raid{"Ebs RAID arrays", 1, "put the volumes into one Raid array", {}};
    Limit new_efs{
        split ? "new (managed) Efs file systems" : "Efs file systems",
        1,
        split ? "create the others outside the cluster and mount them with FileSystemId" : "keep one Efs entry",
        {}};
    Limit old_efs{"existing Efs file systems", 20, "mount fewer file systems", {}};
    Limit new_fsx{
        split ? "new (managed) FSx for Lustre file systems" : "FSx file systems",
        1,
        split ? "create the others outside the cluster and mount them with FileSystemId" : "keep one FSx entry",
        {}};
    Limit old_fsx{"existing FSx file systems and caches (Lustre, OpenZFS, ONTAP, File Cache)",
                  20,
                  "mount fewer file systems",
                  {}};
    const auto& items = context.cluster().shared_storage;
    for (const StorageItem& item : items) {
      if (item.type == "Ebs") {
        const model::Ref raid_node = item.Setting("Raid");
        (raid_node.IsMapping() ? raid : ebs).items.push_back(&item);
      } else if (item.type == "Efs") {
        (item.existing && split ? old_efs : new_efs).items.push_back(&item);
      } else if (item.type == "FsxLustre") {
        (item.existing && split ? old_fsx : new_fsx).items.push_back(&item);
      } else if (item.type == "FsxOpenZfs" || item.type == "FsxOntap" || item.type == "FileCache") {
        (split ? old_fsx : new_fsx).items.push_back(&item);
      }
    }
    for (const Limit* limit : {&ebs, &raid, &new_efs, &old_efs, &new_fsx, &old_fsx}) {
      if (static_cast<int>(limit->items.size()) <= limit->max) continue;
      const StorageItem& first_extra = *limit->items[limit->max];
      context.ReportAt(first_extra.ref.pointer() + "/StorageType",
                       "SharedStorage has " + std::to_string(limit->items.size()) + " " + limit->what +
                           "; ParallelCluster " + context.target_version() + " supports at most " +
                           std::to_string(limit->max) + " ('" + first_extra.name +
                           "' is the first too many): " + limit->advice);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5003TooManySharedStorage() {
  return std::make_unique<TooManySharedStorage>();
}

}  // namespace pcl::rules
