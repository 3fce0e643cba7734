// PCL3008 efa-placement-group-disabled: an EFA compute resource runs outside a placement group.
#include <set>

#include "engine/rule.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

class EfaPlacementGroupDisabled : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    for (const Located& queue : SlurmQueues(context.root())) {
      if (TextOf(queue.node->Find("CapacityType")) == "CAPACITY_BLOCK") continue;
      if (DistinctSubnets(*queue.node).size() > 1) continue;  // PCL3004 says what to do there
      std::set<std::string> reported;  // a queue-level Enabled: false is reported once
      for (const Located& resource : ComputeResources(queue)) {
        if (!IsTrue(At(resource.node, "Efa/Enabled"))) continue;
        PlacementGroupChoice choice = ChosenPlacementGroup(queue, resource);
        if (!choice.disabled || !reported.insert(choice.group.pointer).second) continue;
        context.ReportAt(choice.group.pointer + "/Enabled",
                         "EFA compute resource '" + TextOf(resource.node->Find("Name")) + "' of queue '" +
                             TextOf(queue.node->Find("Name")) + "' runs outside a placement group (" +
                             KeyLabel(choice.group.pointer) +
                             ".Enabled: false); EFA latency is lowest inside a cluster placement group: set "
                             "Enabled: true unless capacity is the concern");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3008EfaPlacementGroupDisabled() {
  return std::make_unique<EfaPlacementGroupDisabled>();
}

}  // namespace pcl::rules
