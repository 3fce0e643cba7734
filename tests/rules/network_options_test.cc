// The options of the network and IAM rules change what they report (defaults are covered by fixtures).
#include <catch2/catch.hpp>

#include "engine/engine_support.h"

namespace pcl::testing {
namespace {

const char* kOpenHeadNode =
    "Image: {Os: alinux2023}\n"
    "HeadNode:\n"
    "  InstanceType: t3.micro\n"
    "  Networking: {SubnetId: subnet-0123456789abcdef0}\n"
    "  Ssh: {KeyName: my-key}\n"
    "Scheduling:\n"
    "  Scheduler: slurm\n"
    "  SlurmQueues:\n"
    "    - Name: q1\n"
    "      ComputeResources: [{Name: cr1, InstanceType: hpc7a.96xlarge}]\n"
    "      Networking: {SubnetIds: [subnet-0123456789abcdef0], AssignPublicIp: true}\n"
    "      Iam: {AdditionalIamPolicies: [{Policy: 'arn:aws:iam::aws:policy/CloudWatchFullAccess'}]}\n";

std::string Check(const std::string& id, const nlohmann::json& options) {
  pipeline::LintConfig config;
  if (!options.is_null()) config.options[id] = options;
  auto rules = OnlyRules({id}, config);
  return Findings(CheckWith(*rules, "cluster.yaml", kOpenHeadNode), id);
}

TEST_CASE("PCL3001 report_default reports the implicit 0.0.0.0/0", "[rules][network]") {
  CHECK(Check("PCL3001", nullptr).empty());
  CHECK(Check("PCL3001", {{"report_default", true}}) ==
        "5:3 PCL3001 HeadNode.Ssh.AllowedIps is not set, so SSH (port 22) is open to the whole internet "
        "(default 0.0.0.0/0); set it to your network's CIDR or a managed prefix list (pl-...)\n");
}

TEST_CASE("PCL4001 takes its list from options", "[rules][network][iam]") {
  CHECK(Check("PCL4001", nullptr).empty());
  CHECK_FALSE(Check("PCL4001", {{"denied_policies", {"*FullAccess"}}}).empty());
}

}  // namespace
}  // namespace pcl::testing
