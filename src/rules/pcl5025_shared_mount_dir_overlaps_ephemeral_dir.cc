// PCL5025 shared-mount-dir-overlaps-ephemeral-dir: shared storage is mounted inside, or around, the directory
// where a node mounts its instance store.
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/mount_dirs.h"

namespace pcl::rules {
namespace {

class SharedMountDirOverlapsEphemeralDir : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const model::ClusterView& cluster = context.cluster();
    if (cluster.shared_storage.empty()) return;
    const std::vector<EphemeralMount> mounts = EphemeralMounts(cluster);
    for (const model::StorageItem& item : cluster.shared_storage) {
      const model::Ref mount_dir = item.ref.At("MountDir");
      if (!mount_dir.IsString()) continue;
      const std::string dir = model::NormalizedMountDir(mount_dir.String());
      for (const EphemeralMount& mount : mounts) {
        if (!MountDirInside(dir, mount.dir) && !MountDirInside(mount.dir, dir)) continue;
        context.ReportAt(mount_dir.pointer(), "Mount directories " + dir + ", " + mount.dir + " cannot overlap (" +
                                                  mount.dir + " is where " + mount.types.front() +
                                                  (mount.types.size() > 1 ? " and other types" : "") +
                                                  " mount their instance store, and shared storage '" + item.name +
                                                  "' is mounted at " + dir + ").");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5025SharedMountDirOverlapsEphemeralDir() {
  return std::make_unique<SharedMountDirOverlapsEphemeralDir>();
}

}  // namespace pcl::rules
