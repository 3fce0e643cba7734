// PCL5007 kms-key-without-encryption: a KmsKeyId on an EBS volume or EFS file system comes with encryption on.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

class KmsKeyWithoutEncryption : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    // EBS volumes default to Encrypted: true, so only an explicit false contradicts the key.
    for (const model::EbsVolume& volume : context.cluster().ebs_volumes) {
      std::string key = volume.settings.At("KmsKeyId").String();
      if (key.empty() || volume.settings.At("Encrypted").Bool() != false) continue;
      context.ReportAt(
          volume.settings.pointer() + "/KmsKeyId",
          "KmsKeyId '" + key + "' is set on " + volume.label +
              " but Encrypted is false; set Encrypted: true (or drop the key) so the volume is encrypted with it");
    }
    // EFS defaults to Encrypted: false, so the key needs an explicit true.
    for (const model::StorageItem& item : context.cluster().shared_storage) {
      if (item.type != "Efs") continue;
      std::string key = item.Setting("KmsKeyId").String();
      if (key.empty() || item.Setting("Encrypted").Bool() == true) continue;
      context.ReportAt(item.SettingsPointer() + "/KmsKeyId",
                       "KmsKeyId '" + key + "' is set on Efs '" + item.name + "' but Encrypted is " +
                           (item.Setting("Encrypted") ? "false" : "not set (EFS default: false)") +
                           "; add Encrypted: true so the file system is encrypted with the key");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5007KmsKeyWithoutEncryption() {
  return std::make_unique<KmsKeyWithoutEncryption>();
}

}  // namespace pcl::rules
