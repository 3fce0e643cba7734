// PCL5006 mount-dir-conflict: shared storage mount dirs are neither repeated nor nested in each other.
#include "engine/rule.h"
#include "rules/util/mount_dirs.h"

namespace pcl::rules {
namespace {

struct Mount {
  const model::StorageItem* item;
  std::string written;  // as in the file
  std::string dir;      // with the leading '/' the cookbook adds
  int line;
};

class MountDirConflict : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const auto& items = context.cluster().shared_storage;
    std::vector<Mount> mounts;
    for (const model::StorageItem& item : items) {
      const model::Ref node = item.ref.At("MountDir");
      std::string written = node.String();
      if (written.empty()) continue;
      mounts.push_back({&item, written, model::NormalizedMountDir(written), node.node()->range.begin.line});
    }
    for (size_t i = 0; i < mounts.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        const Mount& later = mounts[i];
        const Mount& earlier = mounts[j];
        if (later.dir == earlier.dir) {
          Report(context, later,
                 "MountDir '" + later.written + "' is also the mount dir of shared storage '" + earlier.item->name +
                     "' (line " + std::to_string(earlier.line) + "); give each shared storage a directory of its own");
          break;
        }
        // Mounting one file system inside another hides or races with the outer one at boot.
        const Mount* inner = MountDirInside(later.dir, earlier.dir)   ? &later
                             : MountDirInside(earlier.dir, later.dir) ? &earlier
                                                                      : nullptr;
        if (!inner) continue;
        const Mount& outer = inner == &later ? earlier : later;
        Report(context, *inner,
               "MountDir '" + inner->written + "' is inside '" + outer.written +
                   "', the mount dir of shared storage '" + outer.item->name + "' (line " + std::to_string(outer.line) +
                   "); mount dirs must not overlap, use sibling directories");
      }
    }
  }

 private:
  static void Report(const engine::RuleContext& context, const Mount& mount, std::string message) {
    context.ReportAt(mount.item->ref.pointer() + "/MountDir", std::move(message));
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5006MountDirConflict() {
  return std::make_unique<MountDirConflict>();
}

}  // namespace pcl::rules
