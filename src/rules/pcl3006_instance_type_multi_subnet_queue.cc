// PCL3006 instance-type-multi-subnet-queue: a queue with several subnets has an InstanceType compute resource.
#include "engine/rule.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

class InstanceTypeMultiSubnetQueue : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    if (!MultiSubnetQueues(context)) return;
    for (const Located& queue : SlurmQueues(context.root())) {
      // The official check counts the list as written (duplicates are PCL3012's).
      const model::Node* subnets = At(queue.node, "Networking/SubnetIds");
      if (!subnets || subnets->kind != model::NodeKind::kSequence || subnets->items.size() < 2) continue;
      for (const Located& resource : ComputeResources(queue)) {
        const model::Node* type = resource.node->Find("InstanceType");
        if (!type) continue;
        context.ReportAt(resource.pointer + "/InstanceType",
                         "compute resource '" + TextOf(resource.node->Find("Name")) + "' sets InstanceType " +
                             TextOf(type) + " but queue '" + TextOf(queue.node->Find("Name")) + "' lists " +
                             std::to_string(subnets->items.size()) +
                             " SubnetIds; with several subnets write it as Instances: [{InstanceType: " +
                             TextOf(type) + "}], or give the queue one subnet",
                         true);
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3006InstanceTypeMultiSubnetQueue() {
  return std::make_unique<InstanceTypeMultiSubnetQueue>();
}

}  // namespace pcl::rules
