// Storage rules whose verdict depends on the target release, on options, or on lenient scalars.
#include <catch2/catch.hpp>

#include "engine/engine_support.h"

namespace pcl::testing {
namespace {

const char* const kBase = R"(Image:
  Os: alinux2
HeadNode:
  InstanceType: t3.micro
  Networking:
    SubnetId: subnet-0123456789abcdef0
Scheduling:
  Scheduler: slurm
  SlurmQueues:
    - Name: queue1
      ComputeResources:
        - Name: compute
          InstanceType: c5.large
      Networking:
        SubnetIds:
          - subnet-0123456789abcdef0
SharedStorage:
)";

// Findings of `rule` for kBase + `storage` when targeting `version`.
std::string Run(const std::string& rule, const std::string& storage, const std::string& version,
                nlohmann::json options = nullptr) {
  pipeline::LintConfig config;
  config.target_version = version;
  if (!options.is_null()) config.options[rule] = options;
  auto rules = OnlyRules({rule}, config);
  return Findings(CheckWith(*rules, "cluster.yaml", std::string(kBase) + storage), rule);
}

const char* const kNewAndExistingEfs = R"(  - Name: efs1
    MountDir: /efs1
    StorageType: Efs
  - Name: efs2
    MountDir: /efs2
    StorageType: Efs
    EfsSettings:
      FileSystemId: fs-0123456789abcdef0
)";

TEST_CASE("storage counts follow the release: one EFS in total before 3.2", "[rules][storage]") {
  CHECK(Run("PCL5003", kNewAndExistingEfs, "3.12").empty());
  CHECK(Run("PCL5003", kNewAndExistingEfs, "3.2").empty());
  CHECK(Run("PCL5003", kNewAndExistingEfs, "3.1") ==
        "23:18 PCL5003 SharedStorage has 2 Efs file systems; ParallelCluster 3.1 supports at most 1 ('efs2' is "
        "the first too many): keep one Efs entry\n");
}

TEST_CASE("/home is a reserved mount dir before 3.8 (the validator's own failing case)", "[rules][storage]") {
  const std::string home = "  - Name: home\n    MountDir: home\n    StorageType: Efs\n";
  CHECK(Run("PCL5004", home, "3.8").empty());
  CHECK(Run("PCL5004", home, "3.7") ==
        "19:15 PCL5004 MountDir 'home' is reserved in ParallelCluster 3.7; shared storage at /home needs 3.8 or "
        "later. Mount 'home' elsewhere or target a newer release\n");
}

TEST_CASE("managed EFS and FSx are always deleted before 3.3, options narrow the rule", "[rules][storage]") {
  const std::string efs = "  - Name: efs\n    MountDir: /efs\n    StorageType: Efs\n";
  CHECK(Run("PCL5010", efs, "3.2") ==
        "20:18 PCL5010 managed Efs 'efs' is always deleted with the cluster in ParallelCluster 3.2 (DeletionPolicy "
        "for Efs needs 3.3); to keep the data, create the file system yourself and mount it with FileSystemId\n");
  CHECK_FALSE(Run("PCL5010", efs, "3.3").empty());
  CHECK(Run("PCL5010", efs, "3.3", {{"include-default", false}}).empty());
  const std::string scratch =
      "  - Name: fsx\n    MountDir: /fsx\n    StorageType: FsxLustre\n    FsxLustreSettings:\n"
      "      StorageCapacity: 1200\n";
  CHECK(Run("PCL5010", scratch, "3.12").empty());
  CHECK_FALSE(Run("PCL5010", scratch, "3.12", {{"include-scratch-fsx", true}}).empty());
}

TEST_CASE("the IOPS ratio uses the release's default shared EBS size (35 GiB before 3.7)", "[rules][storage]") {
  const std::string io2 =
      "  - Name: ebs\n    MountDir: /ebs\n    StorageType: Ebs\n    EbsSettings:\n"
      "      VolumeType: io2\n      Iops: 36000\n";
  CHECK(Run("PCL5013", io2, "3.7").empty());
  CHECK(Run("PCL5013", io2, "3.6") ==
        "23:13 PCL5013 Iops 36000 on 35 GiB is 1028.57 IOPS per GiB for shared storage 'ebs'; io2 allows at most "
        "1000 per GiB: raise Size to at least 36 GiB or lower Iops\n");
}

TEST_CASE("storage rules read quoted numbers and booleans as the official loader does", "[rules][storage]") {
  const std::string quoted =
      "  - Name: ebs\n    MountDir: /ebs\n    StorageType: Ebs\n    EbsSettings:\n"
      "      VolumeType: st1\n      Size: \"20\"\n      KmsKeyId: key\n      Encrypted: \"False\"\n";
  CHECK_FALSE(Run("PCL5012", quoted, "3.12").empty());
  CHECK_FALSE(Run("PCL5007", quoted, "3.12").empty());
  // Values of the wrong kind are the schema check's business; the rules stay quiet.
  const std::string wrong =
      "  - Name: ebs\n    MountDir: /ebs\n    StorageType: Ebs\n    EbsSettings:\n"
      "      VolumeType: st1\n      Size: [20]\n";
  CHECK(Run("PCL5012", wrong, "3.12").empty());
  // An explicit null is "not given" (PCL1007 reports it): no existing volume, so nothing is ignored.
  const std::string null_id =
      "  - Name: ebs\n    MountDir: /ebs\n    StorageType: Ebs\n    EbsSettings:\n"
      "      VolumeId: null\n      Size: 100\n";
  CHECK(Run("PCL5011", null_id, "3.12").empty());
}

}  // namespace
}  // namespace pcl::testing
