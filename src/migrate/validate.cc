// The validation phase (migration.md §7): cluster selection, required settings, deprecated and
// ambiguous settings, names. Unlike the official converter it does not stop at the first error.
#include <algorithm>
#include <cctype>
#include <string>

#include "generated/ids/migration.h"
#include "migrate/context.h"
#include "migrate/translators.h"

namespace pcl::migrate {
namespace {

constexpr char kDevSettingsHeader1[] =
    "The configuration parameters under DevSettings are not officially supported and their name "
    "or structure may change";
constexpr char kDevSettingsHeader2[] = "over time without any commitment to be backward compatible.";

bool SelectCluster(Context& ctx) {
  const MigrateOptions& options = ctx.options();
  model::Range where{{1, 1}, {1, 1}};
  if (!options.cluster_template.empty()) {
    ctx.cluster = "cluster " + options.cluster_template;
  } else if (auto label = ctx.GetTruthy("global", "cluster_template")) {
    ctx.cluster = "cluster " + *label;
    ctx.Reference("global", "cluster_template");
    where = ctx.ValueRange("global", "cluster_template");
  } else if (ctx.HasSection("cluster default")) {
    ctx.cluster = "cluster default";
  } else {
    ctx.Report(ids::kClusterSectionNotFound, where,
               "no cluster section to convert: the file has no [global] cluster_template and no "
               "[cluster default] (use --cluster-template LABEL)");
    return false;
  }
  if (ctx.HasSection(ctx.cluster)) return true;
  std::string found;
  const model::Node& root = ctx.document().root;
  for (const auto& entry : root.entries) {
    if (entry.key.rfind("cluster ", 0) == 0) found += (found.empty() ? " [" : ", [") + entry.key + "]";
  }
  ctx.Report(ids::kClusterSectionNotFound, where,
             "the cluster section [" + ctx.cluster + "] is not in the file" +
                 (found.empty() ? " (it has no [cluster ...] section)" : "; it has" + found));
  ctx.cluster.clear();
  return false;
}

void CheckScheduler(Context& ctx) {
  const std::string& c = ctx.cluster;
  auto scheduler = ctx.Cluster("scheduler");
  ctx.scheduler = scheduler.value_or("");
  if (ctx.scheduler.empty()) {
    ctx.Report(ids::kMissingScheduler, ctx.SectionRange(c),
               "[" + c + "] has no scheduler; ParallelCluster 3 needs scheduler = slurm or awsbatch", c);
  } else if (ctx.scheduler == "sge" || ctx.scheduler == "torque") {
    ctx.Report(ids::kUnsupportedScheduler, ctx.ValueRange(c, "scheduler"),
               "scheduler = " + ctx.scheduler +
                   " is not supported by ParallelCluster 3 (only slurm and awsbatch); see "
                   "https://docs.aws.amazon.com/parallelcluster/latest/ug/schedulers-v3.html",
               c, "scheduler");
  } else if (!ctx.slurm() && !ctx.awsbatch()) {
    std::string hint;
    std::string lower;
    for (char ch : ctx.scheduler) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (lower == "slurm" || lower == "awsbatch") hint = " (scheduler names are case-sensitive: " + lower + ")";
    ctx.Report(ids::kInvalidScheduler, ctx.ValueRange(c, "scheduler"),
               "wrong value for scheduler: " + ctx.scheduler + "; use slurm or awsbatch" + hint, c, "scheduler");
  }
}

// The official "ignored" message: any non-empty value, then the option is left out.
void Ignored(Context& ctx, const std::string& section, const std::string& key, const std::string& why) {
  auto value = ctx.GetTruthy(section, key);
  if (!value) return;
  ctx.Report(ids::kSettingNoLongerSupported, ctx.KeyRange(section, key),
             key + " = " + *value + " is no longer supported in ParallelCluster 3 and is left out (" + why + ")",
             section, key);
  ctx.Header(key + " = " + *value + " is ignored");
  ctx.Drop(section, key, "obsolete", why);
}

void CheckDeprecated(Context& ctx) {
  const std::string& c = ctx.cluster;
  if (!ctx.vpc.empty()) {
    Ignored(ctx, ctx.vpc, "vpc_id", "v3 takes the VPC from the subnets");
    if (auto cidr = ctx.GetTruthy(ctx.vpc, "compute_subnet_cidr")) {
      ctx.Report(ids::kComputeSubnetCidr, ctx.KeyRange(ctx.vpc, "compute_subnet_cidr"),
                 "compute_subnet_cidr = " + *cidr +
                     " is not supported by ParallelCluster 3, which never creates subnets: create "
                     "the compute subnet, set compute_subnet_id to it and remove compute_subnet_cidr",
                 ctx.vpc, "compute_subnet_cidr");
      ctx.Drop(ctx.vpc, "compute_subnet_cidr", "obsolete", "v3 does not create subnets");
    }
  }
  Ignored(ctx, "global", "update_check", "v3 has no update check setting");
  Ignored(ctx, "aliases", "ssh", "v3's pcluster ssh has no alias template");
  Ignored(ctx, c, "encrypted_ephemeral", "v3 has no equivalent setting");
  auto sanity = ctx.GetBool("global", "sanity_check");
  if (sanity && !*sanity) {
    ctx.Report(ids::kSanityCheckDisabled, ctx.KeyRange("global", "sanity_check"),
               "sanity_check = false is not a setting in ParallelCluster 3; pass "
               "--suppress-validators ALL to pcluster create-cluster instead",
               "global", "sanity_check");
    ctx.Header("sanity_check = false is ignored");
  }
  ctx.Drop("global", "sanity_check", "obsolete",
           "v3 always validates; use pcluster create-cluster --suppress-validators");
}

void CheckAddedToBoth(Context& ctx) {
  const std::string& c = ctx.cluster;
  // An ec2_iam_role makes v2 ignore the policies and S3 resources (see iam.cc), so those are
  // not copied anywhere.
  const bool role = ctx.ClusterTruthy("ec2_iam_role").has_value();
  struct Item {
    std::string section;
    const char* key;
    bool batch_too;  // AWS Batch queues get the security groups, nothing else
    bool iam;
  };
  const Item items[] = {{c, "additional_iam_policies", false, true},
                        {c, "s3_read_write_resource", false, true},
                        {c, "s3_read_resource", false, true},
                        {c, "disable_hyperthreading", false, false},
                        {c, "pre_install", false, false},
                        {c, "post_install", false, false},
                        {c, "proxy_server", false, false},
                        {ctx.vpc, "additional_sg", true, false},
                        {ctx.vpc, "vpc_security_group_id", true, false}};
  for (const Item& item : items) {
    if (item.section.empty() || (ctx.awsbatch() && !item.batch_too) || (item.iam && role)) continue;
    auto value = ctx.GetTruthy(item.section, item.key);
    if (!value) continue;
    ctx.Report(ids::kSettingCopiedToHeadNodeAndQueues, ctx.KeyRange(item.section, item.key),
               std::string(item.key) + " = " + *value +
                   " is added to both the head node and the queues; review whether each needs it",
               item.section, item.key);
  }
}

void CheckDevSettings(Context& ctx) {
  bool any = false;
  for (const char* key : {"extra_json", "custom_chef_cookbook", "template_url", "instance_types_data"}) {
    if (!ctx.ClusterTruthy(key)) continue;
    any = true;
    ctx.Report(ids::kDevSettingsParameter, ctx.KeyRange(ctx.cluster, key),
               std::string(key) +
                   " goes to DevSettings, which is not officially supported and may "
                   "change without notice",
               ctx.cluster, key);
    if (!ctx.options().force_convert) {
      ctx.Report(ids::kDevSettingsWithoutForceConvert, ctx.KeyRange(ctx.cluster, key),
                 std::string(key) +
                     " is a DevSettings parameter: pass --force-convert to convert "
                     "it, or remove it",
                 ctx.cluster, key);
    }
  }
  if (any && ctx.options().force_convert) {
    ctx.Header(kDevSettingsHeader1);
    ctx.Header(kDevSettingsHeader2);
  }
}

void CheckDefaultName(Context& ctx, const std::string& label, const std::string& section, const model::Range& where) {
  if (label != "default") return;
  const std::string message = "'default' is not allowed as a section name for '" + section +
                              "' in AWS ParallelCluster Version 3. Please rename it before "
                              "cluster creation.";
  ctx.Report(ids::kSectionLabelDefault, where, message);
  ctx.Header(message);
}

void CheckUnderscore(Context& ctx, const std::string& label, const std::string& section, const model::Range& where) {
  if (label.find('_') == std::string::npos) return;
  const std::string message =
      "'_' is not allowed in the name of '" + section + "'. Please rename it before cluster creation.";
  ctx.Report(ids::kUnderscoreInQueueName, where, message);
  ctx.Header(message);
}

void CheckStorageNames(Context& ctx) {
  std::vector<std::string> seen;
  for (const char* kind : {"ebs", "fsx", "raid"}) {
    const std::string setting = std::string(kind) + "_settings";
    auto value = ctx.ClusterTruthy(setting);
    if (!value) continue;
    const model::Range where = ctx.ValueRange(ctx.cluster, setting);
    for (const std::string& label : Labels(*value)) {
      if (std::find(seen.begin(), seen.end(), label) != seen.end()) {
        const std::string message = "Duplicate names '" + label +
                                    "' are not allowed in the SharedStorage section. Please change "
                                    "them before cluster creation.";
        ctx.Report(ids::kDuplicateStorageName, where, message);
        ctx.Header(message);
      } else {
        seen.push_back(label);
      }
      CheckDefaultName(ctx, label, std::string(kind) + " " + label, where);
    }
  }
}

void CheckQueues(Context& ctx) {
  if (!ctx.slurm()) return;
  auto queues = ctx.ClusterTruthy("queue_settings");
  if (!queues) return;
  const model::Range list_range = ctx.ValueRange(ctx.cluster, "queue_settings");
  for (const std::string& label : Labels(*queues)) {
    const std::string queue = "queue " + label;
    CheckDefaultName(ctx, label, queue, list_range);
    CheckUnderscore(ctx, label, queue, list_range);
    if (!ctx.HasSection(queue)) {
      ctx.Report(ids::kQueueWithoutComputeResources, list_range,
                 "queue_settings lists '" + label + "' but the file has no [" + queue + "] section", ctx.cluster,
                 "queue_settings");
      continue;
    }
    auto resources = ctx.GetTruthy(queue, "compute_resource_settings");
    if (!resources) {
      ctx.Report(ids::kQueueWithoutComputeResources, ctx.SectionRange(queue),
                 "[" + queue +
                     "] has no compute_resource_settings; a v3 queue needs at least one "
                     "compute resource",
                 queue);
      continue;
    }
    const model::Range cr_range = ctx.ValueRange(queue, "compute_resource_settings");
    for (const std::string& cr_label : Labels(*resources)) {
      const std::string cr = "compute_resource " + cr_label;
      CheckDefaultName(ctx, cr_label, cr, cr_range);
      CheckUnderscore(ctx, cr_label, cr, cr_range);
      if (!ctx.HasSection(cr)) {
        ctx.Report(ids::kQueueWithoutComputeResources, cr_range,
                   "compute_resource_settings lists '" + cr_label + "' but the file has no [" + cr + "] section", queue,
                   "compute_resource_settings");
        continue;
      }
      Ignored(ctx, cr, "initial_count", "v3 starts MinCount nodes and scales up on demand");
    }
  }
}

}  // namespace

bool Validate(Context& ctx) {
  if (!SelectCluster(ctx)) return false;
  const std::string& c = ctx.cluster;
  if (auto vpc = ctx.ClusterTruthy("vpc_settings")) {
    ctx.vpc = "vpc " + *vpc;
    ctx.Reference(c, "vpc_settings");
    if (!ctx.HasSection(ctx.vpc)) {
      ctx.Report(ids::kReferencedSectionMissing, ctx.ValueRange(c, "vpc_settings"),
                 "vpc_settings = " + *vpc + " but the file has no [" + ctx.vpc +
                     "] section; the head node and queues get no subnet",
                 c, "vpc_settings");
    }
  } else {
    ctx.Report(ids::kMissingVpcSettings, ctx.SectionRange(c),
               "[" + c +
                   "] has no vpc_settings; ParallelCluster 3 needs the subnets from a [vpc] "
                   "section (master_subnet_id, compute_subnet_id)",
               c);
  }
  const std::string encryption =
      "Volume encrypted defaults to True in AWS ParallelCluster version 3 while it defaults to "
      "False in AWS ParallelCluster version 2.";
  ctx.Report(ids::kEbsEncryptionDefaultChanged, ctx.SectionRange(c), encryption, c);
  ctx.Header(encryption);
  const std::string imds =
      "In AWS ParallelCluster version 3, access to the Instance Metadata Service(IMDS) on the head "
      "node is restricted to the cluster administrator. If additional users required access to "
      "IMDS, you can set HeadNode/Imds/Secured to False.";
  if (ctx.Cluster("scheduler").value_or("") == "slurm") {
    ctx.Report(ids::kHeadNodeImdsRestricted, ctx.ValueRange(c, "scheduler"), imds, c, "scheduler");
    ctx.Header(imds);
  }
  CheckScheduler(ctx);
  CheckDeprecated(ctx);
  CheckAddedToBoth(ctx);
  CheckDevSettings(ctx);
  CheckStorageNames(ctx);
  CheckQueues(ctx);
  if (!ctx.ClusterTruthy("ebs_settings")) {
    const std::string note =
        "The default setup of AWS ParallelCluster version 2 uses an EBS volume to share the /shared "
        "directory over NFS. This configuration utility preserves this behavior by default. If you "
        "do not need the /shared directory, you can remove the default-ebs from the SharedStorage "
        "section of your configuration.";
    ctx.Report(ids::kDefaultEbsVolumeAdded, ctx.SectionRange(c), note, c);
    ctx.Header(note);
  }
  return true;
}

}  // namespace pcl::migrate
