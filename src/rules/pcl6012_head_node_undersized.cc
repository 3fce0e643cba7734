// PCL6012 head-node-undersized: a head node with little memory (2 GiB or less) runs a large Slurm cluster.
#include "core/instance_types.h"
#include "engine/rule.h"

namespace pcl::rules {
namespace {

class HeadNodeUndersized : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const model::ClusterView& cluster = context.cluster();
    if (cluster.scheduler != "slurm") return;
    const std::string type = cluster.head_node.At("InstanceType").Text();
    // Small by memory, from the EC2 table; a type without facts is not judged.
    const core::InstanceFacts* facts = core::FindInstanceType(type);
    if (!facts || facts->memory_mib > context.Option<int64_t>("max_small_memory_mib")) return;
    const int64_t limit = context.Option<int64_t>("max_compute_nodes");
    int64_t total = 0;
    for (const model::Queue& queue : cluster.slurm_queues) {
      for (const model::ComputeResource& resource : queue.compute_resources) total += resource.MaxCount();
    }
    if (total <= limit) return;
    context.ReportAt("/HeadNode/InstanceType",
                     "head node " + type + " (" + std::to_string(facts->memory_mib) +
                         " MiB of memory) is small for a cluster of up to " + std::to_string(total) +
                         " compute nodes (more than " + std::to_string(limit) +
                         "); it runs slurmctld and serves /home and shared storage: use t3.medium or larger");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6012HeadNodeUndersized() {
  return std::make_unique<HeadNodeUndersized>();
}

}  // namespace pcl::rules
