// The compiled EC2 instance-type table: facts as DescribeInstanceTypes gives them, names, did-you-mean.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <cstdlib>

#include "core/instance_types.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

using core::FindInstanceType;

TEST_CASE("instance facts: the fields the validators read", "[core][ec2]") {
  const core::InstanceFacts* p5 = FindInstanceType("p5.48xlarge");
  REQUIRE(p5);
  CHECK(p5->architectures == core::kX86_64);
  CHECK(p5->vcpus == 192);
  CHECK(p5->default_cores == 96);
  CHECK(p5->default_threads_per_core == 2);
  CHECK(p5->valid_threads_per_core == ((1 << 1) | (1 << 2)));
  CHECK(p5->memory_mib == 2097152);
  CHECK(p5->gpu_count == 8);
  CHECK(p5->gpu_maker == static_cast<uint8_t>(core::Maker::kNvidia));
  CHECK(p5->efa_supported);
  CHECK(p5->max_efa_interfaces == 32);
  CHECK(p5->max_network_cards == 32);
  CHECK(p5->instance_storage_gb == 30400);
  CHECK((p5->usage_classes & core::kCapacityBlock) != 0);

  const core::InstanceFacts* t3 = FindInstanceType("t3.micro");
  REQUIRE(t3);
  CHECK_FALSE(t3->efa_supported);
  CHECK((t3->placement_strategies & core::kCluster) == 0);  // burstable types have no cluster placement
  CHECK(t3->max_network_cards == 1);
  CHECK(t3->gpu_count == 0);

  const core::InstanceFacts* graviton = FindInstanceType("c7g.large");
  REQUIRE(graviton);
  CHECK(graviton->architectures == core::kArm64);
  CHECK(graviton->valid_threads_per_core == (1 << 1));

  CHECK(FindInstanceType("") == nullptr);
  CHECK(FindInstanceType("P5.48XLARGE") == nullptr);  // EC2 names are lower case
}

TEST_CASE("instance names: with facts, real without facts, or not an instance type", "[core][ec2]") {
  CHECK(core::ClassifyInstanceType("c5n.18xlarge") == core::InstanceTypeKnowledge::kWithFacts);
  CHECK(core::ClassifyInstanceType("c5n.18xlage") == core::InstanceTypeKnowledge::kUnknown);
  // Retired types are in the API's name list only; t1.micro is old but still has facts.
  for (const char* name : {"cc2.8xlarge", "cr1.8xlarge", "hs1.8xlarge"}) {
    INFO(name);
    CHECK(core::ClassifyInstanceType(name) == core::InstanceTypeKnowledge::kWithoutFacts);
  }
  CHECK(core::ClassifyInstanceType("t1.micro") == core::InstanceTypeKnowledge::kWithFacts);
}

TEST_CASE("instance names: did-you-mean for near misses only", "[core][ec2]") {
  auto first = [](std::string_view name) {
    auto got = core::SuggestInstanceTypes(name);
    return got.empty() ? std::string() : std::string(got.front());
  };
  CHECK(first("c5n.18xlage") == "c5n.18xlarge");
  CHECK(first("t3.mirco") == "t3.micro");
  CHECK(first("m5.larg") == "m5.large");
  CHECK(core::SuggestInstanceTypes("something-else").empty());
  CHECK(core::SuggestInstanceTypes("t3.micro", 2).size() <= 2);
}

TEST_CASE("instance offerings by region", "[core][ec2]") {
  const core::InstanceFacts* t3 = FindInstanceType("t3.micro");
  REQUIRE(t3);
  bool known = false;
  CHECK(core::OfferedIn(*t3, "us-east-1", known));
  CHECK(known);
  CHECK_FALSE(core::OfferedIn(*t3, "mars-north-1", known));
  CHECK_FALSE(known);
  CHECK(core::KnownRegions().size() == 30);
  CHECK(core::InstanceTableDate() == "2026-08-02");
}

// The committed table is what the generator makes from shared/vendor-data/ec2 (skipped without it).
TEST_CASE("the EC2 instance table is up to date with shared/vendor-data", "[core][ec2]") {
  if (std::system("python3 --version >/dev/null 2>&1") != 0) {
    ReportSkipped("python3 is not installed");
    return;
  }
  ShellResult run = RunShell("cd '" + SourceDir() + "' && python3 src/core/instance_table_gen.py --check");
  if (run.exit_code == 77) {
    ReportSkipped("../shared/vendor-data/ec2 is missing");
    return;
  }
  INFO(run.err);
  CHECK(run.exit_code == 0);
}

TEST_CASE("the version flag names the releases and the instance table's date", "[core][ec2]") {
  ShellResult run = RunShell(std::string("'") + PCL_BINARY + "' --version");
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("EC2 instance types: 2026-08-02 (") != std::string::npos);
  CHECK(run.out.find("ParallelCluster releases: 3.0 … 3.16") != std::string::npos);
}

}  // namespace
}  // namespace pcl::testing
