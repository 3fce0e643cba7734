// PCL3002 dcv-open-to-world: an enabled DCV server accepts connections from the whole internet.
#include "engine/rule.h"
#include "model/json_pointer.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

class DcvOpenToWorld : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const int min_prefix = context.Option<int>("min_prefix_length");
    const model::Node& root = context.root();
    std::vector<Located> places = {{"/HeadNode/Dcv", At(&root, "HeadNode/Dcv")}};
    if (const model::Node* pools = At(&root, "LoginNodes/Pools"); pools && pools->kind == model::NodeKind::kSequence) {
      for (size_t i = 0; i < pools->items.size(); ++i) {
        places.push_back({model::AppendPointer("/LoginNodes/Pools", i) + "/Dcv", At(&pools->items[i], "Dcv")});
      }
    }
    for (const Located& dcv : places) {
      if (!dcv.node || !IsTrue(dcv.node->Find("Enabled"))) continue;
      std::string port = TextOf(dcv.node->Find("Port"));
      if (port.empty()) port = "8443";
      const model::Node* allowed = dcv.node->Find("AllowedIps");
      // Like DcvValidator, an unset AllowedIps counts: its default is 0.0.0.0/0.
      if (!allowed) {
        context.ReportAt(dcv.pointer + "/Enabled",
                         KeyLabel(dcv.pointer) + " is enabled without AllowedIps, so DCV port " + port +
                             " is open to the whole internet (default 0.0.0.0/0); set " + KeyLabel(dcv.pointer) +
                             ".AllowedIps to your network's CIDR or a managed prefix list (pl-...)");
        continue;
      }
      if (allowed->kind != model::NodeKind::kString) continue;
      std::string reason = OpenToWorldReason(allowed->text, min_prefix);
      if (reason.empty()) continue;
      context.ReportAt(dcv.pointer + "/AllowedIps",
                       KeyLabel(dcv.pointer) + ".AllowedIps " + allowed->text + " opens DCV port " + port + " to " +
                           reason + "; restrict it to your network's CIDR or a managed prefix list (pl-...)");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3002DcvOpenToWorld() { return std::make_unique<DcvOpenToWorld>(); }

}  // namespace pcl::rules
