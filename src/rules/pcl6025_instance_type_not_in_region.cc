// PCL6025 instance-type-not-in-region: the config's Region does not offer an instance type.
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/instance_facts.h"

namespace pcl::rules {
namespace {

// Only types with facts in a region the offerings cover: elsewhere the table cannot tell.
class InstanceTypeNotInRegion : public engine::Rule {
  void Check(const engine::RuleContext& context) const override {
    const model::ClusterView& cluster = context.cluster();
    const std::string region = cluster.root.At("Region").String();
    if (region.empty()) return;
    for (const InstanceTypePlace& place : AllInstanceTypePlaces(cluster)) {
      if (!place.type.facts) continue;
      bool known_region = false;
      if (core::OfferedIn(*place.type.facts, region, known_region) || !known_region) continue;
      context.ReportAt(place.type.ref.pointer(), "The instance type '" + place.type.name +
                                                     "' is not supported in region '" + region +
                                                     "': EC2 does not offer it there (instance offerings of " +
                                                     std::string(core::InstanceTableDate()) + ")");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6025InstanceTypeNotInRegion() {
  return std::make_unique<InstanceTypeNotInRegion>();
}

}  // namespace pcl::rules
