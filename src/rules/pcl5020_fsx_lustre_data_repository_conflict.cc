// PCL5020 fsx-lustre-data-repository-conflict: S3 link keys need ImportPath and exclude data repository associations.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

constexpr size_t kMaxAssociations = 8;

class FsxLustreDataRepositoryConflict : public engine::Rule {
 public:
  void CheckStorage(const engine::RuleContext& context, const model::StorageItem& item) const override {
    if (item.type != "FsxLustre" || !item.settings.written()) return;
    const std::string base = item.SettingsPointer() + "/";
    const bool import = item.Setting("ImportPath").present();
    for (const char* key : {"ImportedFileChunkSize", "ExportPath", "AutoImportPolicy"}) {
      if (import || !item.Setting(key).present()) continue;
      context.ReportAt(base + key, std::string(key) + " of '" + item.name +
                                       "' needs ImportPath (the S3 location the file system is linked to); add "
                                       "ImportPath or remove " +
                                       key);
    }
    const model::Ref associations = item.Setting("DataRepositoryAssociations");
    if (associations.Size() == 0) return;
    // The two ways of linking S3 are exclusive: a file system uses either the paths or associations.
    for (const char* key : {"ImportPath", "ExportPath"}) {
      if (!item.Setting(key).present()) continue;
      context.ReportAt(base + key, std::string(key) + " cannot be combined with DataRepositoryAssociations on '" +
                                       item.name + "'; link S3 through associations only, or drop them");
    }
    if (associations.Size() > kMaxAssociations) {
      context.ReportAt(base + "DataRepositoryAssociations",
                       "'" + item.name + "' has " + std::to_string(associations.Size()) +
                           " DataRepositoryAssociations; at most " + std::to_string(kMaxAssociations) +
                           " are allowed, link a common S3 prefix instead",
                       true);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5020FsxLustreDataRepositoryConflict() {
  return std::make_unique<FsxLustreDataRepositoryConflict>();
}

}  // namespace pcl::rules
