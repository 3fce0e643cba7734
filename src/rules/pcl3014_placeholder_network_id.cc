// PCL3014 placeholder-network-id: a network ID or name is a template placeholder, not a real resource.
#include <algorithm>
#include <string_view>

#include "engine/rule.h"
#include "rules/util/arn.h"

namespace pcl::rules {
namespace {

// prefix + 8 or 17 characters that `ok` accepts. Hand-written, not patterns: this runs for every
// node of every file, where even the NFA engine costs several times more.
bool IdShape(std::string_view text, std::string_view prefix, bool (*ok)(char)) {
  if (text.substr(0, prefix.size()) != prefix) return false;
  std::string_view rest = text.substr(prefix.size());
  return (rest.size() == 8 || rest.size() == 17) && std::all_of(rest.begin(), rest.end(), ok);
}
bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}
bool IsLowerAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

// The last key of a pointer, skipping one trailing list index ("/SubnetIds/0" → "SubnetIds").
std::string_view LastKey(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  std::string_view last = pointer.substr(slash + 1);
  if (slash != std::string_view::npos && slash > 0 && !last.empty() &&
      std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    pointer = pointer.substr(0, slash);
    last = pointer.substr(pointer.rfind('/') + 1);
  }
  return last;
}

bool IsNetworkIdKey(std::string_view pointer) {
  std::string_view key = LastKey(pointer);
  return key == "SubnetId" || key == "SubnetIds" || key == "SecurityGroups" || key == "AdditionalSecurityGroups" ||
         key == "SecurityGroupIds";
}

bool IsFreeNetworkKey(std::string_view pointer) {
  for (std::string_view suffix :
       {"/PlacementGroup/Name", "/PlacementGroup/Id", "/ElasticIp", "/HttpProxyAddress", "/HostedZoneId"}) {
    if (pointer.size() >= suffix.size() && pointer.substr(pointer.size() - suffix.size()) == suffix) return true;
  }
  return false;
}

class PlaceholderNetworkId : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    // Subnet and security group IDs (head node, queues, login pools, Lambda VPC config) that pass the
    // schema's <prefix>-<8 or 17 of [0-9a-z]> although real IDs are hexadecimal: subnet-xxxxxxxx.
    model::WalkNodes(context.root(), [&](const std::string& pointer, const model::Node& node, const model::MapEntry*) {
      if (node.kind != model::NodeKind::kString) return;
      const std::string& text = node.text;
      const bool schema_id = IdShape(text, "subnet-", IsLowerAlnum) || IdShape(text, "sg-", IsLowerAlnum);
      const bool real_id = IdShape(text, "subnet-", IsHex) || IdShape(text, "sg-", IsHex);
      if (IsNetworkIdKey(pointer) && schema_id && !real_id) {
        const char* what = text.rfind("sg-", 0) == 0 ? "security group" : "subnet";
        context.ReportAt(pointer, model::PointerLabel(pointer) + " " + text + " cannot be a real " + what +
                                      " ID (AWS IDs are hexadecimal, 0-9 and a-f) and looks like a placeholder; "
                                      "put the ID of an existing " +
                                      what);
      } else if (IsFreeNetworkKey(pointer) && LooksLikePlaceholder(text)) {  // values no schema checks
        context.ReportAt(pointer, model::PointerLabel(pointer) + " '" + text +
                                      "' looks like a template placeholder that was never filled in; replace it "
                                      "with the real value");
      }
    });
    // The schema takes any "pl-…" prefix list; real ones are pl- and 8 or 17 hexadecimal digits.
    for (const model::Ref& value : context.cluster().AllowedIps()) {
      const std::string text = value.String();
      if (text.rfind("pl-", 0) != 0 || IdShape(text, "pl-", IsHex)) continue;
      context.ReportAt(value.pointer(), value.Label() + " " + text +
                                            " is not a well-formed prefix list ID (pl- and 8 or 17 hexadecimal "
                                            "digits); copy the ID from the VPC console's Managed prefix lists");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3014PlaceholderNetworkId() {
  return std::make_unique<PlaceholderNetworkId>();
}

}  // namespace pcl::rules
