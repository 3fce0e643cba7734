// PCL6003 too-many-queues-or-compute-resources: more Slurm queues or compute resources than the target release
// supports.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

// Runs from 3.1 (applies_to): 3.0 caps the lists in its schema (PCL1010 reports them).
class TooManyQueues : public engine::Rule {
  void Check(const engine::RuleContext& context) const override {
    const bool small = context.release() < core::Release(3, 6);
    const size_t max_queues = small ? 10 : 50;
    const size_t max_per_queue = small ? 5 : 50;
    const size_t max_total = small ? 0 : 50;  // 0: no cluster-wide cap
    const std::string release = "ParallelCluster " + context.target_version();
    const model::Ref queues = context.cluster().root.At("Scheduling/SlurmQueues");
    if (queues.Size() > max_queues) {
      context.ReportAt(queues.Item(max_queues).pointer(), "Scheduling has " + std::to_string(queues.Size()) +
                                                              " SlurmQueues; " + release + " supports at most " +
                                                              std::to_string(max_queues) + ": merge or remove queues");
    }
    size_t total = 0;
    for (const model::Queue& queue : context.cluster().slurm_queues) {
      const model::Ref resources = queue.ref.At("ComputeResources");
      if (resources.Size() > max_per_queue) {
        context.ReportAt(resources.Item(max_per_queue).pointer(),
                         "queue '" + queue.name + "' has " + std::to_string(resources.Size()) + " compute resources; " +
                             release + " supports at most " + std::to_string(max_per_queue) + " per queue");
      }
      for (size_t i = 0; i < resources.Size(); ++i) {
        if (++total == max_total + 1 && max_total > 0) {
          context.ReportAt(resources.Item(i).pointer(), "this is compute resource number " + std::to_string(total) +
                                                            " of the cluster; " + release + " supports at most " +
                                                            std::to_string(max_total) + " across all queues");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6003TooManyQueuesOrComputeResources() {
  return std::make_unique<TooManyQueues>();
}

}  // namespace pcl::rules
