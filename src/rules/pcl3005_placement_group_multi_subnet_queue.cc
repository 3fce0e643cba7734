// PCL3005 placement-group-multi-subnet-queue: a placement group applies to a queue with several subnets.
#include <map>

#include "engine/rule.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

class PlacementGroupMultiSubnetQueue : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    if (!MultiSubnetQueues(context)) return;
    for (const Located& queue : SlurmQueues(context.root())) {
      const size_t subnets = DistinctSubnets(*queue.node).size();
      if (subnets < 2) continue;
      // One finding per placement group block, naming the compute resources it applies to.
      std::map<std::string, std::string> users;
      for (const Located& resource : ComputeResources(queue)) {
        PlacementGroupChoice choice = ChosenPlacementGroup(queue, resource);
        if (!choice.enabled_or_named) continue;
        std::string& names = users[choice.group.pointer];
        names += (names.empty() ? "'" : ", '") + TextOf(resource.node->Find("Name")) + "'";
      }
      for (const auto& [pointer, names] : users) {
        context.ReportAt(pointer, "queue '" + TextOf(queue.node->Find("Name")) + "' lists " +
                                      std::to_string(subnets) + " subnets but " + KeyLabel(pointer) +
                                      " puts compute resource(s) " + names +
                                      " in a placement group, which cannot span Availability Zones; use one "
                                      "subnet, or remove the placement group (or set Enabled: false)",
                         true);
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3005PlacementGroupMultiSubnetQueue() {
  return std::make_unique<PlacementGroupMultiSubnetQueue>();
}

}  // namespace pcl::rules
