// Scheduling for Slurm: SlurmSettings, multi-queue [queue]/[compute_resource] sections, and the
// single-queue (SIT) cluster turned into one queue.
#include "generated/ids/migration.h"
#include "migrate/py_text.h"
#include "migrate/translators.h"

namespace pcl::migrate {
namespace {

constexpr char kDefaultInstanceType[] = "t3.micro";

// Slurm queue Networking: the common part plus the placement group and the proxy.
OutNode SlurmNetworking(Context& ctx, const std::string& placement_section) {
  OutNode networking = BaseQueueNetworking(ctx);
  OutNode group = OutNode::Map();
  auto placement = ctx.Get(placement_section, "placement_group");
  if (placement && *placement == "DYNAMIC") {
    group.Set("Enabled", Context::Made(OutNode::Bool(true), {{placement_section, "placement_group"}}));
  } else if (placement && !placement->empty()) {
    group.Set("Id", ctx.Str(placement_section, "placement_group"));
  }
  networking.SetIf("PlacementGroup", std::move(group));
  OutNode proxy = OutNode::Map();
  proxy.SetIf("HttpProxyAddress", ctx.Str(ctx.cluster, "proxy_server"));
  networking.SetIf("Proxy", std::move(proxy));
  return networking;
}

OutNode ComputeSettings(Context& ctx) {
  OutNode settings = OutNode::Map();
  settings.SetIf("LocalStorage", LocalStorage(ctx, "compute_root_volume_size"));
  return settings;
}

// Cluster-level `enable_efa = compute` / `enable_efa_gdr = compute` come first; the queue's own
// booleans then replace or add keys (the official key order).
OutNode ClusterEfa(Context& ctx) {
  const std::string& c = ctx.cluster;
  OutNode efa = OutNode::Map();
  if (ctx.Cluster("enable_efa").value_or("") == "compute") {
    efa.Set("Enabled", Context::Made(OutNode::Bool(true), {{c, "enable_efa"}}));
  }
  if (ctx.Cluster("enable_efa_gdr").value_or("") == "compute") {
    efa.Set("GdrSupport", Context::Made(OutNode::Bool(true), {{c, "enable_efa_gdr"}}));
  }
  return efa;
}

OutNode ComputeResource(Context& ctx, const std::string& queue, const std::string& label) {
  const std::string section = "compute_resource " + label;
  OutNode resource = OutNode::Map();
  resource.Set("Name", Context::Made(OutNode::String(label), {{queue, "compute_resource_settings"}}));
  OutNode efa = ClusterEfa(ctx);
  resource.SetIf("InstanceType", ctx.Str(section, "instance_type"));
  resource.SetIf("MinCount", ctx.Int(section, "min_count"));
  resource.SetIf("MaxCount", ctx.Int(section, "max_count"));
  resource.SetIf("SpotPrice", ctx.Float(section, "spot_price"));
  OutNode smt = ctx.Bool(queue, "disable_hyperthreading");
  resource.SetIf("DisableSimultaneousMultithreading", smt);
  efa.SetIf("Enabled", ctx.Bool(queue, "enable_efa"));
  efa.SetIf("GdrSupport", ctx.Bool(queue, "enable_efa_gdr"));
  if (smt.kind == OutNode::Kind::kNull) {
    resource.SetIf("DisableSimultaneousMultithreading", ctx.Bool(ctx.cluster, "disable_hyperthreading"));
  }
  resource.SetIf("Efa", std::move(efa));
  return resource;
}

OutNode Queue(Context& ctx, const std::string& label) {
  const std::string section = "queue " + label;
  OutNode queue = OutNode::Map();
  queue.Set("Name", Context::Made(OutNode::String(label), {{ctx.cluster, "queue_settings"}}));
  queue.SetIf("CapacityType", CapacityType(ctx, section, "compute_type"));
  OutNode resources = OutNode::Seq();
  if (auto settings = ctx.GetTruthy(section, "compute_resource_settings")) {
    ctx.Reference(section, "compute_resource_settings");
    for (const std::string& cr : Labels(*settings)) {
      if (ctx.HasSection("compute_resource " + cr)) resources.Append(ComputeResource(ctx, section, cr));
    }
  }
  queue.SetIf("ComputeResources", std::move(resources));
  queue.SetIf("CustomActions", CustomActions(ctx));
  queue.SetIf("Iam", NodeIam(ctx));
  queue.SetIf("Networking", SlurmNetworking(ctx, section));
  queue.SetIf("ComputeSettings", ComputeSettings(ctx));
  return queue;
}

// One queue from a single-queue cluster; note the key order differs from multi-queue.
OutNode SitQueue(Context& ctx) {
  const std::string& c = ctx.cluster;
  OutNode queue = OutNode::Map();
  queue.Set("Name", OutNode::String("default-queue"));
  queue.SetIf("ComputeSettings", ComputeSettings(ctx));
  queue.SetIf("CapacityType", CapacityType(ctx, c, "cluster_type"));
  queue.SetIf("CustomActions", CustomActions(ctx));
  queue.SetIf("Iam", NodeIam(ctx));
  queue.SetIf("Networking", SlurmNetworking(ctx, c));

  OutNode resource = OutNode::Map();
  resource.Set("Name", OutNode::String("default-resource"));
  resource.SetIf("SpotPrice", ctx.Float(c, "spot_price"));
  resource.SetIf("MaxCount", ctx.Int(c, "max_queue_size"));
  resource.SetIf("DisableSimultaneousMultithreading", ctx.Bool(c, "disable_hyperthreading"));
  auto initial = ctx.GetInt(c, "initial_queue_size");
  auto maintain = ctx.GetBool(c, "maintain_initial_size");
  if (initial && *initial != 0 && maintain && *maintain) {
    OutNode min = OutNode::Int(*initial);
    min.user_value = true;
    min.origins = {{c, "initial_queue_size"}, {c, "maintain_initial_size"}};
    resource.Set("MinCount", std::move(min));
  } else if (auto text = ctx.ClusterTruthy("initial_queue_size")) {
    // v3 keeps MinCount nodes for good; v2's initial nodes that may scale down have no equivalent.
    ctx.Report(ids::kSettingNoLongerSupported, ctx.KeyRange(c, "initial_queue_size"),
               "initial_queue_size = " + *text +
                   " is no longer supported in ParallelCluster 3 "
                   "and is left out (v3 keeps MinCount nodes running; set maintain_initial_size = true "
                   "to convert it to MinCount)",
               c, "initial_queue_size");
    ctx.Header("initial_queue_size = " + *text + " is ignored");
    ctx.Drop(c, "initial_queue_size", "obsolete",
             "without maintain_initial_size = true, v3 has no initial size that scales down");
  }
  if (!resource.Find("MinCount") && ctx.Entry(c, "maintain_initial_size")) {
    ctx.Drop(c, "maintain_initial_size", "not-applicable", "only meaningful with a non-zero initial_queue_size");
  }
  resource.Set("InstanceType", ctx.ClusterTruthy("compute_instance_type") ? ctx.Str(c, "compute_instance_type")
                                                                          : OutNode::String(kDefaultInstanceType));
  resource.SetIf("Efa", ClusterEfa(ctx));
  OutNode resources = OutNode::Seq();
  resources.Append(std::move(resource));
  queue.Set("ComputeResources", std::move(resources));
  return queue;
}

}  // namespace

void ConvertScheduling(Context& ctx, OutNode& root) {
  const std::string& c = ctx.cluster;
  OutNode scheduling = OutNode::Map();
  scheduling.SetIf("Scheduler", ctx.Str(c, "scheduler"));
  // An unsupported scheduler blocks the migration anyway; converting as Slurm still finds the
  // other problems of the file in the same run.
  if (!ctx.awsbatch()) {
    OutNode settings = OutNode::Map();
    if (auto label = ctx.ClusterTruthy("scaling_settings")) {
      ctx.Reference(c, "scaling_settings");
      const std::string section = "scaling " + py::Strip(*label);
      if (!ctx.HasSection(section)) {
        ctx.Report(ids::kReferencedSectionMissing, ctx.ValueRange(c, "scaling_settings"),
                   "scaling_settings = " + *label + " but the file has no [" + section +
                       "] section; the v3 default ScaledownIdletime (10 minutes) applies",
                   c, "scaling_settings");
      }
      settings.SetIf("ScaledownIdletime", ctx.Int(section, "scaledown_idletime"));
    }
    OutNode dns = OutNode::Map();
    dns.SetIf("DisableManagedDns", ctx.Bool(c, "disable_cluster_dns"));
    settings.SetIf("Dns", std::move(dns));
    scheduling.SetIf("SlurmSettings", std::move(settings));
    OutNode queues = OutNode::Seq();
    if (auto labels = ctx.ClusterTruthy("queue_settings")) {
      ctx.Reference(c, "queue_settings");
      for (const std::string& label : Labels(*labels)) {
        if (ctx.HasSection("queue " + label)) queues.Append(Queue(ctx, label));
      }
    } else {
      queues.Append(SitQueue(ctx));
    }
    scheduling.SetIf("SlurmQueues", std::move(queues));
  } else if (ctx.awsbatch()) {
    scheduling.SetIf("AwsBatchQueues", BatchQueues(ctx));
  }
  root.SetIf("Scheduling", std::move(scheduling));
}

}  // namespace pcl::migrate
