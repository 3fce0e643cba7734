// PCL7010 log-rotation-without-cloudwatch: logs stay only on the nodes, where rotation deletes them.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

class LogRotationWithoutCloudWatch : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    // Runs from 3.6 (applies_to): log rotation, and this check in ParallelCluster, arrived then.
    const model::Ref logs = context.cluster().root.At("Monitoring/Logs");
    if (!logs.At("CloudWatch/Enabled").IsFalse() || logs.At("Rotation/Enabled").IsFalse()) return;
    context.ReportAt("/Monitoring/Logs/CloudWatch/Enabled",
                     "CloudWatch logging is disabled but log rotation is enabled (its default), so logs are rotated "
                     "and removed from the nodes once they grow; to keep them locally set "
                     "Monitoring.Logs.Rotation.Enabled: false");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl7010LogRotationWithoutCloudwatch() {
  return std::make_unique<LogRotationWithoutCloudWatch>();
}

}  // namespace pcl::rules
