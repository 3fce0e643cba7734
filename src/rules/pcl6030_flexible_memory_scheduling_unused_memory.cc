// PCL6030 flexible-memory-scheduling-unused-memory: memory-based scheduling with flexible instance types
// whose memory differs widely, so Slurm can only use the smallest.
#include <algorithm>

#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/compute_facts.h"

namespace pcl::rules {
namespace {

// ParallelCluster's thresholds (MIN_MEMORY_ABSOLUTE_DIFFERENCE, MIN_MEMORY_PRECENTAGE_DIFFERENCE): the
// warning needs both to be exceeded.
constexpr uint32_t kMinAbsoluteDifferenceMiB = 4096;
constexpr double kMinRelativeDifference = 0.20;

// Handed each Slurm compute resource (applies_to); only flexible ones (Instances) are compared.
class FlexibleMemorySchedulingUnusedMemory : public engine::Rule {
  void CheckComputeResource(const engine::RuleContext& context, const model::Queue&,
                            const model::ComputeResource& resource) const override {
    if (!resource.instances) return;
    if (!context.cluster().root.At("Scheduling/SlurmSettings/EnableMemoryBasedScheduling").IsTrue()) return;
    const std::vector<NamedInstanceType> types = TypesWithFacts(resource);
    if (types.size() < 2) return;
    const auto [smallest, largest] = std::minmax_element(types.begin(), types.end(), [](const auto& a, const auto& b) {
      return a.facts->memory_mib < b.facts->memory_mib;
    });
    const uint32_t low = smallest->facts->memory_mib;
    const uint32_t difference = largest->facts->memory_mib - low;
    if (low == 0 || difference <= kMinAbsoluteDifferenceMiB ||
        static_cast<double>(difference) / low <= kMinRelativeDifference) {
      return;
    }
    context.ReportAt(resource.instances.pointer(),
                     "Enabling Memory-based scheduling when a Compute Resource (\"" + resource.name +
                         "\") has more than one instance type specified may lead to unused resources since only the "
                         "minimum available memory across all instance-types can be specified in the Slurm node "
                         "definition (" +
                         smallest->name + ": " + std::to_string(low) + " MiB, " + largest->name + ": " +
                         std::to_string(largest->facts->memory_mib) + " MiB).");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6030FlexibleMemorySchedulingUnusedMemory() {
  return std::make_unique<FlexibleMemorySchedulingUnusedMemory>();
}

}  // namespace pcl::rules
