// The instance types ParallelCluster's InstanceTypeOSCompatibleValidator checks against Image/Os.
#pragma once

#include <vector>

#include "model/cluster_view.h"

namespace pcl::rules {

/// HeadNode/InstanceType, every compute resource's instance types (InstanceType or Instances), and
/// the InstanceType of login pools that set their own Image/CustomAmi, in file order: the nodes the
/// official validator pairs with the cluster's OS.
std::vector<model::Ref> OsCheckedInstanceTypes(const model::ClusterView& cluster);

}  // namespace pcl::rules
