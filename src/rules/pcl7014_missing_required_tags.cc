// PCL7014 missing-required-tags: the top-level Tags lack a key the team requires (option required_keys).
#include <set>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

class MissingRequiredTags : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const auto required = context.Option<std::vector<std::string>>("required_keys");
    if (required.empty()) return;
    const model::Ref tags = context.cluster().root.At("Tags");
    std::set<std::string> present;
    for (const model::Ref& tag : tags.Items()) present.insert(tag.At("Key").String());
    std::string missing;
    for (const std::string& key : required) {
      if (present.count(key)) continue;
      missing += (missing.empty() ? "'" : ", '") + key + "'";
    }
    if (missing.empty()) return;
    const bool has_tags = tags.IsSequence();
    context.ReportAt(has_tags ? "/Tags" : "",
                     "the cluster Tags lack the required key(s) " + missing +
                         " (option required_keys); add them so cost allocation and "
                         "ownership reports cover the cluster's resources",
                     has_tags);
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl7014MissingRequiredTags() {
  return std::make_unique<MissingRequiredTags>();
}

}  // namespace pcl::rules
