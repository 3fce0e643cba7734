// PCL6003 too-many-queues-or-compute-resources: more Slurm queues or compute resources than the target release supports.
#include "engine/rule.h"
#include "rules/util/compute_util.h"

namespace pcl::rules {
namespace {

class TooManyQueues : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const int minor = compute::MinorOf(context.target_version());
    if (minor == 0) return;  // 3.0 caps the lists in its schema (PCL1010 reports them)
    const size_t max_queues = minor <= 5 ? 10 : 50;
    const size_t max_per_queue = minor <= 5 ? 5 : 50;
    const size_t max_total = minor <= 5 ? 0 : 50;  // 0: no cluster-wide cap
    const std::string release = "ParallelCluster " + context.target_version();
    const model::Node* queues = compute::Child(&context.root(), "Scheduling/SlurmQueues");
    if (!queues || queues->kind != model::NodeKind::kSequence) return;
    if (queues->items.size() > max_queues) {
      context.ReportAt("/Scheduling/SlurmQueues/" + std::to_string(max_queues),
                       "Scheduling has " + std::to_string(queues->items.size()) + " SlurmQueues; " + release +
                           " supports at most " + std::to_string(max_queues) + ": merge or remove queues");
    }
    size_t total = 0;
    for (const compute::Located& queue : compute::SlurmQueues(context.root())) {
      const model::Node* resources = queue.node->Find("ComputeResources");
      if (!resources || resources->kind != model::NodeKind::kSequence) continue;
      const std::string list = queue.pointer + "/ComputeResources/";
      const std::string name = compute::TextOf(queue.node->Find("Name"));
      if (resources->items.size() > max_per_queue) {
        context.ReportAt(list + std::to_string(max_per_queue),
                         "queue '" + name + "' has " + std::to_string(resources->items.size()) +
                             " compute resources; " + release + " supports at most " + std::to_string(max_per_queue) +
                             " per queue");
      }
      for (size_t i = 0; i < resources->items.size(); ++i) {
        if (++total == max_total + 1 && max_total > 0) {
          context.ReportAt(list + std::to_string(i), "this is compute resource number " + std::to_string(total) +
                                                         " of the cluster; " + release + " supports at most " +
                                                         std::to_string(max_total) + " across all queues");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6003TooManyQueuesOrComputeResources() { return std::make_unique<TooManyQueues>(); }

}  // namespace pcl::rules
