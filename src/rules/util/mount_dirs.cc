// Mount directories as ParallelCluster compares them (see mount_dirs.h).
#include "rules/util/mount_dirs.h"

namespace pcl::rules {

bool MountDirInside(const std::string& inner, const std::string& outer) {
  return inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 && inner[outer.size()] == '/';
}

std::vector<SharedMount> SharedMounts(const model::ClusterView& cluster) {
  std::vector<SharedMount> mounts;
  for (const model::StorageItem& item : cluster.shared_storage) {
    const model::Ref mount_dir = item.ref.At("MountDir");
    if (mount_dir.IsString()) mounts.push_back({&item, mount_dir, model::NormalizedMountDir(mount_dir.String())});
  }
  return mounts;
}

}  // namespace pcl::rules
