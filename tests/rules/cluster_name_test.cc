// PCL7023 cluster-name-invalid: the name given with --cluster-name / cluster-name, per release.
#include <catch2/catch.hpp>

#include "engine/engine_support.h"

namespace pcl::testing {
namespace {

const char* const kCluster = R"(Image:
  Os: alinux2023
HeadNode:
  InstanceType: t3.medium
  Networking:
    SubnetId: subnet-0123456789abcdef0
Scheduling:
  Scheduler: slurm
  SlurmQueues:
    - Name: q1
      Networking: {SubnetIds: [subnet-0123456789abcdef0]}
      ComputeResources: [{Name: cr1, InstanceType: c5.large}]
)";

std::string Run(const std::string& name, const std::string& settings = "", const std::string& version = "3.16") {
  pipeline::LintConfig config;
  config.target_version = version;
  config.cluster_name = name;
  auto rules = OnlyRules({"PCL7023"}, config);
  return Findings(CheckWith(*rules, "cluster.yaml", kCluster + settings), "PCL7023");
}

const std::string kTooLong60 =
    "cluster name '%': The cluster name can contain only alphanumeric characters (case-sensitive) and hyphens. "
    "It must start with an alphabetic character and can't be longer than 60 characters.";

std::string Expected(const std::string& name) {
  std::string text = kTooLong60;
  return "1:1 PCL7023 " + text.replace(text.find('%'), 1, name) + "\n";
}

TEST_CASE("cluster name: letters first, then letters, digits and hyphens, at most 60", "[rules][cluster-name]") {
  CHECK(Run("").empty());  // no name given: nothing to check
  CHECK(Run("a").empty());
  CHECK(Run("My-Cluster-2").empty());
  CHECK(Run(std::string(60, 'c')).empty());
  CHECK(Run(std::string(61, 'c')) == Expected(std::string(61, 'c')));
  CHECK(Run("2nd-cluster") == Expected("2nd-cluster"));
  CHECK(Run("-cluster") == Expected("-cluster"));
  CHECK(Run("my_cluster") == Expected("my_cluster"));
  CHECK(Run("my.cluster") == Expected("my.cluster"));
  CHECK(Run("clüster") == Expected("clüster"));
}

TEST_CASE("cluster name: 40 characters with Slurm accounting, ExternalSlurmdbd from 3.16", "[rules][cluster-name]") {
  const std::string database =
      "  SlurmSettings:\n    Database: {Uri: db.example.com:3306, UserName: admin, PasswordSecretArn: "
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf}\n";
  const std::string external = "  SlurmSettings:\n    ExternalSlurmdbd: {Host: slurmdbd.example.com}\n";
  const std::string name40(40, 'c');
  const std::string name41(41, 'c');
  CHECK(Run(name40, database).empty());
  CHECK(Run(name41, database) ==
        "14:5 PCL7023 cluster name '" + name41 +
            "': The cluster name can contain only alphanumeric characters (case-sensitive) and hyphens. It must start "
            "with an alphabetic character and when using Slurm accounting it can't be longer than 40 characters. "
            "(Scheduling.SlurmSettings.Database is set; the name has 41 characters)\n");
  CHECK(Run(name41, database, "3.4").empty());  // the 40-character limit came with 3.5
  CHECK_FALSE(Run(name41, database, "3.5").empty());
  CHECK(Run(name41, external, "3.15").empty());
  CHECK_FALSE(Run(name41, external, "3.16").empty());
  // A name wrong in its characters gets the accounting wording, at the top of the file.
  CHECK(Run("db_cluster", database) ==
        "1:1 PCL7023 cluster name 'db_cluster': The cluster name can contain only alphanumeric characters "
        "(case-sensitive) and hyphens. It must start with an alphabetic character and when using Slurm accounting "
        "it can't be longer than 40 characters.\n");
  // AWS Batch clusters have no Slurm accounting.
  std::string batch = kCluster;
  batch.replace(batch.find("Scheduler: slurm"), 16, "Scheduler: awsbatch");
  pipeline::LintConfig config;
  config.target_version = "3.16";
  config.cluster_name = name41;
  CHECK(Findings(CheckWith(*OnlyRules({"PCL7023"}, config), "cluster.yaml", batch + database), "PCL7023").empty());
}

TEST_CASE("cluster name: the command line wins over the config file", "[rules][cluster-name]") {
  pipeline::LintConfig file;
  file.cluster_name = "from_file";
  pipeline::LintConfig cli;
  cli.cluster_name = "from-cli";
  CHECK(pipeline::Selection::Resolve(file, cli).config().cluster_name == "from-cli");
  CHECK(pipeline::Selection::Resolve(file, {}).config().cluster_name == "from_file");
}

}  // namespace
}  // namespace pcl::testing
