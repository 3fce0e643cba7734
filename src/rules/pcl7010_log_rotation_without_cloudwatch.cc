// PCL7010 log-rotation-without-cloudwatch: logs stay only on the nodes, where rotation deletes them.
#include "engine/rule.h"
#include "rules/util/os_lifecycle.h"

namespace pcl::rules {
namespace {

bool IsFalse(const model::Node* node) { return node && node->kind == model::NodeKind::kBool && !node->bool_value; }

class LogRotationWithoutCloudWatch : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    // Log rotation (and this check in ParallelCluster) arrived in 3.6.
    auto minor = TargetMinor(context.target_version());
    if (minor && *minor < 6) return;
    const model::Node* logs = ChildAt(context.root(), "Monitoring/Logs");
    if (!logs || !IsFalse(ChildAt(*logs, "CloudWatch/Enabled")) || IsFalse(ChildAt(*logs, "Rotation/Enabled"))) return;
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
