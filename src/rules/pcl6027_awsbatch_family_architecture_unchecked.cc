// PCL6027 awsbatch-family-architecture-unchecked: an AWS Batch instance family's architecture is not checked.
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/instance_facts.h"

namespace pcl::rules {
namespace {

// Handed AWS Batch queues (applies_to); reports what PCL6026 leaves out.
class AwsBatchFamilyArchitectureUnchecked : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    for (const model::ComputeResource& resource : queue.compute_resources) {
      for (const NamedInstanceType& type : InstanceTypesOf(queue, resource)) {
        if (!IsBatchFamily(type.name)) continue;
        context.ReportAt(type.ref.pointer(), "Not validating architecture compatibility for compute instance type " +
                                                 type.name + " because it does not have the expected format.");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6027AwsbatchFamilyArchitectureUnchecked() {
  return std::make_unique<AwsBatchFamilyArchitectureUnchecked>();
}

}  // namespace pcl::rules
