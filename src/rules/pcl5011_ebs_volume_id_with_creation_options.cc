// PCL5011 ebs-volume-id-with-creation-options: settings that an existing EBS volume (VolumeId) ignores.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

class EbsVolumeIdWithCreationOptions : public engine::Rule {
 public:
  void CheckStorage(const engine::RuleContext& context, const model::StorageItem& item) const override {
    // These only shape a volume ParallelCluster creates; an attached volume keeps its own.
    static const char* const kCreationKeys[] = {"Size",      "VolumeType", "Iops",      "Throughput",
                                                "Encrypted", "KmsKeyId",   "SnapshotId"};
    if (item.type != "Ebs" || !item.existing) return;
    std::string volume = item.Setting("VolumeId").String();
    for (const char* key : kCreationKeys) {
      if (!item.Setting(key).present()) continue;
      context.ReportAt(item.SettingsPointer() + "/" + key, std::string(key) + " is ignored: VolumeId '" + volume +
                                                               "' attaches an existing volume, "
                                                               "which keeps its own settings; remove " +
                                                               key + " or change the volume in EC2");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5011EbsVolumeIdWithCreationOptions() {
  return std::make_unique<EbsVolumeIdWithCreationOptions>();
}

}  // namespace pcl::rules
