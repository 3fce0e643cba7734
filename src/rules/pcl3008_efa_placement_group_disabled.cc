// PCL3008 efa-placement-group-disabled: an EFA compute resource runs outside a placement group.
#include <set>

#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/instance_facts.h"

namespace pcl::rules {
namespace {

class EfaPlacementGroupDisabled : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    if (queue.capacity_type == "CAPACITY_BLOCK") return;
    if (queue.distinct_subnets.size() > 1) return;  // PCL3004 says what to do there
    std::set<std::string> reported;                 // a queue-level Enabled: false is reported once
    for (const model::ComputeResource& resource : queue.compute_resources) {
      const model::PlacementGroup& group = resource.placement_group;
      if (!resource.ref.At("Efa/Enabled").IsTrue() || !group.disabled) continue;
      if (!TypesWithoutEfa(InstanceTypesOf(queue, resource)).empty()) continue;  // PCL3021 reports it
      if (!reported.insert(group.block.pointer()).second) continue;
      context.ReportAt(group.block.pointer() + "/Enabled",
                       "EFA compute resource '" + resource.name + "' of queue '" + queue.name +
                           "' runs outside a placement group (" + group.block.Label() +
                           ".Enabled: false); EFA latency is lowest inside a cluster placement group: set "
                           "Enabled: true unless capacity is the concern");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3008EfaPlacementGroupDisabled() {
  return std::make_unique<EfaPlacementGroupDisabled>();
}

}  // namespace pcl::rules
