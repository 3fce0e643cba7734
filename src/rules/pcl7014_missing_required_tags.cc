// PCL7014 missing-required-tags: the top-level Tags lack a key the team requires (option required_keys).
#include <set>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

class MissingRequiredTags : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const nlohmann::json& required = context.options().value("required_keys", nlohmann::json::array());
    if (!required.is_array() || required.empty()) return;
    const model::Ref tags = context.cluster().root.At("Tags");
    std::set<std::string> present;
    for (const model::Ref& tag : tags.Items()) present.insert(tag.At("Key").String());
    std::string missing;
    for (const auto& key : required) {
      if (!key.is_string() || present.count(key.get<std::string>())) continue;
      missing += (missing.empty() ? "'" : ", '") + key.get<std::string>() + "'";
    }
    if (missing.empty()) return;
    const bool has_tags = tags.IsSequence();
    context.ReportAt(has_tags ? "/Tags" : "", "the cluster Tags lack the required key(s) " + missing +
                                                  " (option required_keys); add them so cost allocation and "
                                                  "ownership reports cover the cluster's resources",
                     has_tags);
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl7014MissingRequiredTags() { return std::make_unique<MissingRequiredTags>(); }

}  // namespace pcl::rules
