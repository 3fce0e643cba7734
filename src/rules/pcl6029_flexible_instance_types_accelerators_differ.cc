// PCL6029 flexible-instance-types-accelerators-differ: the Instances of a compute resource differ in GPUs or
// inference accelerators (count or maker).
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/compute_facts.h"

namespace pcl::rules {
namespace {

// Handed each Slurm compute resource (applies_to); only flexible ones (Instances) are compared.
class FlexibleInstanceTypesAcceleratorsDiffer : public engine::Rule {
  void CheckComputeResource(const engine::RuleContext& context, const model::Queue&,
                            const model::ComputeResource& resource) const override {
    if (!resource.instances) return;
    const std::vector<NamedInstanceType> types = TypesWithFacts(resource);
    // The four checks of InstancesAcceleratorsValidator, each reported once, in its order.
    using Value = std::function<std::string(const core::InstanceFacts&)>;
    const std::pair<const char*, Value> checks[] = {
        {"number of GPUs",
         [](const core::InstanceFacts& f) {
           return std::to_string(NvidiaGpuCount(f));
         }},
        {"number of Inference Accelerators",
         [](const core::InstanceFacts& f) {
           return std::to_string(AwsAcceleratorCount(f));
         }},
        {"GPU manufacturer",
         [](const core::InstanceFacts& f) {
           return Quoted(MakerName(f.gpu_maker));
         }},
        {"inference accelerator manufacturer",
         [](const core::InstanceFacts& f) {
           return Quoted(MakerName(f.accelerator_maker));
         }},
    };
    for (const auto& [what, value] : checks) {
      std::string pair;
      const size_t at = FirstDifference(types, value, pair);
      if (at == 0) continue;
      context.ReportAt(types[at].ref.pointer(), "Instance types listed under Compute Resource " + resource.name +
                                                    " must have the same " + what + " (" + pair + ").");
    }
  }

  static std::string Quoted(std::string_view maker) { return "'" + std::string(maker) + "'"; }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6029FlexibleInstanceTypesAcceleratorsDiffer() {
  return std::make_unique<FlexibleInstanceTypesAcceleratorsDiffer>();
}

}  // namespace pcl::rules
