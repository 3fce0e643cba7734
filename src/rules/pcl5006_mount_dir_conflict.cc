// PCL5006 mount-dir-conflict: shared storage mount dirs are neither repeated nor nested in each other.
#include "engine/rule.h"
#include "rules/util/mount_dirs.h"

namespace pcl::rules {
namespace {

class MountDirConflict : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    std::vector<SharedMount> mounts = SharedMounts(context.cluster());
    // An empty MountDir is not a mount dir (the schema check reports it).
    std::erase_if(mounts, [](const SharedMount& mount) { return mount.mount_dir.String().empty(); });
    for (size_t i = 0; i < mounts.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        const SharedMount& later = mounts[i];
        const SharedMount& earlier = mounts[j];
        if (later.dir == earlier.dir) {
          context.ReportAt(later.mount_dir.pointer(), "MountDir '" + later.mount_dir.String() +
                                                          "' is also the mount dir of shared storage '" +
                                                          earlier.item->name + "' (line " + Line(earlier) +
                                                          "); give each shared storage a directory of its own");
          break;
        }
        // Mounting one file system inside another hides or races with the outer one at boot.
        const SharedMount* inner = MountDirInside(later.dir, earlier.dir)   ? &later
                                   : MountDirInside(earlier.dir, later.dir) ? &earlier
                                                                            : nullptr;
        if (!inner) continue;
        const SharedMount& outer = inner == &later ? earlier : later;
        context.ReportAt(inner->mount_dir.pointer(),
                         "MountDir '" + inner->mount_dir.String() + "' is inside '" + outer.mount_dir.String() +
                             "', the mount dir of shared storage '" + outer.item->name + "' (line " + Line(outer) +
                             "); mount dirs must not overlap, use sibling directories");
      }
    }
  }

 private:
  static std::string Line(const SharedMount& mount) { return std::to_string(mount.mount_dir.node()->range.begin.line); }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5006MountDirConflict() {
  return std::make_unique<MountDirConflict>();
}

}  // namespace pcl::rules
