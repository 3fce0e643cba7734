// PCL3005 placement-group-multi-subnet-queue: a placement group applies to a queue with several subnets.
#include <map>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

// Runs from 3.4 (applies_to): before, the schema allows one subnet per queue.
class PlacementGroupMultiSubnetQueue : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    const size_t subnets = queue.distinct_subnets.size();
    if (subnets < 2) return;
    // One finding per placement group block, naming the compute resources it applies to.
    std::map<std::string, std::string> users;
    for (const model::ComputeResource& resource : queue.compute_resources) {
      if (!resource.placement_group.used) continue;
      std::string& names = users[resource.placement_group.block.pointer()];
      names += (names.empty() ? "'" : ", '") + resource.name + "'";
    }
    for (const auto& [pointer, names] : users) {
      context.ReportAt(pointer,
                       "queue '" + queue.name + "' lists " + std::to_string(subnets) + " subnets but " +
                           model::PointerLabel(pointer) + " puts compute resource(s) " + names +
                           " in a placement group, which cannot span Availability Zones; use one "
                           "subnet, or remove the placement group (or set Enabled: false)",
                       true);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3005PlacementGroupMultiSubnetQueue() {
  return std::make_unique<PlacementGroupMultiSubnetQueue>();
}

}  // namespace pcl::rules
