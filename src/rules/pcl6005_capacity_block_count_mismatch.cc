// PCL6005 capacity-block-count-mismatch: a CAPACITY_BLOCK compute resource is not all static nodes.
#include "engine/rule.h"
#include "rules/util/compute_util.h"

namespace pcl::rules {
namespace {

class CapacityBlockCountMismatch : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    for (const compute::Located& queue : compute::SlurmQueues(context.root())) {
      if (compute::TextOf(queue.node->Find("CapacityType")) != "CAPACITY_BLOCK") continue;
      for (const compute::Located& resource : compute::ComputeResources(queue)) {
        const int64_t min = compute::MinCountOf(*resource.node);
        const int64_t max = compute::MaxCountOf(*resource.node);
        const std::string name = "compute resource '" + compute::TextOf(resource.node->Find("Name")) + "'";
        const bool has_min = resource.node->Find("MinCount") != nullptr;
        const std::string at = resource.pointer + (has_min ? "/MinCount" : "/Name");
        if (min <= 0) {
          context.ReportAt(at, name + " uses a capacity block with MinCount " + std::to_string(min) +
                                   "; set MinCount above 0 and equal to MaxCount (capacity block nodes are static)");
        } else if (min != max) {
          context.ReportAt(at, name + " uses a capacity block with MinCount " + std::to_string(min) +
                                   " and MaxCount " + std::to_string(max) +
                                   "; they must be equal (capacity block nodes are static)");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6005CapacityBlockCountMismatch() {
  return std::make_unique<CapacityBlockCountMismatch>();
}

}  // namespace pcl::rules
