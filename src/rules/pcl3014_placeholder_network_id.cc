// PCL3014 placeholder-network-id: a network ID or name is a template placeholder, not a real resource.
#include <regex>

#include "engine/rule.h"
#include "rules/util/arn.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

class PlaceholderNetworkId : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    // Subnet and security group IDs (head node, queues, login pools, Lambda VPC config) that pass the
    // schema's <prefix>-<8 or 17 of [0-9a-z]> although real IDs are hexadecimal: subnet-xxxxxxxx.
    static const std::regex kIdKey("/(SubnetIds?|SecurityGroups|AdditionalSecurityGroups|SecurityGroupIds)(/[0-9]+)?$");
    static const std::regex kSchemaId("^(subnet|sg)-([0-9a-z]{8}|[0-9a-z]{17})$");
    static const std::regex kRealId("^(subnet|sg)-([0-9a-f]{8}|[0-9a-f]{17})$");
    // Free-form network values the schema does not check at all.
    static const std::regex kFreeKey("/(PlacementGroup/(Name|Id)|ElasticIp|HttpProxyAddress|HostedZoneId)$");
    model::WalkNodes(context.root(), [&](const std::string& pointer, const model::Node& node, const model::MapEntry*) {
      if (node.kind != model::NodeKind::kString) return;
      const std::string& text = node.text;
      if (std::regex_search(pointer, kIdKey) && std::regex_match(text, kSchemaId) && !std::regex_match(text, kRealId)) {
        const char* what = text.rfind("sg-", 0) == 0 ? "security group" : "subnet";
        context.ReportAt(pointer, KeyLabel(pointer) + " " + text + " cannot be a real " + what +
                                      " ID (AWS IDs are hexadecimal, 0-9 and a-f) and looks like a placeholder; "
                                      "put the ID of an existing " + what);
      } else if (std::regex_search(pointer, kFreeKey) && LooksLikePlaceholder(text)) {
        context.ReportAt(pointer, KeyLabel(pointer) + " '" + text +
                                      "' looks like a template placeholder that was never filled in; replace it "
                                      "with the real value");
      }
    });
    // The schema takes any "pl-…" prefix list; real ones are pl- and 8 or 17 hexadecimal digits.
    static const std::regex kPrefixList("^pl-([0-9a-f]{8}|[0-9a-f]{17})$");
    for (const Located& value : AllowedIpsValues(context.root())) {
      const std::string& text = value.node->text;
      if (text.rfind("pl-", 0) != 0 || std::regex_match(text, kPrefixList)) continue;
      context.ReportAt(value.pointer, KeyLabel(value.pointer) + " " + text +
                                          " is not a well-formed prefix list ID (pl- and 8 or 17 hexadecimal "
                                          "digits); copy the ID from the VPC console's Managed prefix lists");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3014PlaceholderNetworkId() { return std::make_unique<PlaceholderNetworkId>(); }

}  // namespace pcl::rules
