// PCL4008 malformed-arn: a role, instance profile, policy or secret ARN does not have the shape AWS uses.
#include <regex>

#include "engine/pointer_pattern.h"
#include "engine/rule.h"
#include "schema/schema_store.h"
#include "rules/util/arn.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

const ArnExpectation kKeys[] = {
    {"/HeadNode/Iam/InstanceRole", "iam", "role/", "role", "^arn:.*:role/"},
    {"/Scheduling/SlurmQueues/*/Iam/InstanceRole", "iam", "role/", "role", "^arn:.*:role/"},
    {"/LoginNodes/Pools/*/Iam/InstanceRole", "iam", "role/", "role", "^arn:.*:role/"},
    {"/Iam/Roles/LambdaFunctionsRole", "iam", "role/", "role", ""},
    {"/HeadNode/Iam/InstanceProfile", "iam", "instance-profile/", "instance profile", "^arn:.*:instance-profile/"},
    {"/Scheduling/SlurmQueues/*/Iam/InstanceProfile", "iam", "instance-profile/", "instance profile",
     "^arn:.*:instance-profile/"},
    {"/LoginNodes/Pools/*/Iam/InstanceProfile", "iam", "instance-profile/", "instance profile",
     "^arn:.*:instance-profile/"},
    {"/HeadNode/Iam/AdditionalIamPolicies/*/Policy", "iam", "policy/", "policy", "^arn:.*:policy/"},
    {"/Scheduling/SlurmQueues/*/Iam/AdditionalIamPolicies/*/Policy", "iam", "policy/", "policy", "^arn:.*:policy/"},
    {"/LoginNodes/Pools/*/Iam/AdditionalIamPolicies/*/Policy", "iam", "policy/", "policy", "^arn:.*:policy/"},
    {"/Iam/PermissionsBoundary", "iam", "policy/", "policy", "^arn:.*:policy/"},
    {"/Scheduling/SlurmSettings/MungeKeySecretArn", "secretsmanager", "secret:", "secret", ""},
    {"/Scheduling/SlurmSettings/Database/PasswordSecretArn", "secretsmanager", "secret:", "secret", "^arn:.*:secret"},
    {"/DirectoryService/PasswordSecretArn", "secretsmanager", "secret:", "secret",
     "^arn:.*:(secretsmanager:.*:.*:secret:|ssm:.*:.*:parameter/).*$"},
};

class MalformedArn : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    for (const ArnExpectation& key : kKeys) {
      for (const engine::PatternMatch& match : engine::MatchPattern(context.root(), key.pattern)) {
        if (match.node->kind != model::NodeKind::kString) continue;
        const std::string& text = match.node->text;
        if (*key.schema) {  // compiled once per process, not once per value
          const std::regex* shape = schema::CachedRegex(key.schema);
          if (shape && !std::regex_search(text, *shape)) continue;
        }
        // A secret ARN of the wrong service or resource type is PCL4011's (an official error).
        bool secret = std::string(key.service) == "secretsmanager";
        bool allow_ssm = std::string(key.pattern) == "/DirectoryService/PasswordSecretArn";
        if (secret && !SecretTypeProblem(text, allow_ssm, "").empty()) continue;
        std::string problem = ArnShapeProblem(text, key, "");
        if (problem.empty()) continue;
        context.ReportAt(match.pointer, KeyLabel(match.pointer) + " '" + text + "' is not a valid " + key.what +
                                            " ARN: " + problem + "; write it as " + ArnShape(key));
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl4008MalformedArn() { return std::make_unique<MalformedArn>(); }

}  // namespace pcl::rules
