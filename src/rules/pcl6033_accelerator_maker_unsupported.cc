// PCL6033 accelerator-maker-unsupported: a compute instance type has GPUs not made by NVIDIA or inference
// accelerators not made by AWS, which the official AMIs have no drivers for.
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/compute_facts.h"

namespace pcl::rules {
namespace {

// Handed each Slurm compute resource (applies_to); every instance type of it is checked.
class AcceleratorMakerUnsupported : public engine::Rule {
  void CheckComputeResource(const engine::RuleContext& context, const model::Queue&,
                            const model::ComputeResource& resource) const override {
    for (const NamedInstanceType& type : TypesWithFacts(resource)) {
      const auto nvidia = static_cast<uint8_t>(core::Maker::kNvidia);
      const auto aws = static_cast<uint8_t>(core::Maker::kAws);
      if (type.facts->gpu_count > 0 && type.facts->gpu_maker != nvidia) Report(context, type, type.facts->gpu_maker);
      if (type.facts->accelerator_count > 0 && type.facts->accelerator_maker != aws) {
        Report(context, type, type.facts->accelerator_maker);
      }
    }
  }

  static void Report(const engine::RuleContext& context, const NamedInstanceType& type, uint8_t maker) {
    context.ReportAt(type.ref.pointer(),
                     "The accelerator manufacturer '" + std::string(MakerName(maker)) + "' for instance type '" +
                         type.name +
                         "' is not supported. Please make sure to use a custom AMI with the "
                         "appropriate drivers in order to leverage the accelerator functionalities");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6033AcceleratorMakerUnsupported() {
  return std::make_unique<AcceleratorMakerUnsupported>();
}

}  // namespace pcl::rules
