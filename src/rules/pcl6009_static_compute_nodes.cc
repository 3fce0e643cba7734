// PCL6009 static-compute-nodes: MinCount above 0 keeps instances running (and billed) while idle.
#include "engine/rule.h"
#include "rules/util/compute_util.h"

namespace pcl::rules {
namespace {

class StaticComputeNodes : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    for (const compute::Located& queue : compute::SlurmQueues(context.root())) {
      // Capacity blocks are paid for up front and require static nodes (PCL6005).
      if (compute::TextOf(queue.node->Find("CapacityType")) == "CAPACITY_BLOCK") continue;
      for (const compute::Located& resource : compute::ComputeResources(queue)) {
        auto min = compute::IntOf(resource.node->Find("MinCount"));
        if (!min || *min <= 0) continue;
        context.ReportAt(resource.pointer + "/MinCount",
                         "compute resource '" + compute::TextOf(resource.node->Find("Name")) + "' keeps " +
                             std::to_string(*min) + " static node(s) running even when no job needs them (MinCount " +
                             std::to_string(*min) + "); use MinCount 0 unless jobs must start without waiting");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6009StaticComputeNodes() { return std::make_unique<StaticComputeNodes>(); }

}  // namespace pcl::rules
