// Scheduling for AWS Batch: one queue `batch-queue` with one compute resource `batch-compute`.
#include <cmath>

#include "generated/ids/migration.h"
#include "migrate/py_text.h"
#include "migrate/translators.h"

namespace pcl::migrate {
namespace {

// ParallelCluster 2's default compute_instance_type for AWS Batch: let Batch pick.
constexpr char kBatchDefaultInstanceType[] = "optimal";

OutNode SpotBidPercentage(Context& ctx) {
  const std::string& c = ctx.cluster;
  auto value = ctx.GetFloat(c, "spot_bid_percentage");
  if (!value) return OutNode();
  // v2 accepted whole percentages only and v3 declares an integer.
  if (*value != std::floor(*value) || std::fabs(*value) > 1e15) {
    ctx.Report(ids::kWrongValueType, ctx.ValueRange(c, "spot_bid_percentage"),
               "spot_bid_percentage must be a whole percentage for ParallelCluster 3", c, "spot_bid_percentage");
    return OutNode();
  }
  OutNode node = OutNode::Int(static_cast<int64_t>(*value));
  node.user_value = true;
  node.origins.push_back({c, "spot_bid_percentage"});
  return node;
}

}  // namespace

OutNode BatchQueues(Context& ctx) {
  const std::string& c = ctx.cluster;
  OutNode queue = OutNode::Map();
  queue.Set("Name", OutNode::String("batch-queue"));
  queue.SetIf("CapacityType", CapacityType(ctx, c, "cluster_type"));
  queue.SetIf("Networking", BaseQueueNetworking(ctx));

  OutNode resource = OutNode::Map();
  resource.Set("Name", OutNode::String("batch-compute"));
  resource.SetIf("MinvCpus", ctx.Int(c, "min_vcpus"));
  resource.SetIf("MaxvCpus", ctx.Int(c, "max_vcpus"));
  resource.SetIf("DesiredvCpus", ctx.Int(c, "desired_vcpus"));
  if (!resource.Find("DesiredvCpus")) {
    ctx.Report(ids::kV3DefaultDiffers, ctx.SectionRange(c),
               "desired_vcpus defaulted to 4 in ParallelCluster 2; v3 starts with MinvCpus; set "
               "DesiredvCpus: 4 to keep the v2 behaviour",
               c);
  }
  resource.SetIf("SpotBidPercentage", SpotBidPercentage(ctx));
  OutNode types = OutNode::Seq();
  if (ctx.ClusterTruthy("compute_instance_type")) {
    for (const std::string& type : Labels(*ctx.Cluster("compute_instance_type"))) {
      OutNode item = OutNode::String(type);
      item.user_value = true;
      item.origins.push_back({c, "compute_instance_type"});
      types.Append(std::move(item));
    }
  } else {
    // The official converter writes t3.micro here, which is not what v2 did.
    types.Append(OutNode::String(kBatchDefaultInstanceType));
  }
  resource.Set("InstanceTypes", std::move(types));
  OutNode resources = OutNode::Seq();
  resources.Append(std::move(resource));
  queue.Set("ComputeResources", std::move(resources));
  OutNode queues = OutNode::Seq();
  queues.Append(std::move(queue));
  return queues;
}

}  // namespace pcl::migrate
