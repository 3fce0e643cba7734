// PCL3006 instance-type-multi-subnet-queue: a queue with several subnets has an InstanceType compute resource.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

// Runs from 3.4 (applies_to): before, the schema allows one subnet per queue.
class InstanceTypeMultiSubnetQueue : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    // The official check counts the list as written (duplicates are PCL3012's).
    const size_t subnets = queue.subnet_ids.Size();
    if (subnets < 2) return;
    for (const model::ComputeResource& resource : queue.compute_resources) {
      const model::Ref type = resource.ref.At("InstanceType");
      if (!type.written()) continue;
      context.ReportAt(type.pointer(),
                       "compute resource '" + resource.name + "' sets InstanceType " + type.Text() + " but queue '" +
                           queue.name + "' lists " + std::to_string(subnets) +
                           " SubnetIds; with several subnets write it as Instances: [{InstanceType: " + type.Text() +
                           "}], or give the queue one subnet",
                       true);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3006InstanceTypeMultiSubnetQueue() {
  return std::make_unique<InstanceTypeMultiSubnetQueue>();
}

}  // namespace pcl::rules
