// PCL4001 broad-iam-policy: nodes get an AWS policy that grants administrator-like or service-wide power.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

// Glob with '*' only, as in the option's entries ("*FullAccess").
bool GlobMatch(std::string_view pattern, std::string_view text) {
  if (pattern.empty()) return text.empty();
  if (pattern[0] == '*') {
    for (size_t skip = 0; skip <= text.size(); ++skip) {
      if (GlobMatch(pattern.substr(1), text.substr(skip))) return true;
    }
    return false;
  }
  return !text.empty() && pattern[0] == text[0] && GlobMatch(pattern.substr(1), text.substr(1));
}

// Handed each AdditionalIamPolicies[].Policy of the head node, queues and login pools (applies_to).
class BroadIamPolicy : public engine::Rule {
  void CheckNode(const engine::RuleContext& context, const model::Ref& policy) const override {
    const std::string arn = policy.String();
    if (arn.find(":policy/") == std::string::npos) return;
    // The policy name is the last path segment: arn:aws:iam::aws:policy/job-function/X → X.
    const std::string name = arn.substr(arn.rfind('/') + 1);
    for (const std::string& entry : context.Option<std::vector<std::string>>("denied_policies")) {
      if (!GlobMatch(entry, name)) continue;
      context.ReportAt(policy.pointer(),
                       policy.Label() + " attaches " + name +
                           " to the nodes' role: every user and process on those nodes can use rights far "
                           "beyond what jobs need; attach a policy scoped to the resources the jobs use");
      return;
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl4001BroadIamPolicy() {
  return std::make_unique<BroadIamPolicy>();
}

}  // namespace pcl::rules
