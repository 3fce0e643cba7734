// PCL6004 min-count-above-max-count: a Slurm compute resource's MinCount exceeds its MaxCount.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

class MinCountAboveMaxCount : public engine::Rule {
  void CheckComputeResource(const engine::RuleContext& context, const model::Queue&,
                            const model::ComputeResource& resource) const override {
    // Counts as the loader reads them: MinCount: "12" is 12.
    if (!resource.min_count || *resource.min_count <= resource.MaxCount()) return;
    context.ReportAt(resource.ref.pointer() + "/MinCount",
                     "compute resource '" + resource.name + "' has MinCount " + std::to_string(*resource.min_count) +
                         " above MaxCount " + std::to_string(resource.MaxCount()) +
                         (resource.max_count ? "" : " (the default)") + "; MaxCount must be at least MinCount");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6004MinCountAboveMaxCount() {
  return std::make_unique<MinCountAboveMaxCount>();
}

}  // namespace pcl::rules
