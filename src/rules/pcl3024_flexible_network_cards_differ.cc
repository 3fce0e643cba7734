// PCL3024 flexible-network-cards-differ: a flexible compute resource lists types with different numbers of network
// cards.
#include <algorithm>

#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/instance_facts.h"

namespace pcl::rules {
namespace {

// Handed Slurm compute resources (applies_to); only the Instances list, and only its types with facts.
class FlexibleNetworkCardsDiffer : public engine::Rule {
  void CheckComputeResource(const engine::RuleContext& context, const model::Queue& queue,
                            const model::ComputeResource& resource) const override {
    if (!resource.instances.present()) return;
    const std::vector<NamedInstanceType> types = WithFacts(InstanceTypesOf(queue, resource));
    if (types.empty()) return;
    auto [low, high] = std::minmax_element(types.begin(), types.end(), [](const auto& a, const auto& b) {
      return a.facts->max_network_cards < b.facts->max_network_cards;
    });
    const int min = low->facts->max_network_cards;
    const int max = high->facts->max_network_cards;
    if (min == max) return;
    context.ReportAt(resource.instances.pointer(),
                     "Compute Resource " + resource.name +
                         " has instance types with varying numbers of network cards (Min: " + std::to_string(min) +
                         ", Max: " + std::to_string(max) + "). Compute Resource will be created with " +
                         std::to_string(min) + " network cards.",
                     true);
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3024FlexibleNetworkCardsDiffer() {
  return std::make_unique<FlexibleNetworkCardsDiffer>();
}

}  // namespace pcl::rules
