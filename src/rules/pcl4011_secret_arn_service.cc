// PCL4011 secret-arn-service: a munge key or password secret ARN does not name a Secrets Manager secret.
#include <regex>

#include "engine/pointer_pattern.h"
#include "engine/rule.h"
#include "schema/schema_store.h"
#include "rules/util/arn.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

const ArnExpectation kKeys[] = {
    {"/Scheduling/SlurmSettings/MungeKeySecretArn", "secretsmanager", "secret:", "secret", ""},
    {"/Scheduling/SlurmSettings/Database/PasswordSecretArn", "secretsmanager", "secret:", "secret", "^arn:.*:secret"},
    // The only key that may also name an SSM parameter (in us-isob-east-1).
    {"/DirectoryService/PasswordSecretArn", "secretsmanager", "secret:", "secret",
     "^arn:.*:(secretsmanager:.*:.*:secret:|ssm:.*:.*:parameter/).*$"},
};

class SecretArnService : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const std::string region = TextOf(context.root().Find("Region"));
    for (const ArnExpectation& key : kKeys) {
      for (const engine::PatternMatch& match : engine::MatchPattern(context.root(), key.pattern)) {
        if (match.node->kind != model::NodeKind::kString) continue;
        const std::string& text = match.node->text;
        if (*key.schema) {  // compiled once per process, not once per value
          const std::regex* shape = schema::CachedRegex(key.schema);
          if (shape && !std::regex_search(text, *shape)) continue;
        }
        // Only what the official offline check rejects; placeholders and accounts are PCL4008's.
        bool allow_ssm = std::string(key.pattern) == "/DirectoryService/PasswordSecretArn";
        std::string problem = SecretTypeProblem(text, allow_ssm, region);
        if (problem.empty()) continue;
        context.ReportAt(match.pointer, KeyLabel(match.pointer) + " '" + text + "' is not a valid Secrets Manager " +
                                            "secret ARN: " + problem + "; write it as " + ArnShape(key));
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl4011SecretArnService() { return std::make_unique<SecretArnService>(); }

}  // namespace pcl::rules
