// PCL3023 placement-group-instance-type-unsupported: a compute resource in a placement group has a type without the
// cluster strategy.
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/instance_facts.h"

namespace pcl::rules {
namespace {

// Handed Slurm compute resources (applies_to); only those whose chosen placement group is used.
class PlacementGroupInstanceTypeUnsupported : public engine::Rule {
  void CheckComputeResource(const engine::RuleContext& context, const model::Queue& queue,
                            const model::ComputeResource& resource) const override {
    if (!resource.placement_group.used) return;
    for (const NamedInstanceType& type : WithFacts(InstanceTypesOf(queue, resource))) {
      if (type.facts->placement_strategies & core::kCluster) continue;
      context.ReportAt(type.ref.pointer(), "The instance type '" + type.name +
                                               "' doesn't support being launched in a cluster placement group. "
                                               "Please either disable the placement group or remove the instance "
                                               "type from the compute resource.");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3023PlacementGroupInstanceTypeUnsupported() {
  return std::make_unique<PlacementGroupInstanceTypeUnsupported>();
}

}  // namespace pcl::rules
