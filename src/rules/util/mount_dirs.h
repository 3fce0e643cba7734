// Mount directories as ParallelCluster compares them: nesting, and the instance-store (ephemeral) mount dirs.
#pragma once

#include <string>
#include <vector>

#include "model/cluster_view.h"

namespace pcl::rules {

/// Whether `inner` lies strictly inside `outer`: /data/x is inside /data, /database is not.
bool MountDirInside(const std::string& inner, const std::string& outer);

/// A shared storage item's MountDir.
struct SharedMount {
  const model::StorageItem* item;
  model::Ref mount_dir;  ///< the MountDir string
  std::string dir;       ///< with the leading '/' the cookbook adds
};
/// Every SharedStorage item whose MountDir is a string, in order.
std::vector<SharedMount> SharedMounts(const model::ClusterView& cluster);

/// A directory where instance store volumes are mounted, and the instance types with instance storage
/// that mount them there (sorted names).
struct EphemeralMount {
  std::string dir;  ///< as written (ParallelCluster compares them so), "/scratch" when not written
  std::vector<std::string> types;
};
/// ParallelCluster's local mount dirs: LocalStorage.EphemeralVolume.MountDir (default /scratch) of the
/// head node and of each Slurm queue (ComputeSettings) whose instance types have instance storage
/// (from the EC2 table; types without facts are left out), sorted by dir.
std::vector<EphemeralMount> EphemeralMounts(const model::ClusterView& cluster);

}  // namespace pcl::rules
