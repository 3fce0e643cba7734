// ARN parsing and AWS partition/region facts (a short fixed table: partitions change rarely).
#include "rules/util/arn.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "core/regex.h"
#include "engine/pointer_pattern.h"

namespace pcl::rules {

std::optional<Arn> ParseArn(std::string_view text, std::string* why) {
  auto fail = [&](const char* reason) -> std::optional<Arn> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (text.rfind("arn:", 0) != 0) return fail("it does not start with 'arn:'");
  std::string fields[5];
  size_t start = 4;
  for (int i = 0; i < 4; ++i) {
    size_t colon = text.find(':', start);
    if (colon == std::string_view::npos) return fail("it has fewer than six ':'-separated fields");
    fields[i] = std::string(text.substr(start, colon - start));
    start = colon + 1;
  }
  fields[4] = std::string(text.substr(start));
  Arn arn{fields[0], fields[1], fields[2], fields[3], fields[4]};
  if (arn.partition.empty()) return fail("the partition is empty");
  if (arn.service.empty()) return fail("the service is empty");
  if (arn.resource.empty()) return fail("the resource is empty");
  return arn;
}

const std::vector<ArnExpectation>& ArnKeys() {
  static const std::vector<ArnExpectation> kKeys = {
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
  return kKeys;
}

std::vector<ArnValue> ArnValuesToCheck(const model::Node& root) {
  std::vector<ArnValue> values;
  for (const ArnExpectation& key : ArnKeys()) {
    for (const engine::PatternMatch& match : engine::MatchPattern(root, key.pattern)) {
      if (match.node->kind != model::NodeKind::kString) continue;
      if (*key.schema) {  // compiled once per process, not once per value
        if (!core::SearchPattern(key.schema, match.node->text)) continue;
      }
      values.push_back({&key, match.pointer, &match.node->text});
    }
  }
  return values;
}

std::string PartitionOfRegion(std::string_view region) {
  std::string text(region);
  if (!core::SearchPattern("^[a-z]{2}(-[a-z]+)+-[0-9]+$", text)) return "";
  // Longest prefixes first: us-isob- before us-iso-.
  static const std::pair<const char*, const char*> kPrefixes[] = {
      {"cn-", "aws-cn"},      {"us-gov-", "aws-us-gov"}, {"us-isob-", "aws-iso-b"},
      {"us-iso-", "aws-iso"}, {"eu-isoe-", "aws-iso-e"}, {"us-isof-", "aws-iso-f"},
  };
  for (const auto& [prefix, partition] : kPrefixes) {
    if (text.rfind(prefix, 0) == 0) return partition;
  }
  return "aws";
}

bool IsKnownPartition(std::string_view partition) {
  static const char* kPartitions[] = {"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f"};
  return std::find(std::begin(kPartitions), std::end(kPartitions), partition) != std::end(kPartitions);
}

std::string ArnShapeProblem(const std::string& text, const ArnExpectation& key, const std::string& region) {
  std::string why;
  std::optional<Arn> arn = ParseArn(text, &why);
  if (!arn) return why;
  if (LooksLikePlaceholder(text)) return "it still holds a template placeholder";
  if (!IsKnownPartition(arn->partition)) return "'" + arn->partition + "' is not an AWS partition";
  // An SSM parameter where one is allowed (DirectoryService, us-isob-east-1): only the shape above applies.
  bool ssm = std::string(key.pattern) == "/DirectoryService/PasswordSecretArn" && arn->service == "ssm";
  if (ssm) return SecretTypeProblem(text, true, region);
  if (arn->service != key.service) return "the service is '" + arn->service + "', not '" + key.service + "'";
  if (arn->service == "iam" && !arn->region.empty()) return "IAM ARNs have no region field";
  if (arn->service != "iam" && PartitionOfRegion(arn->region).empty()) return "the region field is not a region";
  bool aws_managed = arn->account == "aws" && std::string(key.what) == "policy";
  if (!aws_managed && !core::SearchPattern("^[0-9]{12}$", arn->account)) return "the account is not 12 digits";
  if (arn->resource.rfind(key.prefix, 0) != 0) return "the resource does not start with " + std::string(key.prefix);
  if (arn->resource.size() == std::string(key.prefix).size() || arn->resource.back() == '/') return "the name is empty";
  return "";
}

std::string SecretTypeProblem(const std::string& text, bool allow_ssm, const std::string& region) {
  std::string why;
  std::optional<Arn> arn = ParseArn(text, &why);
  if (!arn) return why;
  if (allow_ssm && arn->service == "ssm" && arn->resource.rfind("parameter/", 0) == 0) {
    return region.empty() || region == "us-isob-east-1" ? "" : "SSM parameters are supported only in us-isob-east-1";
  }
  if (arn->service != "secretsmanager") return "the service is '" + arn->service + "', not 'secretsmanager'";
  if (arn->resource.rfind("secret:", 0) != 0) return "the resource does not start with secret:";
  return "";
}

std::string ArnShape(const ArnExpectation& key) {
  bool global = std::string(key.service) == "iam";
  return std::string("arn:<partition>:") + key.service + (global ? "::" : ":<region>:") +
         "<12-digit account>:" + key.prefix + "<name>";
}

bool LooksLikePlaceholder(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  // Shell, CloudFormation, Jinja and docs-style placeholders, and the words templates use
  // (todo/fixme as whole words).
  return core::SearchPattern(
      "\\$\\{[^}]*\\}|\\{\\{[^}]*\\}\\}|\\{[a-z_-]+\\}|<[^<>]+>|replace[_-]?me|change[_-]?me|your[_-]|xxxx"
      "|(^|[^a-z0-9_])(todo|fixme)([^a-z0-9_]|$)",
      lower);
}

}  // namespace pcl::rules
