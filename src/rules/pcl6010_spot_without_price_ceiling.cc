// PCL6010 spot-without-price-ceiling: a SPOT compute resource has no SpotPrice cap.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

class SpotWithoutPriceCeiling : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    if (queue.capacity_type != "SPOT") return;
    for (const model::ComputeResource& resource : queue.compute_resources) {
      if (resource.ref.At("SpotPrice").present()) continue;
      context.ReportAt(resource.ref.pointer() + (resource.ref.At("Name").written() ? "/Name" : ""),
                       "compute resource '" + resource.name + "' in SPOT queue '" + queue.name +
                           "' sets no SpotPrice, so it may pay up to the On-Demand price; set SpotPrice to cap "
                           "the hourly price");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6010SpotWithoutPriceCeiling() {
  return std::make_unique<SpotWithoutPriceCeiling>();
}

}  // namespace pcl::rules
