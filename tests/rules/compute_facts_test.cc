// The lookups the instance-type rules share: the facts of a compute resource's types and the ephemeral mount dirs.
#include <catch2/catch.hpp>

#include "model/cluster_view.h"
#include "rules/util/compute_facts.h"
#include "rules/util/instance_facts.h"
#include "rules/util/mount_dirs.h"
#include "test_support.h"

namespace pcl::rules {
namespace {

using testing::ParseYaml;

const char* const kCluster = R"(HeadNode:
  InstanceType: m5d.large
  LocalStorage:
    EphemeralVolume: {MountDir: local}
Scheduling:
  Scheduler: slurm
  SlurmQueues:
    - Name: q1
      ComputeResources:
        - Name: flex
          Instances: [{InstanceType: r5.large}, {InstanceType: c5.18xlage}, {InstanceType: t8i.micro},
                      {InstanceType: c5d.large}, {InstanceType: m5.large}]
    - Name: q2
      ComputeSettings:
        LocalStorage:
          EphemeralVolume: {MountDir: /nvme}
      ComputeResources:
        - {Name: plain, InstanceType: c5.large}
        - {Name: gpu, InstanceType: g4dn.xlarge}
)";

TEST_CASE("a compute resource's types with facts, in order, without typos or types the table lacks", "[rules][ec2]") {
  auto parsed = ParseYaml(kCluster);
  model::ClusterView view(parsed.document.root);
  const model::ComputeResource& flex = view.slurm_queues.at(0).compute_resources.at(0);
  const std::vector<NamedInstanceType> types = TypesWithFacts(flex);
  REQUIRE(types.size() == 3);
  CHECK(types[0].name == "r5.large");
  CHECK(types[1].name == "c5d.large");
  CHECK(types[1].ref.pointer() == "/Scheduling/SlurmQueues/0/ComputeResources/0/Instances/3/InstanceType");
  CHECK(types[2].name == "m5.large");
  // The smallest memory is unknown while a listed type has no facts.
  CHECK(SmallestMemoryType(flex, types) == nullptr);
  const model::ComputeResource& plain = view.slurm_queues.at(1).compute_resources.at(0);
  const std::vector<NamedInstanceType> single = TypesWithFacts(plain);
  REQUIRE(SmallestMemoryType(plain, single));
  CHECK(SmallestMemoryType(plain, single)->name == "c5.large");

  std::string pair;
  CHECK(FirstDifference(
            types, [](const core::InstanceFacts& f) { return std::to_string(f.vcpus); }, pair) == 0);
  CHECK(FirstDifference(
            types, [](const core::InstanceFacts& f) { return std::to_string(f.memory_mib); }, pair) == 1);
  CHECK(pair == "r5.large: 16384, c5d.large: 4096");
}

TEST_CASE("maker names and the counts ParallelCluster makes of GPUs and accelerators", "[rules][ec2]") {
  CHECK(MakerName(static_cast<uint8_t>(core::Maker::kNone)).empty());
  CHECK(MakerName(static_cast<uint8_t>(core::Maker::kNvidia)) == "NVIDIA");
  CHECK(MakerName(static_cast<uint8_t>(core::Maker::kAmd)) == "AMD");
  CHECK(MakerName(static_cast<uint8_t>(core::Maker::kAws)) == "AWS");
  CHECK(MakerName(static_cast<uint8_t>(core::Maker::kIntel)) == "Intel");
  CHECK(MakerName(200).empty());
  const core::InstanceFacts* amd = core::FindInstanceType("g4ad.xlarge");
  const core::InstanceFacts* nvidia = core::FindInstanceType("g4dn.xlarge");
  const core::InstanceFacts* inferentia = core::FindInstanceType("inf1.xlarge");
  REQUIRE((amd && nvidia && inferentia));
  CHECK(NvidiaGpuCount(*amd) == 0);  // only NVIDIA GPUs count
  CHECK(NvidiaGpuCount(*nvidia) == 1);
  CHECK(AwsAcceleratorCount(*inferentia) == 1);
}

TEST_CASE("ephemeral mount dirs of the nodes whose types have instance storage", "[rules][ec2]") {
  auto parsed = ParseYaml(kCluster);
  model::ClusterView view(parsed.document.root);
  const std::vector<EphemeralMount> mounts = EphemeralMounts(view);
  // q2 at /nvme for g4dn.xlarge (c5.large has no instance store); q1 at the default /scratch for
  // c5d.large only; the m5d.large head node at local, as written.
  REQUIRE(mounts.size() == 3);
  CHECK(mounts[0].dir == "/nvme");
  CHECK(mounts[0].types == std::vector<std::string>{"g4dn.xlarge"});
  CHECK(mounts[1].dir == "/scratch");
  CHECK(mounts[1].types == std::vector<std::string>{"c5d.large"});
  CHECK(mounts[2].dir == "local");
  CHECK(mounts[2].types == std::vector<std::string>{"m5d.large"});
  CHECK(MountDirInside("/scratch/a", "/scratch"));
  CHECK_FALSE(MountDirInside("/scratchy", "/scratch"));
  CHECK_FALSE(MountDirInside("/scratch", "/scratch"));
}

}  // namespace
}  // namespace pcl::rules
