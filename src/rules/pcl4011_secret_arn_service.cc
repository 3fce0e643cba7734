// PCL4011 secret-arn-service: a munge key or password secret ARN does not name a Secrets Manager secret.
#include "engine/rule.h"
#include "rules/util/arn.h"

namespace pcl::rules {
namespace {

class SecretArnService : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const std::string region = context.cluster().root.At("Region").Text();
    for (const ArnValue& value : ArnValuesToCheck(context.root())) {
      const ArnExpectation& key = *value.key;
      if (std::string(key.service) != "secretsmanager") continue;
      // Only what the official offline check rejects; placeholders and accounts are PCL4008's.
      bool allow_ssm = std::string(key.pattern) == "/DirectoryService/PasswordSecretArn";
      std::string problem = SecretTypeProblem(*value.text, allow_ssm, region);
      if (problem.empty()) continue;
      context.ReportAt(value.pointer, model::PointerLabel(value.pointer) + " '" + *value.text +
                                          "' is not a valid Secrets Manager secret ARN: " + problem + "; write it as " +
                                          ArnShape(key));
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl4011SecretArnService() {
  return std::make_unique<SecretArnService>();
}

}  // namespace pcl::rules
