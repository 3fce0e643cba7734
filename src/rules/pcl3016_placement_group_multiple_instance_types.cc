// PCL3016 placement-group-multiple-instance-types: a placement group holds a compute resource with several types.
#include "engine/rule.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

class PlacementGroupMultipleInstanceTypes : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    for (const Located& queue : SlurmQueues(context.root())) {
      for (const Located& resource : ComputeResources(queue)) {
        const model::Node* instances = resource.node->Find("Instances");
        if (!instances || instances->kind != model::NodeKind::kSequence || instances->items.size() < 2) continue;
        if (!ChosenPlacementGroup(queue, resource).enabled_or_named) continue;
        context.ReportAt(resource.pointer + "/Instances",
                         "compute resource '" + TextOf(resource.node->Find("Name")) + "' of queue '" +
                             TextOf(queue.node->Find("Name")) + "' lists " + std::to_string(instances->items.size()) +
                             " instance types inside a placement group; AWS advises one instance type per cluster "
                             "placement group, as mixing them makes Insufficient Capacity Errors likelier: keep one "
                             "type per compute resource, or disable the placement group for it",
                         true);
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3016PlacementGroupMultipleInstanceTypes() {
  return std::make_unique<PlacementGroupMultipleInstanceTypes>();
}

}  // namespace pcl::rules
