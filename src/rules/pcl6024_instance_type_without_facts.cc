// PCL6024 instance-type-without-facts: a real instance type the offline table has no facts for.
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/instance_facts.h"

namespace pcl::rules {
namespace {

// In the EC2 API's name list but not in the facts: retired, or newer than the table.
class InstanceTypeWithoutFacts : public engine::Rule {
  void Check(const engine::RuleContext& context) const override {
    for (const InstanceTypePlace& place : AllInstanceTypePlaces(context.cluster())) {
      const std::string& name = place.type.name;
      if (core::ClassifyInstanceType(name) != core::InstanceTypeKnowledge::kWithoutFacts) continue;
      context.ReportAt(place.type.ref.pointer(),
                       "The instance type '" + name + "' is a real EC2 type, but the offline instance table (" +
                           std::string(core::InstanceTableDate()) +
                           ") has no facts about it (retired, or newer than the table): the checks that need its "
                           "facts (EFA, architecture, placement group, region, sizing) skip it");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6024InstanceTypeWithoutFacts() {
  return std::make_unique<InstanceTypeWithoutFacts>();
}

}  // namespace pcl::rules
