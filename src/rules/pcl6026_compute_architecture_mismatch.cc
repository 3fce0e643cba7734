// PCL6026 compute-architecture-mismatch: a compute instance type cannot run the head node's architecture.
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/instance_facts.h"

namespace pcl::rules {
namespace {

// Slurm compute resources and AWS Batch InstanceTypes (`optimal` is x86_64; families are PCL6027's).
class ComputeArchitectureMismatch : public engine::Rule {
  void Check(const engine::RuleContext& context) const override {
    const model::ClusterView& cluster = context.cluster();
    const std::optional<core::Architecture> head = HeadNodeArchitecture(cluster);
    if (!head) return;
    for (const auto* queues : {&cluster.slurm_queues, &cluster.batch_queues}) {
      for (const model::Queue& queue : *queues) {
        for (const model::ComputeResource& resource : queue.compute_resources) {
          for (const NamedInstanceType& type : InstanceTypesOf(queue, resource)) {
            uint8_t architectures = 0;
            if (type.facts) {
              architectures = type.facts->architectures;
            } else if (!queue.slurm && IsBatchOptimal(type.name)) {
              architectures = core::kX86_64;
            } else {
              continue;
            }
            if (architectures & *head) continue;
            const std::string head_name(ArchitectureName(*head));
            const std::string lead = "The specified compute instance type (" + type.name +
                                     ") supports the architectures " + ArchitectureList(architectures);
            // The two validators word it differently.
            context.ReportAt(type.ref.pointer(),
                             queue.slurm ? lead +
                                               ", none of which are compatible with the architecture supported by "
                                               "the head node instance type (" +
                                               head_name + ")."
                                         : lead + ", none of which is compatible with the architecture (" + head_name +
                                               ") supported by the head node instance type.");
          }
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6026ComputeArchitectureMismatch() {
  return std::make_unique<ComputeArchitectureMismatch>();
}

}  // namespace pcl::rules
