// PCL6015 awsbatch-vcpus-out-of-order: an AWS Batch compute resource breaks MinvCpus <= DesiredvCpus <= MaxvCpus.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

class AwsBatchVcpusOutOfOrder : public engine::Rule {
 public:
  // Handed each AWS Batch compute resource (applies_to).
  void CheckComputeResource(const engine::RuleContext& context, const model::Queue&,
                            const model::ComputeResource& resource) const override {
    const model::Ref& cr = resource.ref;
    auto min_written = cr.At("MinvCpus").Int();
    auto max_written = cr.At("MaxvCpus").Int();
    auto desired = cr.At("DesiredvCpus").Int();
    const int64_t min = min_written.value_or(0);
    const int64_t max = max_written.value_or(10);
    auto show = [](int64_t value, bool written) {
      return std::to_string(value) + (written ? "" : " (the default)");
    };
    if (max < min) {
      context.ReportAt(cr.pointer() + (max_written ? "/MaxvCpus" : "/MinvCpus"),
                       "MaxvCpus " + show(max, max_written.has_value()) + " is less than MinvCpus " +
                           show(min, min_written.has_value()) + "; MaxvCpus must be at least MinvCpus");
    }
    if (desired && *desired < min) {
      context.ReportAt(cr.pointer() + "/DesiredvCpus",
                       "DesiredvCpus " + std::to_string(*desired) + " is less than MinvCpus " +
                           show(min, min_written.has_value()) + "; it must lie between MinvCpus and MaxvCpus");
    }
    if (desired && *desired > max) {
      context.ReportAt(cr.pointer() + "/DesiredvCpus",
                       "DesiredvCpus " + std::to_string(*desired) + " is greater than MaxvCpus " +
                           show(max, max_written.has_value()) + "; it must lie between MinvCpus and MaxvCpus");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6015AwsbatchVcpusOutOfOrder() {
  return std::make_unique<AwsBatchVcpusOutOfOrder>();
}

}  // namespace pcl::rules
