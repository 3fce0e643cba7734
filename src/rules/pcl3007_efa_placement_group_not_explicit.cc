// PCL3007 efa-placement-group-not-explicit: an EFA compute resource does not say whether it uses a placement group.
#include "engine/rule.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

class EfaPlacementGroupNotExplicit : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    for (const Located& queue : SlurmQueues(context.root())) {
      // EfaPlacementGroupValidator is skipped for capacity blocks and for queues spanning AZs.
      if (TextOf(queue.node->Find("CapacityType")) == "CAPACITY_BLOCK") continue;
      if (DistinctSubnets(*queue.node).size() > 1) continue;
      for (const Located& resource : ComputeResources(queue)) {
        if (!IsTrue(At(resource.node, "Efa/Enabled"))) continue;
        PlacementGroupChoice choice = ChosenPlacementGroup(queue, resource);
        if (choice.has_key || choice.disabled) continue;
        context.ReportAt(resource.pointer + "/Efa/Enabled",
                         "compute resource '" + TextOf(resource.node->Find("Name")) + "' of queue '" +
                             TextOf(queue.node->Find("Name")) +
                             "' enables EFA without an explicit placement group; add Networking.PlacementGroup."
                             "Enabled: true (recommended for EFA) or Enabled: false to the compute resource or queue");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3007EfaPlacementGroupNotExplicit() {
  return std::make_unique<EfaPlacementGroupNotExplicit>();
}

}  // namespace pcl::rules
