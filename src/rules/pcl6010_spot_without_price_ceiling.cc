// PCL6010 spot-without-price-ceiling: a SPOT compute resource has no SpotPrice cap.
#include "engine/rule.h"
#include "rules/util/compute_util.h"

namespace pcl::rules {
namespace {

class SpotWithoutPriceCeiling : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    for (const compute::Located& queue : compute::SlurmQueues(context.root())) {
      if (compute::TextOf(queue.node->Find("CapacityType")) != "SPOT") continue;
      for (const compute::Located& resource : compute::ComputeResources(queue)) {
        const model::Node* price = resource.node->Find("SpotPrice");
        if (price && price->kind != model::NodeKind::kNull) continue;
        const std::string name = compute::TextOf(resource.node->Find("Name"));
        context.ReportAt(resource.pointer + (resource.node->Find("Name") ? "/Name" : ""),
                         "compute resource '" + name + "' in SPOT queue '" +
                             compute::TextOf(queue.node->Find("Name")) +
                             "' sets no SpotPrice, so it may pay up to the On-Demand price; set SpotPrice to cap "
                             "the hourly price");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6010SpotWithoutPriceCeiling() { return std::make_unique<SpotWithoutPriceCeiling>(); }

}  // namespace pcl::rules
