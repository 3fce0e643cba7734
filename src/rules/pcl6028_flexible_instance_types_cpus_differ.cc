// PCL6028 flexible-instance-types-cpus-differ: the Instances of a compute resource have different vCPU counts.
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/compute_facts.h"

namespace pcl::rules {
namespace {

// Handed each Slurm compute resource (applies_to); only flexible ones (Instances) are compared.
class FlexibleInstanceTypesCpusDiffer : public engine::Rule {
  void CheckComputeResource(const engine::RuleContext& context, const model::Queue&,
                            const model::ComputeResource& resource) const override {
    if (!resource.instances) return;
    const std::vector<NamedInstanceType> types = TypesWithFacts(resource);
    // Without SMT Slurm counts one CPU per core, so the cores must agree instead of the vCPUs.
    const bool smt_disabled = resource.ref.At("DisableSimultaneousMultithreading").IsTrue();
    std::string pair;
    const size_t at = FirstDifference(
        types,
        [&](const core::InstanceFacts& facts) {
          return std::to_string(smt_disabled ? facts.default_cores : facts.vcpus);
        },
        pair);
    if (at == 0) return;
    context.ReportAt(
        types[at].ref.pointer(),
        "Instance types listed under Compute Resource " + resource.name + " must have the same number of " +
            (smt_disabled ? "CPU cores when Simultaneous Multithreading is disabled" : "vCPUs") + " (" + pair + ").");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6028FlexibleInstanceTypesCpusDiffer() {
  return std::make_unique<FlexibleInstanceTypesCpusDiffer>();
}

}  // namespace pcl::rules
