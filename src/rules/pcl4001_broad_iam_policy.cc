// PCL4001 broad-iam-policy: nodes get an AWS policy that grants administrator-like or service-wide power.
#include "engine/pointer_pattern.h"
#include "engine/rule.h"
#include "rules/util/network_util.h"

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

class BroadIamPolicy : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const auto denied = context.Option<std::vector<std::string>>("denied_policies");
    for (const char* pattern : {"/HeadNode/Iam/AdditionalIamPolicies/*/Policy",
                                "/Scheduling/SlurmQueues/*/Iam/AdditionalIamPolicies/*/Policy",
                                "/LoginNodes/Pools/*/Iam/AdditionalIamPolicies/*/Policy"}) {
      for (const engine::PatternMatch& match : engine::MatchPattern(context.root(), pattern)) {
        const std::string& arn = match.node->text;
        size_t marker = arn.find(":policy/");
        if (match.node->kind != model::NodeKind::kString || marker == std::string::npos) continue;
        // The policy name is the last path segment: arn:aws:iam::aws:policy/job-function/X → X.
        std::string name = arn.substr(arn.rfind('/') + 1);
        for (const std::string& entry : denied) {
          if (!GlobMatch(entry, name)) continue;
          context.ReportAt(match.pointer,
                           KeyLabel(match.pointer) + " attaches " + name +
                               " to the nodes' role: every user and process on those nodes can use rights far "
                               "beyond what jobs need; attach a policy scoped to the resources the jobs use");
          break;
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl4001BroadIamPolicy() { return std::make_unique<BroadIamPolicy>(); }

}  // namespace pcl::rules
