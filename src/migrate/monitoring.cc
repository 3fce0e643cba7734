// Monitoring: [cw_log] → Logs/CloudWatch, [dashboard] → Dashboards/CloudWatch.
#include "generated/ids/migration.h"
#include "migrate/py_text.h"
#include "migrate/translators.h"

namespace pcl::migrate {
namespace {

// The section a *_settings option names, or "" (with a warning when it is missing).
std::string Referenced(Context& ctx, const std::string& setting, const std::string& kind) {
  const std::string& c = ctx.cluster;
  auto label = ctx.ClusterTruthy(setting);
  if (!label) return "";
  ctx.Reference(c, setting);
  const std::string section = kind + " " + py::Strip(*label);
  if (!ctx.HasSection(section)) {
    ctx.Report(ids::kReferencedSectionMissing, ctx.ValueRange(c, setting),
               setting + " = " + *label + " but the file has no [" + section +
                   "] section; the "
                   "v3 defaults apply",
               c, setting);
  }
  return section;
}

}  // namespace

void ConvertMonitoring(Context& ctx, OutNode& root) {
  const std::string& c = ctx.cluster;
  OutNode cloudwatch = OutNode::Map();
  const std::string logs_section = Referenced(ctx, "cw_log_settings", "cw_log");
  if (!logs_section.empty()) {
    cloudwatch.SetIf("Enabled", ctx.Bool(logs_section, "enable"));
    cloudwatch.SetIf("RetentionInDays", ctx.Int(logs_section, "retention_days"));
  }
  const OutNode* enabled = cloudwatch.Find("Enabled");
  const bool logging = !enabled || enabled->boolean;
  if (logging && !cloudwatch.Find("RetentionInDays")) {
    ctx.Report(ids::kV3DefaultDiffers, logs_section.empty() ? ctx.SectionRange(c) : ctx.SectionRange(logs_section),
               "CloudWatch logs were kept 14 days by default in ParallelCluster 2 and 180 days in "
               "v3; set Monitoring/Logs/CloudWatch/RetentionInDays: 14 to keep the v2 behaviour",
               logs_section.empty() ? c : logs_section);
  }
  OutNode dashboard = OutNode::Map();
  const std::string dashboard_section = Referenced(ctx, "dashboard_settings", "dashboard");
  if (!dashboard_section.empty()) dashboard.SetIf("Enabled", ctx.Bool(dashboard_section, "enable"));

  OutNode logs = OutNode::Map();
  logs.SetIf("CloudWatch", std::move(cloudwatch));
  OutNode dashboards = OutNode::Map();
  dashboards.SetIf("CloudWatch", std::move(dashboard));
  OutNode monitoring = OutNode::Map();
  monitoring.SetIf("Logs", std::move(logs));
  monitoring.SetIf("Dashboards", std::move(dashboards));
  root.SetIf("Monitoring", std::move(monitoring));
}

}  // namespace pcl::migrate
