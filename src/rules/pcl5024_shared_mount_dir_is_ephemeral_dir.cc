// PCL5024 shared-mount-dir-is-ephemeral-dir: shared storage is mounted where a node mounts its instance store.
#include "engine/rule.h"
#include "rules/util/instance_facts.h"
#include "rules/util/mount_dirs.h"

namespace pcl::rules {
namespace {

class SharedMountDirIsEphemeralDir : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const std::vector<EphemeralMount> ephemeral = EphemeralMounts(context.cluster());
    if (ephemeral.empty()) return;
    for (const SharedMount& shared : SharedMounts(context.cluster())) {
      for (const EphemeralMount& mount : ephemeral) {
        // A missing leading '/' is the same directory once mounted; a warning may say so.
        if (model::NormalizedMountDir(mount.dir) != shared.dir) continue;
        std::string types;
        for (const std::string& type : mount.types) types += (types.empty() ? "" : ", ") + type;
        context.ReportAt(shared.mount_dir.pointer(),
                         "The mount directory `" + shared.dir + "` used for shared storage '" + shared.item->name +
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
