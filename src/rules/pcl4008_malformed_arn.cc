// PCL4008 malformed-arn: a role, instance profile, policy or secret ARN does not have the shape AWS uses.
#include "engine/rule.h"
#include "rules/util/arn.h"

namespace pcl::rules {
namespace {

class MalformedArn : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    for (const ArnValue& value : ArnValuesToCheck(context.root())) {
      const ArnExpectation& key = *value.key;
      const std::string& text = *value.text;
      // A secret ARN of the wrong service or resource type is PCL4011's (an official error).
      bool secret = std::string(key.service) == "secretsmanager";
      bool allow_ssm = std::string(key.pattern) == "/DirectoryService/PasswordSecretArn";
      if (secret && !SecretTypeProblem(text, allow_ssm, "").empty()) continue;
      std::string problem = ArnShapeProblem(text, key, "");
      if (problem.empty()) continue;
      context.ReportAt(value.pointer, model::PointerLabel(value.pointer) + " '" + text + "' is not a valid " +
                                          key.what + " ARN: " + problem + "; write it as " + ArnShape(key));
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl4008MalformedArn() {
  return std::make_unique<MalformedArn>();
}

}  // namespace pcl::rules
