// The instance types ParallelCluster's InstanceTypeOSCompatibleValidator checks against Image/Os.
#include "rules/util/os_instance_types.h"

namespace pcl::rules {

std::vector<model::Ref> OsCheckedInstanceTypes(const model::ClusterView& cluster) {
  std::vector<model::Ref> types = {cluster.head_node.At("InstanceType")};
  for (const model::Queue& queue : cluster.slurm_queues) {
    for (const model::ComputeResource& resource : queue.compute_resources) {
      types.insert(types.end(), resource.instance_types.begin(), resource.instance_types.end());
    }
  }
  // Login pools are checked only with their own custom AMI, as the official validator does.
  for (const model::Ref& pool : cluster.login_pools) {
    if (!pool.At("Image/CustomAmi").String().empty()) types.push_back(pool.At("InstanceType"));
  }
  return types;
}

}  // namespace pcl::rules
