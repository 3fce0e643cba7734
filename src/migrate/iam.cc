// IAM: the top-level Iam (Lambda role), node Iam (instance role, policies, S3 access), role ARNs.
#include <regex>

#include "generated/ids/migration.h"
#include "migrate/py_text.h"
#include "migrate/translators.h"

namespace pcl::migrate {
namespace {

std::string PartitionOf(const std::string& region) {
  // pcluster.utils.get_partition on develop.
  if (region.rfind("us-isob-", 0) == 0) return "aws-iso-b";
  if (region.rfind("us-iso-", 0) == 0) return "aws-iso";
  if (region.rfind("us-gov", 0) == 0) return "aws-us-gov";
  if (region.rfind("cn-", 0) == 0) return "aws-cn";
  return "aws";
}

// v2 took role *names*; v3 wants ARNs. The account id would need an AWS call (the official
// converter asks STS), so it has to come from --account-id.
std::string RoleArn(Context& ctx, const std::string& section, const std::string& key, const std::string& name) {
  if (name.rfind("arn:", 0) == 0) return name;  // already an ARN: v3 takes it as it is
  const MigrateOptions& options = ctx.options();
  std::string partition = options.partition;
  if (partition.empty()) {
    const model::MapEntry* region = ctx.Entry("aws", "aws_region_name");
    if (region && !region->value.text.empty() && region->value.text != "NONE") {
      partition = PartitionOf(region->value.text);
    } else if (options.require_account) {
      ctx.Report(ids::kRoleNameNeedsPartition, ctx.ValueRange(section, key),
                 key + " = " + name +
                     " is a role name and ParallelCluster 3 needs its ARN; the "
                     "partition is unknown: set [aws] aws_region_name or pass --partition",
                 section, key);
    }
  }
  std::string account = options.account_id;
  if (account.empty() && options.require_account) {
    ctx.Report(ids::kRoleNameNeedsAccountId, ctx.ValueRange(section, key),
               key + " = " + name +
                   " is a role name and ParallelCluster 3 needs its ARN: pass "
                   "--account-id ACCOUNT (and --partition if the region does not tell it), or write "
                   "the role ARN in the v2 file",
               section, key);
  }
  if (account.empty()) account = "ACCOUNT_ID";
  if (partition.empty()) partition = "aws";
  return "arn:" + partition + ":iam::" + account + ":role/" + name;
}

struct S3Target {
  std::string bucket;
  std::optional<std::string> key;
};

// migration.md §6.7: ARN → (bucket, key). `s3://bucket/key` URLs, which make the official
// converter crash, are read the obvious way.
std::optional<S3Target> ParseS3(Context& ctx, const std::string& key, const std::string& value) {
  const std::string& c = ctx.cluster;
  S3Target target;
  if (value == "*") {
    target.bucket = "*";
    return target;
  }
  static const std::regex kArn("arn:(.*?):s3:::([^/*]*)((/)?(.*))?");
  std::smatch match;
  std::string rest;
  if (value.rfind("s3://", 0) == 0) {
    const std::string path = value.substr(5);
    const size_t slash = path.find('/');
    target.bucket = path.substr(0, slash);
    rest = slash == std::string::npos ? "" : path.substr(slash + 1);
    ctx.Report(ids::kS3UrlInsteadOfArn, ctx.ValueRange(c, key),
               key + " = " + value + " is an S3 URL, not the ARN v2 expected; it is read as bucket '" + target.bucket +
                   "'" + (rest.empty() ? "" : " and key '" + rest + "'"),
               c, key);
  } else if (std::regex_match(value, match, kArn)) {
    target.bucket = match[2];
    rest = match[5];
  } else {
    ctx.Report(ids::kInvalidS3Resource, ctx.ValueRange(c, key),
               key + " = " + value + " is not an S3 ARN (arn:aws:s3:::bucket/key) or s3:// URL", c, key);
    return std::nullopt;
  }
  if (!rest.empty()) target.key = rest;
  if (!target.bucket.empty() && target.key == "*") {
    target.key.reset();
  } else if (target.bucket.empty() && target.key == "*") {
    target.bucket = "*";
    target.key.reset();
  }
  if (target.bucket.empty()) {
    ctx.Report(ids::kInvalidS3Resource, ctx.ValueRange(c, key),
               key + " = " + value + " names no bucket; ParallelCluster 3 needs S3Access/BucketName", c, key);
    return std::nullopt;
  }
  return target;
}

}  // namespace

void ConvertClusterIam(Context& ctx, OutNode& root) {
  const std::string& c = ctx.cluster;
  auto lambda = ctx.ClusterTruthy("iam_lambda_role");
  if (!lambda) return;
  // The official converter writes Iam/Role/LambdaFunctionRole, which v3 rejects.
  OutNode arn = OutNode::String(RoleArn(ctx, c, "iam_lambda_role", *lambda));
  arn.user_value = true;
  arn.origins.push_back({c, "iam_lambda_role"});
  OutNode roles = OutNode::Map();
  roles.Set("LambdaFunctionsRole", std::move(arn));
  OutNode iam = OutNode::Map();
  iam.Set("Roles", std::move(roles));
  root.Set("Iam", std::move(iam));
}

OutNode NodeIam(Context& ctx) {
  const std::string& c = ctx.cluster;
  OutNode iam = OutNode::Map();
  auto role = ctx.ClusterTruthy("ec2_iam_role");
  if (role) {
    OutNode arn = OutNode::String(RoleArn(ctx, c, "ec2_iam_role", *role));
    arn.user_value = true;
    arn.origins.push_back({c, "ec2_iam_role"});
    iam.Set("InstanceRole", std::move(arn));
  }
  auto policies = ctx.ClusterTruthy("additional_iam_policies");
  auto read = ctx.ClusterTruthy("s3_read_resource");
  auto write = ctx.ClusterTruthy("s3_read_write_resource");
  if (role && (policies || read || write)) {
    // v3 rejects InstanceRole together with AdditionalIamPolicies or S3Access; the role has to
    // carry those permissions itself.
    std::string dropped;
    for (const char* key : {"additional_iam_policies", "s3_read_resource", "s3_read_write_resource"}) {
      if (!ctx.ClusterTruthy(key)) continue;
      dropped += std::string(dropped.empty() ? "" : ", ") + key;
      ctx.Drop(c, key, "ignored-by-v2",
               "ec2_iam_role is set; v3 does not allow it together with AdditionalIamPolicies or "
               "S3Access, so grant these permissions through the role");
    }
    ctx.Report(ids::kInstanceRoleWithPolicies, ctx.KeyRange(c, "ec2_iam_role"),
               "ec2_iam_role is set, so " + dropped +
                   " cannot be converted: ParallelCluster 3 "
                   "does not allow AdditionalIamPolicies or S3Access together with InstanceRole; add "
                   "those permissions to the role " +
                   *role,
               c, "ec2_iam_role");
    ctx.HeaderOnce("ec2_iam_role is set: " + dropped + " left out (add them to the role)");
    return iam;
  }
  if (policies) {
    OutNode list = OutNode::Seq();
    for (const std::string& policy : Labels(*policies)) {
      OutNode item = OutNode::Map();
      OutNode value = OutNode::String(policy);
      value.user_value = true;
      item.Set("Policy", std::move(value));
      item.AddOrigin({c, "additional_iam_policies"});
      list.Append(std::move(item));
    }
    iam.Set("AdditionalIamPolicies", std::move(list));
  }
  OutNode access = OutNode::Seq();
  if (read) {
    if (auto target = ParseS3(ctx, "s3_read_resource", *read)) {
      OutNode item = OutNode::Map();
      item.Set("BucketName", OutNode::String(target->bucket));
      if (target->key) item.Set("KeyName", OutNode::String(*target->key));
      item.AddOrigin({c, "s3_read_resource"});
      access.Append(std::move(item));
    }
  }
  if (write) {
    if (auto target = ParseS3(ctx, "s3_read_write_resource", *write)) {
      OutNode item = OutNode::Map();
      item.Set("EnableWriteAccess", OutNode::Bool(true));
      item.Set("BucketName", OutNode::String(target->bucket));
      if (target->key) item.Set("KeyName", OutNode::String(*target->key));
      item.AddOrigin({c, "s3_read_write_resource"});
      access.Append(std::move(item));
    }
  }
  for (OutNode& item : access.items) {
    for (auto& [name, value] : item.entries) value.user_value = name != "EnableWriteAccess";
  }
  iam.SetIf("S3Access", std::move(access));
  return iam;
}

}  // namespace pcl::migrate
