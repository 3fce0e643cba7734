// Compute rules whose verdict depends on the target release or on options.
#include <catch2/catch.hpp>

#include "engine/engine_support.h"

namespace pcl::testing {
namespace {

const char* const kHead = R"(Image:
  Os: alinux2
HeadNode:
  InstanceType: t3.micro
  Networking:
    SubnetId: subnet-0123456789abcdef0
Scheduling:
  Scheduler: slurm
  SlurmQueues:
)";

// `queues` queues named q1.., each with `resources` compute resources of MaxCount `max_count`.
std::string Layout(int queues, int resources, int max_count = 1) {
  std::string text = kHead;
  for (int q = 1; q <= queues; ++q) {
    text += "    - Name: q" + std::to_string(q) + "\n      Networking: {SubnetIds: [subnet-0123456789abcdef0]}\n";
    text += "      ComputeResources:\n";
    for (int r = 1; r <= resources; ++r) {
      text += "        - {Name: cr" + std::to_string(r) +
              ", InstanceType: c5.large, MaxCount: " + std::to_string(max_count) + "}\n";
    }
  }
  return text;
}

std::string Run(const std::string& rule, const std::string& text, const std::string& version,
                nlohmann::json options = nullptr) {
  pipeline::LintConfig config;
  config.target_version = version;
  if (!options.is_null()) config.options[rule] = options;
  auto rules = OnlyRules({rule}, config);
  return Findings(CheckWith(*rules, "cluster.yaml", text), rule);
}

TEST_CASE("queue and compute resource caps follow the release", "[rules][compute]") {
  // 3.1-3.5: 10 queues, 5 compute resources per queue, no cluster-wide cap.
  CHECK(Run("PCL6003", Layout(10, 5), "3.5").empty());
  CHECK(Run("PCL6003", Layout(11, 1), "3.5") ==
        "50:7 PCL6003 Scheduling has 11 SlurmQueues; ParallelCluster 3.5 supports at most 10: merge or remove "
        "queues\n");
  CHECK(Run("PCL6003", Layout(1, 6), "3.1") ==
        "18:11 PCL6003 queue 'q1' has 6 compute resources; ParallelCluster 3.1 supports at most 5 per queue\n");
  // 3.6 on: 50 / 50 / 50.
  CHECK(Run("PCL6003", Layout(11, 4), "3.6").empty());
  CHECK(Run("PCL6003", Layout(6, 10), "3.12").find("compute resource number 51") != std::string::npos);
  // 3.0 caps the lists in its schema; the rule stays silent.
  CHECK(Run("PCL6003", Layout(11, 6), "3.0").empty());
}

TEST_CASE("head node size threshold is an option", "[rules][compute]") {
  CHECK(Run("PCL6012", Layout(1, 1, 16), "3.12").empty());
  CHECK_FALSE(Run("PCL6012", Layout(1, 1, 17), "3.12").empty());
  CHECK(Run("PCL6012", Layout(1, 1, 17), "3.12", {{"max_compute_nodes", 100}}).empty());
  CHECK(Run("PCL6012", Layout(1, 1, 5), "3.12", {{"max_compute_nodes", 4}}) ==
        "4:17 PCL6012 head node t3.micro (1024 MiB of memory) is small for a cluster of up to 5 compute nodes (more "
        "than 4); it runs slurmctld and serves /home and shared storage: use t3.medium or larger\n");
  // Small means at most max_small_memory_mib of memory (t3.micro has 1024 MiB).
  CHECK(Run("PCL6012", Layout(1, 1, 17), "3.12", {{"max_small_memory_mib", 1023}}).empty());
  CHECK_FALSE(Run("PCL6012", Layout(1, 1, 17), "3.12", {{"max_small_memory_mib", 1024}}).empty());
}

TEST_CASE("compute rules survive odd shapes", "[rules][compute]") {
  const char* const odd = R"(HeadNode: [1, 2]
Scheduling:
  Scheduler: slurm
  SlurmSettings: {CustomSlurmSettings: [1, {a: 1, b: 2}, {SuspendTime: [x]}], Database: null}
  SlurmQueues:
    - 7
    - Name: [q]
      CapacityType: CAPACITY_BLOCK
      CustomSlurmSettings: [1]
      ComputeResources: {Name: x}
    - Name: q2
      CapacityType: SPOT
      ComputeResources: [null, {MinCount: x, MaxCount: [], CustomSlurmSettings: 3, Name: {}}]
  AwsBatchQueues: [{ComputeResources: [{MinvCpus: "4", DesiredvCpus: 1.5}]}]
)";
  for (const char* id :
       {"PCL6002", "PCL6003", "PCL6004", "PCL6005", "PCL6009", "PCL6010", "PCL6011", "PCL6012", "PCL6015", "PCL6017"}) {
    INFO(id);
    CHECK(Findings(CheckWith(*OnlyRules({id}), "odd.yaml", odd), "PCL0002").empty());
  }
}

}  // namespace
}  // namespace pcl::testing
