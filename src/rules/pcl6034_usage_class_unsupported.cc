// PCL6034 usage-class-unsupported: a queue's CapacityType asks for a usage class (spot, capacity block) that
// one of its instance types is not sold as.
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/compute_facts.h"

namespace pcl::rules {
namespace {

// Handed each Slurm compute resource (applies_to); every instance type of it is checked.
class UsageClassUnsupported : public engine::Rule {
  void CheckComputeResource(const engine::RuleContext& context, const model::Queue& queue,
                            const model::ComputeResource& resource) const override {
    // CapacityType as ParallelCluster names the usage class in its message; ONDEMAND is the default.
    const std::string& capacity_type = queue.capacity_type;
    uint8_t usage_class = 0;
    std::string usage_name;
    if (capacity_type.empty() || capacity_type == "ONDEMAND") {
      usage_class = core::kOnDemand, usage_name = "ondemand";
    } else if (capacity_type == "SPOT") {
      usage_class = core::kSpot, usage_name = "spot";
    } else if (capacity_type == "CAPACITY_BLOCK") {
      usage_class = core::kCapacityBlock, usage_name = "capacity-block";
    } else {
      return;  // not a CapacityType: the schema check reports it
    }
    for (const NamedInstanceType& type : TypesWithFacts(resource)) {
      // No usage classes at all means EC2 did not say (ParallelCluster then only warns that it could not check).
      if (type.facts->usage_classes == 0 || (type.facts->usage_classes & usage_class) != 0) continue;
      context.ReportAt(type.ref.pointer(),
                       "Usage type '" + usage_name + "' not supported with instance type '" + type.name + "'");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6034UsageClassUnsupported() {
  return std::make_unique<UsageClassUnsupported>();
}

}  // namespace pcl::rules
