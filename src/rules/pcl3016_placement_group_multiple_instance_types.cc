// PCL3016 placement-group-multiple-instance-types: a placement group holds a compute resource with several types.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

class PlacementGroupMultipleInstanceTypes : public engine::Rule {
  void CheckComputeResource(const engine::RuleContext& context, const model::Queue& queue,
                            const model::ComputeResource& resource) const override {
    if (resource.instances.Size() < 2 || !resource.placement_group.used) return;
    context.ReportAt(resource.instances.pointer(),
                     "compute resource '" + resource.name + "' of queue '" + queue.name + "' lists " +
                         std::to_string(resource.instances.Size()) +
                         " instance types inside a placement group; AWS advises one instance type per cluster "
                         "placement group, as mixing them makes Insufficient Capacity Errors likelier: keep one "
                         "type per compute resource, or disable the placement group for it",
                     true);
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3016PlacementGroupMultipleInstanceTypes() {
  return std::make_unique<PlacementGroupMultipleInstanceTypes>();
}

}  // namespace pcl::rules
