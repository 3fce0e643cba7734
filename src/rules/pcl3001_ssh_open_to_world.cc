// PCL3001 ssh-open-to-world: SSH on the head node or a login node pool is open to the whole internet.
#include "engine/rule.h"
#include "rules/util/cidr.h"

namespace pcl::rules {
namespace {

class SshOpenToWorld : public engine::Rule {
  // Each place with an Ssh block: the head node and every login pool. Pools without their own
  // AllowedIps inherit the head node's, so that value is reported once.
  void CheckNode(const engine::RuleContext& context, const model::Ref& place) const override {
    if (!place.IsMapping()) return;
    const model::Ref allowed = place.At("Ssh/AllowedIps");
    if (allowed.IsString()) {
      const std::string reason = OpenToWorldReason(allowed.String(), context.Option<int>("min_prefix_length"));
      if (reason.empty()) return;
      context.ReportAt(allowed.pointer(), allowed.Label() + " " + allowed.String() + " opens SSH (port 22) to " +
                                              reason +
                                              "; restrict it to your network's CIDR or a managed prefix list (pl-...)");
    } else if (!allowed.written() && place.pointer() == "/HeadNode" && context.Option<bool>("report_default")) {
      const model::Ref ssh = place.At("Ssh");
      context.ReportAt(ssh.written() ? ssh.pointer() : place.pointer(),
                       "HeadNode.Ssh.AllowedIps is not set, so SSH (port 22) is open to the whole internet "
                       "(default 0.0.0.0/0); set it to your network's CIDR or a managed prefix list (pl-...)",
                       true);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3001SshOpenToWorld() {
  return std::make_unique<SshOpenToWorld>();
}

}  // namespace pcl::rules
