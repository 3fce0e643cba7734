// PCL3004 efa-multi-subnet-queue: EFA is enabled in a queue that spans several subnets (Availability Zones).
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/instance_facts.h"

namespace pcl::rules {
namespace {

// Runs from 3.4 (applies_to): before, the schema allows one subnet per queue.
class EfaMultiSubnetQueue : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    // Offline, one subnet per Availability Zone is assumed (QueueSubnetsValidator enforces it).
    const size_t subnets = queue.distinct_subnets.size();
    if (subnets < 2) return;
    for (const model::ComputeResource& resource : queue.compute_resources) {
      const model::Ref efa = resource.ref.At("Efa/Enabled");
      // An instance type without EFA is PCL3021's error, not a question of subnets.
      if (!efa.IsTrue() || !TypesWithoutEfa(InstanceTypesOf(queue, resource)).empty()) continue;
      context.ReportAt(efa.pointer(), "compute resource '" + resource.name + "' enables EFA but queue '" + queue.name +
                                          "' lists " + std::to_string(subnets) +
                                          " subnets; EFA does not work across Availability Zones: give the queue "
                                          "one subnet, or move this compute resource to a single-subnet queue");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3004EfaMultiSubnetQueue() {
  return std::make_unique<EfaMultiSubnetQueue>();
}

}  // namespace pcl::rules
