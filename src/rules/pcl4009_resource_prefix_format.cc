// PCL4009 resource-prefix-format: Iam.ResourcePrefix is not an IAM path and/or name prefix ParallelCluster accepts.
#include "core/regex.h"
#include "engine/rule.h"

namespace pcl::rules {
namespace {

// Handed Iam.ResourcePrefix (applies_to).
class ResourcePrefixFormat : public engine::Rule {
  void CheckNode(const engine::RuleContext& context, const model::Ref& node) const override {
    const std::string prefix = node.String();
    if (prefix.empty()) return;
    // IamResourcePrefixValidator: a path "/a/b/" (re.match, so a name may follow) or a bare name.
    std::string problem;
    if (!core::SearchPattern("^((/[a-zA-Z0-9_.,+@=-]+)+)/", prefix) &&
        !core::SearchPattern("^[a-zA-Z0-9_.,+@=-]+$", prefix)) {
      problem = "it is neither a path (/team/, /team/name-) nor a name prefix of letters, digits and _.,+@=-";
    } else {
      size_t split = prefix.rfind('/') + 1;  // 0 when there is no path part
      std::string path = prefix.substr(0, split);
      std::string name = prefix.substr(split);
      if (name.size() > 30) problem = "the name prefix '" + name + "' is longer than 30 characters";
      if (path.size() > 512) problem = "the path is longer than 512 characters";
    }
    if (problem.empty()) return;
    context.ReportAt(node.pointer(), "Iam.ResourcePrefix '" + prefix + "' is not accepted: " + problem +
                                         "; a path must start and end with '/', e.g. /my-team/ or "
                                         "/my-team/pc-");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl4009ResourcePrefixFormat() {
  return std::make_unique<ResourcePrefixFormat>();
}

}  // namespace pcl::rules
