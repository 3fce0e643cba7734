// PCL3015 placement-group-capacity-block: a capacity-block queue also asks for a placement group.
#include <set>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

class PlacementGroupCapacityBlock : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    if (queue.capacity_type != "CAPACITY_BLOCK") return;
    std::set<std::string> reported;
    for (const model::ComputeResource& resource : queue.compute_resources) {
      const model::PlacementGroup& group = resource.placement_group;
      if (!group.used || !reported.insert(group.block.pointer()).second) continue;
      // The reserved instances already sit where the block put them; a group constraint can only fail.
      context.ReportAt(group.block.pointer(),
                       "queue '" + queue.name + "' uses CapacityType CAPACITY_BLOCK and " + group.block.Label() +
                           " adds a placement group; capacity blocks are already placed together, and the extra "
                           "constraint can make launches fail: remove it or set Enabled: false",
                       true);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3015PlacementGroupCapacityBlock() {
  return std::make_unique<PlacementGroupCapacityBlock>();
}

}  // namespace pcl::rules
