// PCL6012 head-node-undersized: a burstable nano/micro/small head node runs a large Slurm cluster.
#include <set>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

class HeadNodeUndersized : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const model::ClusterView& cluster = context.cluster();
    if (cluster.scheduler != "slurm") return;
    const std::string type = cluster.head_node.At("InstanceType").Text();
    static const std::set<std::string> kSmall = {"t2.nano",   "t2.micro", "t2.small",  "t3.nano",
                                                 "t3.micro",  "t3.small", "t3a.nano",  "t3a.micro",
                                                 "t3a.small", "t4g.nano", "t4g.micro", "t4g.small"};
    if (!kSmall.count(type)) return;
    const int64_t limit = context.Option<int64_t>("max_compute_nodes");
    int64_t total = 0;
    for (const model::Queue& queue : cluster.slurm_queues) {
      for (const model::ComputeResource& resource : queue.compute_resources) total += resource.MaxCount();
    }
    if (total <= limit) return;
    context.ReportAt("/HeadNode/InstanceType",
                     "head node " + type + " is small for a cluster of up to " + std::to_string(total) +
                         " compute nodes (more than " + std::to_string(limit) +
                         "); it runs slurmctld and serves /home and shared storage: use t3.medium or larger");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6012HeadNodeUndersized() {
  return std::make_unique<HeadNodeUndersized>();
}

}  // namespace pcl::rules
