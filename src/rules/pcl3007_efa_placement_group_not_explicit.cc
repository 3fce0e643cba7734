// PCL3007 efa-placement-group-not-explicit: an EFA compute resource does not say whether it uses a placement group.
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/instance_facts.h"

namespace pcl::rules {
namespace {

class EfaPlacementGroupNotExplicit : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    // EfaPlacementGroupValidator is skipped for capacity blocks and for queues spanning AZs.
    if (queue.capacity_type == "CAPACITY_BLOCK" || queue.distinct_subnets.size() > 1) return;
    for (const model::ComputeResource& resource : queue.compute_resources) {
      const model::Ref efa = resource.ref.At("Efa/Enabled");
      if (!efa.IsTrue() || resource.placement_group.used || resource.placement_group.disabled) continue;
      // No placement-group advice for EFA on a type without EFA: PCL3021 says that instead.
      if (!TypesWithoutEfa(InstanceTypesOf(queue, resource)).empty()) continue;
      context.ReportAt(efa.pointer(),
                       "compute resource '" + resource.name + "' of queue '" + queue.name +
                           "' enables EFA without an explicit placement group; add Networking.PlacementGroup."
                           "Enabled: true (recommended for EFA) or Enabled: false to the compute resource or queue");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3007EfaPlacementGroupNotExplicit() {
  return std::make_unique<EfaPlacementGroupNotExplicit>();
}

}  // namespace pcl::rules
