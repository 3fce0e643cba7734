// PCL5024 shared-mount-dir-is-ephemeral-dir: shared storage is mounted where a node mounts its instance store.
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/mount_dirs.h"

namespace pcl::rules {
namespace {

class SharedMountDirIsEphemeralDir : public engine::Rule {
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
        if (mount.dir != dir) continue;
        std::string types;
        for (const std::string& type : mount.types) types += (types.empty() ? "" : ", ") + type;
        context.ReportAt(mount_dir.pointer(),
                         "The mount directory `" + dir + "` used for shared storage '" + item.name +
                             "' clashes with the one used for ephemeral volumes of the instances (" + types +
                             "). Please change the mount directory configuration of either the shared storage or "
                             "the ephemeral volume of the impacted nodes.");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5024SharedMountDirIsEphemeralDir() {
  return std::make_unique<SharedMountDirIsEphemeralDir>();
}

}  // namespace pcl::rules
