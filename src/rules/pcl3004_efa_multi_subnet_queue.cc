// PCL3004 efa-multi-subnet-queue: EFA is enabled in a queue that spans several subnets (Availability Zones).
#include "engine/rule.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

class EfaMultiSubnetQueue : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    if (!MultiSubnetQueues(context)) return;  // before 3.4 the schema allows one subnet only
    for (const Located& queue : SlurmQueues(context.root())) {
      // Offline, one subnet per Availability Zone is assumed (QueueSubnetsValidator enforces it).
      const size_t subnets = DistinctSubnets(*queue.node).size();
      if (subnets < 2) continue;
      for (const Located& resource : ComputeResources(queue)) {
        if (!IsTrue(At(resource.node, "Efa/Enabled"))) continue;
        context.ReportAt(resource.pointer + "/Efa/Enabled",
                         "compute resource '" + TextOf(resource.node->Find("Name")) + "' enables EFA but queue '" +
                             TextOf(queue.node->Find("Name")) + "' lists " + std::to_string(subnets) +
                             " subnets; EFA does not work across Availability Zones: give the queue one subnet, "
                             "or move this compute resource to a single-subnet queue");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3004EfaMultiSubnetQueue() { return std::make_unique<EfaMultiSubnetQueue>(); }

}  // namespace pcl::rules
