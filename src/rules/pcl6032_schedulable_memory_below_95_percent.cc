// PCL6032 schedulable-memory-below-95-percent: SchedulableMemory leaves more than 5 % of the instance's
// memory unscheduled.
#include <cmath>

#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/compute_facts.h"

namespace pcl::rules {
namespace {

// Handed each Slurm compute resource (applies_to).
class SchedulableMemoryBelow95Percent : public engine::Rule {
  void CheckComputeResource(const engine::RuleContext& context, const model::Queue&,
                            const model::ComputeResource& resource) const override {
    const model::Ref memory = resource.ref.At("SchedulableMemory");
    const std::optional<int64_t> mib = memory.Int();
    if (!mib) return;
    const std::vector<NamedInstanceType> types = TypesWithFacts(resource);
    const NamedInstanceType* smallest = SmallestMemoryType(resource, types);
    if (!smallest) return;
    const uint32_t ec2 = smallest->facts->memory_mib;
    // As ParallelCluster rounds: below floor(0.95 * EC2 memory).
    if (*mib >= static_cast<int64_t>(std::floor(0.95 * ec2))) return;
    context.ReportAt(memory.pointer(),
                     "SchedulableMemory was set lower than 95% of EC2 Memory for selected instance type " +
                         smallest->name + " (" + std::to_string(ec2) + " MiB).");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6032SchedulableMemoryBelow95Percent() {
  return std::make_unique<SchedulableMemoryBelow95Percent>();
}

}  // namespace pcl::rules
