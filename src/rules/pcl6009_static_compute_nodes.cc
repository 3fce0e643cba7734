// PCL6009 static-compute-nodes: MinCount above 0 keeps instances running (and billed) while idle.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

class StaticComputeNodes : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    // Capacity blocks are paid for up front and require static nodes (PCL6005).
    if (queue.capacity_type == "CAPACITY_BLOCK") return;
    for (const model::ComputeResource& resource : queue.compute_resources) {
      if (!resource.min_count || *resource.min_count <= 0) continue;
      const std::string min = std::to_string(*resource.min_count);
      context.ReportAt(resource.ref.pointer() + "/MinCount",
                       "compute resource '" + resource.name + "' keeps " + min +
                           " static node(s) running even when no job needs them (MinCount " + min +
                           "); use MinCount 0 unless jobs must start without waiting");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6009StaticComputeNodes() {
  return std::make_unique<StaticComputeNodes>();
}

}  // namespace pcl::rules
