// PCL5025 shared-mount-dir-overlaps-ephemeral-dir: shared storage is mounted inside, or around, the directory
// where a node mounts its instance store.
#include "engine/rule.h"
#include "rules/util/instance_facts.h"
#include "rules/util/mount_dirs.h"

namespace pcl::rules {
namespace {

class SharedMountDirOverlapsEphemeralDir : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const std::vector<EphemeralMount> ephemeral = EphemeralMounts(context.cluster());
    if (ephemeral.empty()) return;
    for (const SharedMount& shared : SharedMounts(context.cluster())) {
      for (const EphemeralMount& mount : ephemeral) {
        // Compared as written, as ParallelCluster does: this error never fires where it would not.
        const std::string dir = shared.mount_dir.String();
        if (!MountDirInside(dir, mount.dir) && !MountDirInside(mount.dir, dir)) continue;
        context.ReportAt(shared.mount_dir.pointer(),
                         "Mount directories " + dir + ", " + mount.dir + " cannot overlap (" + mount.dir +
                             " is where " + mount.types.front() + (mount.types.size() > 1 ? " and other types" : "") +
                             " mount their instance store, and shared storage '" + shared.item->name +
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
