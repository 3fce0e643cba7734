// PCL5017 fsx-lustre-capacity-invalid: a new FSx for Lustre file system has a StorageCapacity its type allows.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

class FsxLustreCapacityInvalid : public engine::Rule {
 public:
  void CheckStorage(const engine::RuleContext& context, const model::StorageItem& item) const override {
    // Existing and restored file systems already have their capacity.
    if (item.type != "FsxLustre" || item.existing || item.Setting("BackupId").present()) return;
    const model::Ref capacity_node = item.Setting("StorageCapacity");
    if (!capacity_node) {
      context.ReportAt(item.settings.written() ? item.SettingsPointer() : item.ref.pointer() + "/StorageType",
                       "FSx for Lustre '" + item.name +
                           "' creates a file system but sets no StorageCapacity; "
                           "add StorageCapacity in GiB (for example 1200), or mount an existing one with FileSystemId",
                       item.settings.written());
      return;
    }
    std::optional<int64_t> capacity = capacity_node.Int();
    if (!capacity) return;
    const model::Ref type_node = item.Setting("DeploymentType");
    std::string type = type_node ? type_node.String() : "SCRATCH_2";
    std::string type_text = type + (type_node ? "" : " (the default DeploymentType)");
    if (item.Setting("StorageType").String() == "HDD") type_text += " HDD";
    std::optional<int64_t> throughput = item.Setting("PerUnitStorageThroughput").Int();
    std::string allowed;
    const int64_t c = *capacity;
    // Same order as the official validator: SCRATCH_1, then PERSISTENT_1 on HDD, then the SSD types.
    if (type == "SCRATCH_1") {
      if (!(c == 1200 || c == 2400 || (c > 0 && c % 3600 == 0))) allowed = "1200, 2400 or a multiple of 3600 GiB";
    } else if (type == "PERSISTENT_1" && item.Setting("StorageType").String() == "HDD") {
      if (throughput == 12 && (c <= 0 || c % 6000 != 0)) allowed = "a multiple of 6000 GiB at 12 MB/s/TiB";
      if (throughput == 40 && (c <= 0 || c % 1800 != 0)) allowed = "a multiple of 1800 GiB at 40 MB/s/TiB";
    } else if (type == "SCRATCH_2" || type == "PERSISTENT_1" || type == "PERSISTENT_2") {
      if (!(c == 1200 || (c > 0 && c % 2400 == 0))) allowed = "1200 or a multiple of 2400 GiB";
    }
    if (allowed.empty()) return;
    context.ReportAt(item.SettingsPointer() + "/StorageCapacity", "StorageCapacity " + std::to_string(c) +
                                                                      " GiB is not valid for " + type_text +
                                                                      " FSx for Lustre file systems; use " + allowed);
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5017FsxLustreCapacityInvalid() {
  return std::make_unique<FsxLustreCapacityInvalid>();
}

}  // namespace pcl::rules
