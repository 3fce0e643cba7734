// The shared instance-type lookups of the fact-based rules: which names a config writes, and what they mean.
#include <catch2/catch.hpp>

#include "rules/util/instance_facts.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

const char* const kCluster = R"(HeadNode:
  InstanceType: c7g.large
LoginNodes:
  Pools:
    - {Name: login, InstanceType: t3.micro}
Scheduling:
  Scheduler: slurm
  SlurmQueues:
    - Name: q1
      ComputeResources:
        - {Name: single, InstanceType: c5n.18xlarge}
        - {Name: flexible, Instances: [{InstanceType: c6in.32xlarge}, {InstanceType: cc2.8xlarge}]}
  AwsBatchQueues:
    - Name: b1
      ComputeResources:
        - {Name: batch, InstanceTypes: [optimal, c5, m6g.large, {Not: scalar}]}
)";

TEST_CASE("instance facts: every place a config writes an instance type, with its facts", "[rules][ec2]") {
  const parsers::ParseResult parsed = ParseYaml(kCluster);
  const model::ClusterView cluster(parsed.document.root);
  std::vector<std::string> seen;
  for (const rules::InstanceTypePlace& place : rules::AllInstanceTypePlaces(cluster)) {
    seen.push_back(place.type.name + (place.batch ? " batch" : "") + (place.type.facts ? " facts" : ""));
  }
  CHECK(seen == std::vector<std::string>{"c7g.large facts", "t3.micro facts", "c5n.18xlarge facts",
                                         "c6in.32xlarge facts", "cc2.8xlarge", "optimal batch", "c5 batch",
                                         "m6g.large batch facts"});

  const model::Queue& queue = cluster.slurm_queues.at(0);
  const auto flexible = rules::InstanceTypesOf(queue, queue.compute_resources.at(1));
  CHECK(rules::WithFacts(flexible).size() == 1);
  CHECK(rules::FactsOfAll(flexible).empty());  // cc2.8xlarge leaves the set open
  CHECK(rules::FactsOfAll(rules::InstanceTypesOf(queue, queue.compute_resources.at(0))).size() == 1);
  CHECK(rules::TypesWithoutEfa(flexible).empty());

  CHECK(rules::HeadNodeArchitecture(cluster) == core::kArm64);
}

TEST_CASE("instance facts: architectures as ParallelCluster names them, AWS Batch families", "[rules][ec2]") {
  // t2.micro lists i386 and x86_64: the node runs x86_64.
  CHECK(rules::NodeArchitecture(*core::FindInstanceType("t2.micro")) == core::kX86_64);
  CHECK(rules::ArchitectureList(core::FindInstanceType("t2.micro")->architectures) == "['x86_64']");
  CHECK(rules::ArchitectureList(core::kArm64) == "['arm64']");
  CHECK(rules::IsBatchFamily("c5"));
  CHECK(rules::IsBatchFamily("m6g"));
  CHECK_FALSE(rules::IsBatchFamily("c5.large"));
  CHECK_FALSE(rules::IsBatchFamily("c5x"));
  CHECK_FALSE(rules::IsBatchFamily(""));
  CHECK(rules::JoinDistinct({"a", "b", "a", "c"}) == "a, b, c");
}

}  // namespace
}  // namespace pcl::testing
