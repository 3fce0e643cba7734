// The migration report: what became of every v2 key of the sections the migration read.
#include "migrate/ledger.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "generated/ids/migration.h"
#include "migrate/py_text.h"

namespace pcl::migrate {
namespace {

// A ParallelCluster 2 setting, and why it is dropped when no translator used it.
struct Known {
  const char* key;
  const char* category;  // "" = converted where it applies
  const char* detail;
};

constexpr char kInternal[] = "a ParallelCluster 2 internal value; v3 works it out itself";
constexpr char kSitOnly[] = "only single-queue Slurm and AWS Batch clusters use it";
constexpr char kSlurmOnly[] = "only Slurm clusters use it";
constexpr char kBatchOnly[] = "only AWS Batch clusters use it";

const std::map<std::string, std::vector<Known>>& Catalogue() {
  static const std::map<std::string, std::vector<Known>> kKeys = {
      {"aws",
       {{"aws_region_name", "", ""},
        {"aws_access_key_id", "obsolete", "credentials are not part of a v3 config; use an AWS profile"},
        {"aws_secret_access_key", "obsolete", "credentials are not part of a v3 config; use an AWS profile"}}},
      {"global", {{"cluster_template", "", ""}, {"update_check", "", ""}, {"sanity_check", "", ""}}},
      {"aliases", {{"ssh", "", ""}}},
      {"cluster",
       {{"cluster_config_metadata", "automatic", kInternal},
        {"key_name", "", ""},
        {"scheduler", "", ""},
        {"master_instance_type", "", ""},
        {"master_root_volume_size", "", ""},
        {"base_os", "", ""},
        {"compute_root_volume_size", "not-applicable", kSlurmOnly},
        {"proxy_server", "", ""},
        {"ec2_iam_role", "", ""},
        {"s3_read_resource", "", ""},
        {"s3_read_write_resource", "", ""},
        {"template_url", "", ""},
        {"shared_dir", "", ""},
        {"enable_efa", "not-applicable", kSlurmOnly},
        {"enable_efa_gdr", "not-applicable", kSlurmOnly},
        {"ephemeral_dir", "", ""},
        {"encrypted_ephemeral", "", ""},
        {"custom_ami", "", ""},
        {"pre_install", "", ""},
        {"pre_install_args", "", ""},
        {"post_install", "", ""},
        {"post_install_args", "", ""},
        {"extra_json", "", ""},
        {"additional_cfn_template", "", ""},
        {"tags", "", ""},
        {"custom_chef_cookbook", "", ""},
        {"enable_intel_hpc_platform", "", ""},
        {"scaling_settings", "not-applicable", kSlurmOnly},
        {"vpc_settings", "", ""},
        {"ebs_settings", "", ""},
        {"efs_settings", "", ""},
        {"raid_settings", "", ""},
        {"fsx_settings", "", ""},
        {"dcv_settings", "", ""},
        {"cw_log_settings", "", ""},
        {"dashboard_settings", "", ""},
        {"additional_iam_policies", "", ""},
        {"architecture", "automatic", "v3 derives the architecture from the instance types"},
        {"hit_template_url", "obsolete", "v3 has one cluster template (DevSettings/ClusterTemplate)"},
        {"cw_dashboard_template_url", "obsolete", "v3 has one cluster template (DevSettings/ClusterTemplate)"},
        {"network_interfaces_count", "automatic", kInternal},
        {"cluster_resource_bucket", "", ""},
        {"iam_lambda_role", "", ""},
        {"instance_types_data", "", ""},
        {"placement_group", "not-applicable", kSitOnly},
        {"placement", "obsolete", "v3 has no cluster-wide placement; placement groups are per queue"},
        {"compute_instance_type", "not-applicable", kSitOnly},
        {"initial_queue_size", "not-applicable", "only single-queue Slurm clusters use it"},
        {"max_queue_size", "not-applicable", "only single-queue Slurm clusters use it"},
        {"maintain_initial_size", "not-applicable", "only single-queue Slurm clusters use it"},
        {"min_vcpus", "not-applicable", kBatchOnly},
        {"desired_vcpus", "not-applicable", kBatchOnly},
        {"max_vcpus", "not-applicable", kBatchOnly},
        {"cluster_type", "not-applicable", kSitOnly},
        {"spot_price", "not-applicable", "only single-queue Slurm clusters use it"},
        {"spot_bid_percentage", "not-applicable", kBatchOnly},
        {"disable_hyperthreading", "", ""},
        {"default_queue", "automatic", "v3 has no default-queue setting"},
        {"queue_settings", "not-applicable", kSlurmOnly},
        {"disable_cluster_dns", "not-applicable", kSlurmOnly}}},
      {"vpc",
       {{"vpc_id", "", ""},
        {"master_subnet_id", "", ""},
        {"ssh_from", "", ""},
        {"additional_sg", "", ""},
        {"compute_subnet_id", "", ""},
        {"compute_subnet_cidr", "", ""},
        {"use_public_ips", "", ""},
        {"vpc_security_group_id", "", ""},
        {"master_availability_zone", "automatic", kInternal},
        {"compute_availability_zone", "automatic", kInternal}}},
      {"ebs",
       {{"shared_dir", "", ""},
        {"ebs_snapshot_id", "", ""},
        {"volume_type", "", ""},
        {"volume_size", "", ""},
        {"volume_iops", "", ""},
        {"encrypted", "", ""},
        {"ebs_kms_key_id", "", ""},
        {"ebs_volume_id", "", ""},
        {"volume_throughput", "", ""}}},
      {"raid",
       {{"shared_dir", "", ""},
        {"raid_type", "", ""},
        {"num_of_raid_volumes", "", ""},
        {"volume_type", "", ""},
        {"volume_size", "", ""},
        {"volume_iops", "", ""},
        {"encrypted", "", ""},
        {"ebs_kms_key_id", "", ""},
        {"volume_throughput", "", ""}}},
      {"efs",
       {{"shared_dir", "", ""},
        {"efs_fs_id", "", ""},
        {"performance_mode", "", ""},
        {"efs_kms_key_id", "", ""},
        {"provisioned_throughput", "", ""},
        {"encrypted", "", ""},
        {"throughput_mode", "", ""},
        {"access_point_id", "", ""}}},
      {"fsx",
       {{"shared_dir", "", ""},
        {"fsx_fs_id", "", ""},
        {"storage_capacity", "", ""},
        {"fsx_kms_key_id", "", ""},
        {"imported_file_chunk_size", "", ""},
        {"export_path", "", ""},
        {"import_path", "", ""},
        {"weekly_maintenance_start_time", "", ""},
        {"deployment_type", "", ""},
        {"per_unit_storage_throughput", "", ""},
        {"daily_automatic_backup_start_time", "", ""},
        {"automatic_backup_retention_days", "", ""},
        {"copy_tags_to_backups", "", ""},
        {"fsx_backup_id", "", ""},
        {"auto_import_policy", "", ""},
        {"storage_type", "", ""},
        {"drive_cache_type", "", ""},
        {"existing_mount_name", "automatic", kInternal},
        {"existing_dns_name", "automatic", kInternal},
        {"data_compression_type", "", ""}}},
      {"dcv", {{"enable", "", ""}, {"port", "", ""}, {"access_from", "", ""}}},
      {"cw_log", {{"enable", "", ""}, {"retention_days", "", ""}}},
      {"dashboard", {{"enable", "", ""}}},
      {"scaling", {{"scaledown_idletime", "", ""}, {"_scaledown_idletime", "automatic", kInternal}}},
      {"queue",
       {{"compute_type", "", ""},
        {"enable_efa", "", ""},
        {"enable_efa_gdr", "", ""},
        {"disable_hyperthreading", "", ""},
        {"placement_group", "", ""},
        {"compute_resource_settings", "", ""}}},
      {"compute_resource",
       {{"instance_type", "", ""},
        {"min_count", "", ""},
        {"max_count", "", ""},
        {"initial_count", "", ""},
        {"spot_price", "", ""},
        {"vcpus", "automatic", kInternal},
        {"gpus", "automatic", kInternal},
        {"gpu_type", "automatic", kInternal},
        {"network_interfaces", "automatic", kInternal},
        {"enable_efa", "automatic", "set per [queue] (enable_efa) in ParallelCluster 2"},
        {"enable_efa_gdr", "not-applicable", "set per [queue] (enable_efa_gdr) in ParallelCluster 2"},
        {"disable_hyperthreading", "automatic", "set per [queue] in ParallelCluster 2"},
        {"disable_hyperthreading_via_cpu_options", "automatic", kInternal}}},
  };
  return kKeys;
}

std::string TypeOf(const std::string& section) {
  return section.substr(0, section.find(' '));
}

const Known* FindKnown(const std::string& section, const std::string& key) {
  auto it = Catalogue().find(TypeOf(section));
  if (it == Catalogue().end()) return nullptr;
  for (const Known& known : it->second) {
    if (key == known.key) return &known;
  }
  return nullptr;
}

// "selects [ebs a], [ebs b]" for a *_settings option (or [global] cluster_template).
std::string Selects(const std::string& key, const std::string& value) {
  const std::string type = key == "cluster_template" ? "cluster" : key.substr(0, key.rfind("_settings"));
  const bool list = type == "ebs" || type == "raid" || type == "efs" || type == "fsx" || type == "queue" ||
                    type == "compute_resource";
  std::string out = "selects";
  const std::vector<std::string> labels = list ? Labels(value) : std::vector<std::string>{py::Strip(value)};
  for (size_t i = 0; i < labels.size(); ++i) out += (i ? ", [" : " [") + type + " " + labels[i] + "]";
  return out;
}

// True when `pointer` or one of its ancestors ("/a/b" for "/a/b/c", and "" for all) is in `listed`.
bool CoveredBy(const std::unordered_set<std::string>& listed, const std::string& pointer) {
  if (listed.count(pointer)) return true;
  for (size_t slash = pointer.find('/'); slash != std::string::npos; slash = pointer.find('/', slash + 1)) {
    if (listed.count(pointer.substr(0, slash))) return true;
  }
  return false;
}

}  // namespace

bool IsV2Setting(const std::string& section, const std::string& key) {
  return FindKnown(section, key) != nullptr;
}

std::vector<std::string> ReportedSections(const Context& ctx) {
  std::set<std::string> wanted = {"aws", "global", "aliases", "DEFAULT", ctx.cluster};
  auto raw = [&](const std::string& section, const char* key) -> std::string {
    const model::MapEntry* entry = ctx.Entry(section, key);
    return entry ? entry->value.text : "";
  };
  const std::string& c = ctx.cluster;
  for (const char* key :
       {"vpc_settings", "scaling_settings", "dcv_settings", "cw_log_settings", "dashboard_settings"}) {
    const std::string value = py::Strip(raw(c, key));
    if (!value.empty()) wanted.insert(std::string(key).substr(0, std::string(key).find("_settings")) + " " + value);
  }
  for (const char* kind : {"ebs", "raid", "efs", "fsx", "queue"}) {
    for (const std::string& label : Labels(raw(c, (std::string(kind) + "_settings").c_str()))) {
      wanted.insert(std::string(kind) + " " + label);
      if (std::string(kind) != "queue") continue;
      for (const std::string& cr : Labels(raw("queue " + label, "compute_resource_settings"))) {
        wanted.insert("compute_resource " + cr);
      }
    }
  }
  std::vector<std::string> out;
  for (const auto& entry : ctx.document().root.entries) {
    if (wanted.count(entry.key) && entry.value.kind == model::NodeKind::kMapping) out.push_back(entry.key);
  }
  return out;
}

std::vector<KeyFate> BuildLedger(Context& ctx, const OutNode& root) {
  // Topmost pointers per key: a key that made a whole mapping is reported once, at its top.
  // The walk visits parents first, so a covering pointer is listed before what it covers; the
  // set answers "covered?" by ancestor lookups, linear in a list of 20,000 tags.
  std::map<KeyRef, std::vector<std::string>> pointers;
  std::map<KeyRef, std::unordered_set<std::string>> listed;
  WalkOut(root, [&](const std::string& pointer, const OutNode& node) {
    for (const KeyRef& origin : node.origins) {
      auto& seen = listed[origin];
      if (!CoveredBy(seen, pointer)) {
        pointers[origin].push_back(pointer);
        seen.insert(pointer);
      }
    }
  });
  const model::Node* defaults = ctx.document().root.Find("DEFAULT");
  std::set<std::string> read_sections = {"aws", "global", "aliases", ctx.cluster};
  for (const KeyRef& ref : ctx.read_keys()) read_sections.insert(ref.section);

  std::vector<KeyFate> out;
  for (const std::string& section : ReportedSections(ctx)) {
    const model::Node* node = ctx.document().root.Find(section);
    for (const model::MapEntry& entry : node->entries) {
      KeyFate fate;
      fate.section = section;
      fate.key = entry.key;
      fate.key_range = entry.key_range;
      const KeyRef ref{section, entry.key};
      const model::MapEntry* inherited_from =
          defaults && section != "DEFAULT" ? defaults->FindEntry(entry.key) : nullptr;
      const bool inherited = inherited_from && inherited_from->key_range == entry.key_range;
      if (section == "DEFAULT") {
        // Its options live on in the sections that inherit them.
        for (const auto& [other, list] : pointers) {
          if (other.key != entry.key || other.section == "DEFAULT") continue;
          const model::MapEntry* copy = ctx.Entry(other.section, other.key);
          if (copy && copy->key_range == entry.key_range) {
            fate.pointers.insert(fate.pointers.end(), list.begin(), list.end());
          }
        }
        fate.kind = fate.pointers.empty() ? KeyFate::Kind::kDropped : KeyFate::Kind::kConverted;
        if (fate.pointers.empty()) {
          fate.category = "inherited";
          fate.detail = "a [DEFAULT] option that no converted section uses";
        }
        out.push_back(std::move(fate));
        continue;
      }
      auto found = pointers.find(ref);
      if (found != pointers.end()) fate.pointers = found->second;
      auto drop = ctx.drops().find(ref);
      if (ctx.references().count(ref)) {
        fate.kind = KeyFate::Kind::kReference;
        fate.detail = Selects(entry.key, entry.value.text);
      } else if (!fate.pointers.empty()) {
        fate.kind = KeyFate::Kind::kConverted;
      } else if (drop != ctx.drops().end()) {
        fate.category = drop->second.category;
        fate.detail = drop->second.detail;
      } else if (!read_sections.count(section)) {
        fate.category = "ignored-section";
        fate.detail = "[" + section + "] is not used by this cluster (scheduler " + ctx.scheduler + ")";
      } else if (const Known* known = FindKnown(section, entry.key)) {
        if (entry.value.text.empty()) {
          fate.category = "placeholder";
          fate.detail = "an empty value means 'not set'";
        } else if (*known->category) {
          fate.category = known->category;
          fate.detail = known->detail;
        } else {
          fate.category = "not-applicable";
          fate.detail = "not used by this cluster's configuration";
        }
      } else if (inherited) {
        fate.category = "inherited";
        fate.detail = "a [DEFAULT] option that is not a setting of [" + section + "]";
      } else {
        fate.category = "unknown";
        fate.detail = "not a ParallelCluster 2 setting of a [" + TypeOf(section) + "] section";
        ctx.Report(ids::kUnknownV2Setting, entry.key_range,
                   entry.key + " is not a ParallelCluster 2 setting of [" + section + "]; it is left out (a typo?)",
                   section, entry.key);
      }
      out.push_back(std::move(fate));
    }
  }
  return out;
}

}  // namespace pcl::migrate
