// PCL3015 placement-group-capacity-block: a capacity-block queue also asks for a placement group.
#include <set>

#include "engine/rule.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

class PlacementGroupCapacityBlock : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    for (const Located& queue : SlurmQueues(context.root())) {
      if (TextOf(queue.node->Find("CapacityType")) != "CAPACITY_BLOCK") continue;
      std::set<std::string> reported;
      for (const Located& resource : ComputeResources(queue)) {
        PlacementGroupChoice choice = ChosenPlacementGroup(queue, resource);
        if (!choice.enabled_or_named || !reported.insert(choice.group.pointer).second) continue;
        // The reserved instances already sit where the block put them; a group constraint can only fail.
        context.ReportAt(choice.group.pointer,
                         "queue '" + TextOf(queue.node->Find("Name")) + "' uses CapacityType CAPACITY_BLOCK and " +
                             KeyLabel(choice.group.pointer) +
                             " adds a placement group; capacity blocks are already placed together, and the extra "
                             "constraint can make launches fail: remove it or set Enabled: false",
                         true);
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3015PlacementGroupCapacityBlock() {
  return std::make_unique<PlacementGroupCapacityBlock>();
}

}  // namespace pcl::rules
