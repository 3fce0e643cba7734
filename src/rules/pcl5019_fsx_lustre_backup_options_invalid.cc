// PCL5019 fsx-lustre-backup-options-invalid: FSx for Lustre backup keys come with retention, PERSISTENT, no S3 link.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

class FsxLustreBackupOptionsInvalid : public engine::Rule {
 public:
  void CheckStorage(const engine::RuleContext& context, const model::StorageItem& item) const override {
    if (item.type != "FsxLustre" || item.existing || !item.settings.written()) return;
    const std::string base = item.SettingsPointer() + "/";
    std::optional<int64_t> days = item.Setting("AutomaticBackupRetentionDays").Int();
    const bool backups = days && *days > 0;  // 0 turns automatic backups off
    for (const char* key : {"DailyAutomaticBackupStartTime", "CopyTagsToBackups"}) {
      if (backups || !item.Setting(key).present()) continue;
      context.ReportAt(base + key, std::string(key) + " of '" + item.name +
                                       "' has no effect without automatic backups; set AutomaticBackupRetentionDays "
                                       "(1-35) or remove " +
                                       key);
    }
    if (!backups) return;
    const model::Ref type_node = item.Setting("DeploymentType");
    const std::string type = type_node ? type_node.String() : "SCRATCH_2 (the default)";
    // A restored backup keeps its deployment type, which the file does not show.
    if (!item.Setting("BackupId").present() && type.rfind("PERSISTENT", 0) != 0) {
      context.ReportAt(base + "AutomaticBackupRetentionDays",
                       "automatic backups need DeploymentType PERSISTENT_1 or PERSISTENT_2, but '" + item.name +
                           "' is " + type + "; remove AutomaticBackupRetentionDays or use a PERSISTENT type");
    }
    for (const char* key : {"ImportPath", "ExportPath", "ImportedFileChunkSize", "AutoImportPolicy"}) {
      if (!item.Setting(key).present()) continue;
      context.ReportAt(base + "AutomaticBackupRetentionDays",
                       "backups cannot be created on S3-linked file systems, and '" + item.name + "' sets " + key +
                           "; remove AutomaticBackupRetentionDays or the S3 link");
      break;
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5019FsxLustreBackupOptionsInvalid() {
  return std::make_unique<FsxLustreBackupOptionsInvalid>();
}

}  // namespace pcl::rules
