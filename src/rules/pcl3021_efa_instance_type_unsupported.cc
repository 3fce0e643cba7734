// PCL3021 efa-instance-type-unsupported: EFA is enabled on a compute resource whose instance type has no EFA.
#include <algorithm>

#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/instance_facts.h"

namespace pcl::rules {
namespace {

// Handed Slurm compute resources (applies_to); types without facts are skipped.
class EfaInstanceTypeUnsupported : public engine::Rule {
  void CheckComputeResource(const engine::RuleContext& context, const model::Queue& queue,
                            const model::ComputeResource& resource) const override {
    const model::Ref efa = resource.ref.At("Efa/Enabled");
    if (!efa.IsTrue()) return;
    std::vector<std::string> without = TypesWithoutEfa(InstanceTypesOf(queue, resource));
    if (without.empty()) return;
    if (!resource.instances.present()) {  // EfaValidator: a single InstanceType
      context.ReportAt(efa.pointer(), "Instance type '" + without.front() + "' does not support EFA.");
      return;
    }
    std::sort(without.begin(), without.end());  // InstancesEFAValidator names them sorted
    context.ReportAt(efa.pointer(), "Instance type(s) (" + JoinDistinct(without, ",") +
                                        ") do not support EFA and cannot be launched when EFA is enabled in "
                                        "Compute Resource: " +
                                        resource.name + ".");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3021EfaInstanceTypeUnsupported() {
  return std::make_unique<EfaInstanceTypeUnsupported>();
}

}  // namespace pcl::rules
