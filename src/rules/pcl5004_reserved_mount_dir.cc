// PCL5004 reserved-mount-dir: shared storage is not mounted over a system or ParallelCluster directory.
#include <set>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

class ReservedMountDir : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    // The official validator's list: OS directories plus the ones ParallelCluster itself uses.
    static const std::set<std::string> kReserved = {"/bin",
                                                    "/boot",
                                                    "/dev",
                                                    "/etc",
                                                    "/lib",
                                                    "/lib64",
                                                    "/media",
                                                    "/mnt",
                                                    "/opt",
                                                    "/opt/parallelcluster",
                                                    "/opt/parallelcluster/shared",
                                                    "/opt/parallelcluster/shared_login_nodes",
                                                    "/opt/slurm",
                                                    "/opt/intel",
                                                    "/proc",
                                                    "/root",
                                                    "/run",
                                                    "/sbin",
                                                    "/srv",
                                                    "/sys",
                                                    "/tmp",
                                                    "/usr",
                                                    "/var"};
    // A shared /home became possible in 3.8; before, /home was on the reserved list too.
    const bool home_reserved = context.release() < core::Release(3, 8);
    for (const model::StorageItem& item : context.cluster().shared_storage) {
      std::string written = item.ref.At("MountDir").String();
      if (written.empty()) continue;
      std::string dir = model::NormalizedMountDir(written);
      if (kReserved.count(dir)) {
        context.ReportAt(item.ref.pointer() + "/MountDir",
                         "MountDir '" + written + "' is a reserved system directory; mounting '" + item.name +
                             "' there would hide what the nodes need. Use a directory of its own, e.g. /shared");
      } else if (dir == "/home" && home_reserved) {
        context.ReportAt(item.ref.pointer() + "/MountDir",
                         "MountDir '" + written + "' is reserved in ParallelCluster " + context.target_version() +
                             "; shared storage at /home needs 3.8 or later. Mount '" + item.name +
                             "' elsewhere or target a newer release");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5004ReservedMountDir() {
  return std::make_unique<ReservedMountDir>();
}

}  // namespace pcl::rules
