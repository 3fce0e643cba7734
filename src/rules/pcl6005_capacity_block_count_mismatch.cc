// PCL6005 capacity-block-count-mismatch: a CAPACITY_BLOCK compute resource is not all static nodes.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

class CapacityBlockCountMismatch : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    if (queue.capacity_type != "CAPACITY_BLOCK") return;
    for (const model::ComputeResource& resource : queue.compute_resources) {
      const int64_t min = resource.MinCount();
      const int64_t max = resource.MaxCount();
      const std::string name = "compute resource '" + resource.name + "'";
      const std::string at = resource.ref.pointer() + (resource.ref.At("MinCount").written() ? "/MinCount" : "/Name");
      if (min <= 0) {
        context.ReportAt(at, name + " uses a capacity block with MinCount " + std::to_string(min) +
                                 "; set MinCount above 0 and equal to MaxCount (capacity block nodes are static)");
      } else if (min != max) {
        context.ReportAt(at, name + " uses a capacity block with MinCount " + std::to_string(min) + " and MaxCount " +
                                 std::to_string(max) + "; they must be equal (capacity block nodes are static)");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6005CapacityBlockCountMismatch() {
  return std::make_unique<CapacityBlockCountMismatch>();
}

}  // namespace pcl::rules
