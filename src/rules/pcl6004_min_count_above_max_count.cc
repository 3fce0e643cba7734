// PCL6004 min-count-above-max-count: a Slurm compute resource's MinCount exceeds its MaxCount.
#include "engine/rule.h"
#include "rules/util/compute_util.h"

namespace pcl::rules {
namespace {

class MinCountAboveMaxCount : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    for (const compute::Located& queue : compute::SlurmQueues(context.root())) {
      for (const compute::Located& resource : compute::ComputeResources(queue)) {
        auto min = compute::IntOf(resource.node->Find("MinCount"));
        const int64_t max = compute::MaxCountOf(*resource.node);
        if (!min || *min <= max) continue;
        const bool max_written = compute::IntOf(resource.node->Find("MaxCount")).has_value();
        context.ReportAt(resource.pointer + "/MinCount",
                         "compute resource '" + compute::TextOf(resource.node->Find("Name")) + "' has MinCount " +
                             std::to_string(*min) + " above MaxCount " + std::to_string(max) +
                             (max_written ? "" : " (the default)") + "; MaxCount must be at least MinCount");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6004MinCountAboveMaxCount() { return std::make_unique<MinCountAboveMaxCount>(); }

}  // namespace pcl::rules
