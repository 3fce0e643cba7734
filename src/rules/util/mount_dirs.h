// Mount directories as ParallelCluster compares them: nesting, and the shared storage mount dirs
// (the instance-store mount dirs need the EC2 table: EphemeralMounts in instance_facts.h).
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

}  // namespace pcl::rules
