// PCL3020 region-malformed: Region is an Availability Zone (us-east-1a) or not a lower-case Region code.
#include <algorithm>
#include <cctype>

#include "engine/rule.h"
#include "rules/util/arn.h"

namespace pcl::rules {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

class RegionMalformed : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const model::Node* node = context.root().Find("Region");
    if (node == nullptr || node->kind != model::NodeKind::kString) return;  // wrong types are PCL1003's
    const std::string& region = node->text;
    if (!PartitionOfRegion(region).empty() || LooksLikePlaceholder(region)) return;
    const std::string lower = Lower(region);
    // us-east-1a: the zone letter after the Region's number.
    if (lower.size() > 1 && std::isalpha(static_cast<unsigned char>(lower.back())) &&
        !PartitionOfRegion(lower.substr(0, lower.size() - 1)).empty()) {
      context.ReportAt("/Region", "Region '" + region + "' is an Availability Zone, not a Region; write '" +
                                      lower.substr(0, lower.size() - 1) +
                                      "' (zones are chosen by the subnets of the head node and queues)");
      return;
    }
    if (!PartitionOfRegion(lower).empty()) {
      context.ReportAt("/Region", "Region '" + region + "' must be written in lower case: '" + lower + "'");
      return;
    }
    context.ReportAt("/Region", "Region '" + region +
                                    "' is not an AWS Region code (like us-east-1 or eu-west-2); the console's "
                                    "Region menu shows the code next to each name");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3020RegionMalformed() {
  return std::make_unique<RegionMalformed>();
}

}  // namespace pcl::rules
