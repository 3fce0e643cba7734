// PCL6031 schedulable-memory-out-of-range: SchedulableMemory is below 1 MiB or above the instance's memory.
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/compute_facts.h"

namespace pcl::rules {
namespace {

// Handed each Slurm compute resource (applies_to).
class SchedulableMemoryOutOfRange : public engine::Rule {
  void CheckComputeResource(const engine::RuleContext& context, const model::Queue&,
                            const model::ComputeResource& resource) const override {
    const model::Ref memory = resource.ref.At("SchedulableMemory");
    const std::optional<int64_t> mib = memory.Int();
    if (!mib) return;
    if (*mib < 1) context.ReportAt(memory.pointer(), "SchedulableMemory must be at least 1 MiB.");
    const std::vector<NamedInstanceType> types = TypesWithFacts(resource);
    const NamedInstanceType* smallest = SmallestMemoryType(resource, types);
    if (!smallest || *mib <= static_cast<int64_t>(smallest->facts->memory_mib)) return;
    context.ReportAt(memory.pointer(),
                     "SchedulableMemory cannot be larger than EC2 Memory for selected instance type " + smallest->name +
                         " (" + std::to_string(smallest->facts->memory_mib) + " MiB).");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6031SchedulableMemoryOutOfRange() {
  return std::make_unique<SchedulableMemoryOutOfRange>();
}

}  // namespace pcl::rules
