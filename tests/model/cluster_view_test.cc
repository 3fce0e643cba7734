// The typed cluster view: places, lenient reads, labels, queues, compute resources and storage.
#include <catch2/catch.hpp>

#include "model/cluster_view.h"
#include "model/scalar_read.h"
#include "test_support.h"

namespace pcl::model {
namespace {

using testing::ParseYaml;

TEST_CASE("labels name a place the way users read keys", "[model]") {
  CHECK(PointerLabel("/Scheduling/SlurmQueues/0/Networking/SubnetIds/1") ==
        "Scheduling.SlurmQueues[0].Networking.SubnetIds[1]");
  CHECK(PointerLabel("/HeadNode") == "HeadNode");
  CHECK(PointerLabel("") == "");
}

TEST_CASE("scalars read as the official loader reads them", "[model]") {
  auto read = [](const char* yaml) {
    return ParseYaml(std::string("v: ") + yaml + "\n").document.root.entries[0].value;
  };
  CHECK(ReadInteger(read("5")) == 5);
  CHECK(ReadInteger(read("\"5\"")) == 5);
  CHECK(ReadInteger(read("' 1_000 '")) == 1000);
  CHECK(ReadInteger(read("2.9")) == 2);
  CHECK_FALSE(ReadInteger(read("five")));
  CHECK_FALSE(ReadInteger(read("true")));
  CHECK_FALSE(ReadInteger(read("~")));
  CHECK(ReadBoolean(read("\"yes\"")) == true);
  CHECK(ReadBoolean(read("'False'")) == false);
  CHECK(ReadBoolean(read("1")) == true);
  CHECK_FALSE(ReadBoolean(read("2")));
  CHECK(ReadNumber(read("\"0.5\"")) == 0.5);
  CHECK_FALSE(ReadNumber(read("\"inf\"")));
}

TEST_CASE("a place reads nested paths and stays safe when nothing is there", "[model]") {
  auto parsed = ParseYaml("A:\n  B: [x, {C: '7'}]\n  N: ~\n");
  Ref root("", &parsed.document.root);
  CHECK(root.At("A/B").Size() == 2);
  CHECK(root.At("A/B").Item(1).At("C").Int() == 7);
  CHECK(root.At("A/B").Item(1).At("C").pointer() == "/A/B/1/C");
  CHECK(root.At("A/B").Item(0).String() == "x");
  const Ref missing = root.At("A/X/Y");
  CHECK_FALSE(missing.written());
  CHECK(missing.pointer() == "/A/X/Y");  // where it would be
  CHECK(missing.Text().empty());
  CHECK_FALSE(missing.Int());
  CHECK(missing.Items().empty());
  CHECK(root.At("A/N").written());
  CHECK_FALSE(root.At("A/N").present());  // an explicit null is "not given"
  CHECK(root.At("A/B").Item(5).pointer() == "/A/B/5");
  CHECK_FALSE(root.At("A/B").Item(5).written());
}

const char kCluster[] = R"(HeadNode:
  InstanceType: t3.micro
LoginNodes:
  Pools: [{Name: login}, not-a-pool]
Scheduling:
  Scheduler: slurm
  SlurmQueues:
    - Name: q1
      CapacityType: SPOT
      Networking:
        SubnetIds: [subnet-1, subnet-2, subnet-1]
        PlacementGroup: {Enabled: true}
      ComputeResources:
        - Name: single
          InstanceType: c5.large
          MinCount: "2"
          MaxCount: 4.0
        - Name: flexible
          Instances: [{InstanceType: c5.xlarge}, {InstanceType: c5.2xlarge}]
          Networking: {PlacementGroup: {Enabled: false}}
        - just-text
    - not-a-queue
SharedStorage:
  - Name: data
    StorageType: Ebs
    EbsSettings: {VolumeId: vol-1}
  - Name: fs
    StorageType: FsxLustre
    FsxLustreSettings: {StorageCapacity: 1200}
Image:
  Os: alinux2023
)";

TEST_CASE("the cluster view types queues and compute resources", "[model]") {
  auto parsed = ParseYaml(kCluster);
  ClusterView view(parsed.document.root);
  CHECK(view.scheduler == "slurm");
  CHECK(view.os == "alinux2023");
  CHECK(view.login_pools.size() == 1);
  REQUIRE(view.slurm_queues.size() == 1);  // the string item is the schema check's to report
  const Queue& queue = view.slurm_queues[0];
  CHECK(queue.name == "q1");
  CHECK(queue.capacity_type == "SPOT");
  CHECK(queue.distinct_subnets == std::vector<std::string>{"subnet-1", "subnet-2"});
  REQUIRE(queue.compute_resources.size() == 2);
  const ComputeResource& single = queue.compute_resources[0];
  CHECK(single.ref.pointer() == "/Scheduling/SlurmQueues/0/ComputeResources/0");
  CHECK(single.InstanceTypeNames() == std::vector<std::string>{"c5.large"});
  CHECK(single.min_count == 2);  // quoted, read as the loader reads it
  CHECK(single.MaxCount() == 4);
  CHECK(single.placement_group.used);  // the queue's group applies
  CHECK(single.placement_group.block.pointer() == "/Scheduling/SlurmQueues/0/Networking/PlacementGroup");
  const ComputeResource& flexible = queue.compute_resources[1];
  CHECK(flexible.InstanceTypeNames() == std::vector<std::string>{"c5.xlarge", "c5.2xlarge"});
  CHECK(flexible.instance_types[1].pointer() ==
        "/Scheduling/SlurmQueues/0/ComputeResources/1/Instances/1/InstanceType");
  CHECK(flexible.MinCount() == 0);
  CHECK(flexible.MaxCount() == 10);            // ParallelCluster's default
  CHECK_FALSE(flexible.placement_group.used);  // its own block overrides the queue's
  CHECK(flexible.placement_group.disabled);
}

TEST_CASE("the cluster view gives storage items and EBS volumes", "[model]") {
  auto parsed = ParseYaml(kCluster);
  ClusterView view(parsed.document.root);
  REQUIRE(view.shared_storage.size() == 2);
  CHECK(view.shared_storage[0].existing);
  CHECK(view.shared_storage[0].SettingsPointer() == "/SharedStorage/0/EbsSettings");
  CHECK_FALSE(view.shared_storage[1].existing);
  CHECK(view.shared_storage[1].Setting("StorageCapacity").Int() == 1200);
  REQUIRE(view.ebs_volumes.size() == 1);
  CHECK(view.ebs_volumes[0].label == "shared storage 'data'");
  CHECK(view.ebs_volumes[0].VolumeType() == "gp3");
  CHECK(view.ebs_volumes[0].SizeGiB(core::Release(3, 6)) == 35);
  CHECK(view.ebs_volumes[0].SizeGiB(core::Release(3, 16)) == 40);
}

}  // namespace
}  // namespace pcl::model
