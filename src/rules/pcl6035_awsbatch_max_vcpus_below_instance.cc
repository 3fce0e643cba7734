// PCL6035 awsbatch-max-vcpus-below-instance: an AWS Batch compute resource's MaxvCpus is below the vCPUs of
// its single instance type, so Batch can never launch one.
#include "core/instance_types.h"
#include "engine/rule.h"

namespace pcl::rules {
namespace {

// Handed each AWS Batch compute resource (applies_to).
class AwsBatchMaxVcpusBelowInstance : public engine::Rule {
  void CheckComputeResource(const engine::RuleContext& context, const model::Queue&,
                            const model::ComputeResource& resource) const override {
    // Only a single explicit type: "optimal" and families (no '.') have no vCPU count.
    const std::vector<model::Ref> types = resource.ref.At("InstanceTypes").Items();
    if (types.size() != 1) return;
    const std::string name = types.front().String();
    if (name.find('.') == std::string::npos) return;
    const core::InstanceFacts* facts = core::FindInstanceType(name);
    if (!facts || facts->vcpus == 0) return;
    const model::Ref max_written = resource.ref.At("MaxvCpus");
    const int64_t max = max_written.Int().value_or(10);  // ParallelCluster's default MaxvCpus
    if (max >= facts->vcpus) return;
    context.ReportAt(max_written.written() ? max_written.pointer() : types.front().pointer(),
                     "Max vCPUs must be greater than or equal to " + std::to_string(facts->vcpus) +
                         ", that is the number of vCPUs available for the " + name +
                         " that you selected as compute instance type" +
                         (max_written.written() ? "" : " (MaxvCpus defaults to 10)") + ".");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6035AwsbatchMaxVcpusBelowInstance() {
  return std::make_unique<AwsBatchMaxVcpusBelowInstance>();
}

}  // namespace pcl::rules
