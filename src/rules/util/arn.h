// ARN parsing and AWS partition/region facts for the IAM rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"

namespace pcl::rules {

/// arn:partition:service:region:account:resource (the resource may itself contain ':' and '/').
struct Arn {
  std::string partition;
  std::string service;
  std::string region;
  std::string account;
  std::string resource;
};

/// Splits an ARN into its six fields; nullopt (and `why`) when it does not have them.
std::optional<Arn> ParseArn(std::string_view text, std::string* why = nullptr);

/// What a key expects of its ARN.
struct ArnExpectation {
  const char* pattern;  ///< where the key is (JSON-pointer pattern)
  const char* service;
  const char* prefix;  ///< the resource starts with it
  const char* what;    ///< "role", "policy", "secret", ...
  const char* schema;  ///< the schema's own pattern (values failing it are PCL1006's); "" = none
};
/// Every config key that holds an ARN (roles, instance profiles, policies, secrets).
const std::vector<ArnExpectation>& ArnKeys();

/// A string value at one of ArnKeys() that passes the schema's own pattern for it (values that
/// fail it are the schema check's findings, not the ARN rules').
struct ArnValue {
  const ArnExpectation* key;
  std::string pointer;
  const std::string* text;
};
std::vector<ArnValue> ArnValuesToCheck(const model::Node& root);

/// What is wrong with `text` as an ARN the key expects, or "" (`region`: the cluster's, may be "").
std::string ArnShapeProblem(const std::string& text, const ArnExpectation& key, const std::string& region);
/// What ParallelCluster's offline secret check (ArnServiceAndResourceValidator, PasswordSecretArnValidator)
/// rejects: not an ARN, not secretsmanager:…:secret:, or an SSM parameter (only DirectoryService, only in
/// us-isob-east-1, `region` "" = unknown). "" when the service and resource type are right.
std::string SecretTypeProblem(const std::string& text, bool allow_ssm, const std::string& region);
/// How such an ARN is written: arn:<partition>:iam::<12-digit account>:role/<name>.
std::string ArnShape(const ArnExpectation& key);

/// The partition a region belongs to ("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", …);
/// "" when the text does not look like a region name.
std::string PartitionOfRegion(std::string_view region);
/// Whether `partition` is one AWS has.
bool IsKnownPartition(std::string_view partition);
/// Whether `text` looks like a template placeholder (${X}, {{x}}, <x>, REPLACE_ME, XXXX, …).
bool LooksLikePlaceholder(std::string_view text);

}  // namespace pcl::rules
