// PCL5002 duplicate-shared-storage: SharedStorage names and existing volume/file-system ids are unique.
#include <map>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

using model::StorageItem;

// The key that names an existing resource, per settings block.
const char* ExistingIdKey(const std::string& settings_key) {
  if (settings_key == "EfsSettings" || settings_key == "FsxLustreSettings") return "FileSystemId";
  if (settings_key == "FileCacheSettings") return "FileCacheId";
  return "VolumeId";
}

class DuplicateSharedStorage : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    std::map<std::string, const StorageItem*> names;
    std::map<std::string, const StorageItem*> ids;
    const auto& items = context.cluster().shared_storage;
    for (const StorageItem& item : items) {
      if (!item.name.empty()) {
        auto [it, fresh] = names.emplace(item.name, &item);
        if (!fresh) {
          // The name keys the item for updates, tags and the mount; a second one would be ambiguous.
          context.ReportAt(item.ref.pointer() + "/Name",
                           "shared storage Name '" + item.name + "' is already used on line " +
                               std::to_string(it->second->ref.At("Name").node()->range.begin.line) +
                               "; give every SharedStorage item its own Name");
        }
      }
      if (!item.settings.written()) continue;
      const char* key = ExistingIdKey(item.settings_key);
      std::string id = item.Setting(key).String();
      if (id.empty()) continue;
      auto [it, fresh] = ids.emplace(id, &item);
      if (!fresh) {
        context.ReportAt(item.SettingsPointer() + "/" + key,
                         std::string(key) + " '" + id + "' is already mounted by shared storage '" + it->second->name +
                             "'; mount each volume or file system once and remove this item");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5002DuplicateSharedStorage() {
  return std::make_unique<DuplicateSharedStorage>();
}

}  // namespace pcl::rules
