// PCL3001 ssh-open-to-world: SSH on the head node or a login node pool is open to the whole internet.
#include "engine/rule.h"
#include "model/json_pointer.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

class SshOpenToWorld : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const int min_prefix = context.Option<int>("min_prefix_length");
    const model::Node& root = context.root();
    // Login pools without their own AllowedIps inherit the head node's, so that value is reported once.
    std::vector<Located> places = {{"/HeadNode", At(&root, "HeadNode")}};
    if (const model::Node* pools = At(&root, "LoginNodes/Pools"); pools && pools->kind == model::NodeKind::kSequence) {
      for (size_t i = 0; i < pools->items.size(); ++i) {
        places.push_back({model::AppendPointer("/LoginNodes/Pools", i), &pools->items[i]});
      }
    }
    for (const Located& place : places) {
      if (!place.node || place.node->kind != model::NodeKind::kMapping) continue;
      const model::Node* allowed = At(place.node, "Ssh/AllowedIps");
      if (allowed && allowed->kind == model::NodeKind::kString) {
        std::string reason = OpenToWorldReason(allowed->text, min_prefix);
        if (reason.empty()) continue;
        context.ReportAt(place.pointer + "/Ssh/AllowedIps",
                         KeyLabel(place.pointer) + ".Ssh.AllowedIps " + allowed->text + " opens SSH (port 22) to " +
                             reason + "; restrict it to your network's CIDR or a managed prefix list (pl-...)");
      } else if (!allowed && place.pointer == "/HeadNode" && context.Option<bool>("report_default")) {
        const bool has_ssh = At(place.node, "Ssh") != nullptr;
        context.ReportAt(has_ssh ? "/HeadNode/Ssh" : "/HeadNode",
                         "HeadNode.Ssh.AllowedIps is not set, so SSH (port 22) is open to the whole internet "
                         "(default 0.0.0.0/0); set it to your network's CIDR or a managed prefix list (pl-...)",
                         true);
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3001SshOpenToWorld() { return std::make_unique<SshOpenToWorld>(); }

}  // namespace pcl::rules
