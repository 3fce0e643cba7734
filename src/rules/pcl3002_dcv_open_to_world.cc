// PCL3002 dcv-open-to-world: an enabled DCV server accepts connections from the whole internet.
#include "engine/rule.h"
#include "rules/util/cidr.h"

namespace pcl::rules {
namespace {

class DcvOpenToWorld : public engine::Rule {
  void CheckNode(const engine::RuleContext& context, const model::Ref& dcv) const override {
    if (!dcv.At("Enabled").IsTrue()) return;
    std::string port = dcv.At("Port").Text();
    if (port.empty()) port = "8443";
    const model::Ref allowed = dcv.At("AllowedIps");
    // Like DcvValidator, an unset AllowedIps counts: its default is 0.0.0.0/0.
    if (!allowed.written()) {
      context.ReportAt(dcv.pointer() + "/Enabled", dcv.Label() + " is enabled without AllowedIps, so DCV port " + port +
                                                       " is open to the whole internet (default 0.0.0.0/0); set " +
                                                       allowed.Label() +
                                                       " to your network's CIDR or a managed prefix list (pl-...)");
      return;
    }
    if (!allowed.IsString()) return;
    const std::string reason = OpenToWorldReason(allowed.String(), context.Option<int>("min_prefix_length"));
    if (reason.empty()) return;
    context.ReportAt(allowed.pointer(), allowed.Label() + " " + allowed.String() + " opens DCV port " + port + " to " +
                                            reason +
                                            "; restrict it to your network's CIDR or a managed prefix list (pl-...)");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3002DcvOpenToWorld() {
  return std::make_unique<DcvOpenToWorld>();
}

}  // namespace pcl::rules
