// SharedStorage: [ebs] (or the default /shared volume), [raid], [efs] and [fsx] sections.
#include <cmath>

#include "generated/ids/migration.h"
#include "migrate/translators.h"

namespace pcl::migrate {
namespace {

enum class Read { kStr, kInt, kBool };

struct Item {
  const char* v2;
  const char* v3;
  Read read = Read::kStr;
};

OutNode ReadItem(Context& ctx, const std::string& section, const Item& item) {
  switch (item.read) {
    case Read::kInt: return ctx.Int(section, item.v2);
    case Read::kBool: return ctx.Bool(section, item.v2);
    case Read::kStr: break;
  }
  return ctx.Str(section, item.v2);
}

// A labelled entry: Name, StorageType, MountDir, then the settings mapping. Returns false (and
// reports) when the section is missing or lacks what v2 needed to create the storage.
struct Entry {
  OutNode node = OutNode::Map();
  OutNode settings = OutNode::Map();
  std::string section;
};

std::optional<Entry> Begin(Context& ctx, const std::string& kind, const std::string& label, const char* storage_type,
                           bool needs_shared_dir) {
  const std::string& c = ctx.cluster;
  const std::string setting = kind + "_settings";
  Entry entry;
  entry.section = kind + " " + label;
  if (!ctx.HasSection(entry.section)) {
    ctx.Report(ids::kStorageSectionIncomplete, ctx.ValueRange(c, setting),
               setting + " lists '" + label + "' but the file has no [" + entry.section + "] section", c, setting);
    return std::nullopt;
  }
  entry.node.Set("Name", Context::Made(OutNode::String(label), {{c, setting}}));
  entry.node.Set("StorageType", OutNode::String(storage_type));
  OutNode mount = ctx.Str(entry.section, "shared_dir");
  if (needs_shared_dir && (mount.kind == OutNode::Kind::kNull || mount.str.empty())) {
    // v2 created the file system only when shared_dir was set; v3 requires MountDir.
    ctx.Report(ids::kStorageSectionIncomplete, ctx.SectionRange(entry.section),
               "[" + entry.section +
                   "] has no shared_dir; ParallelCluster 2 mounted nothing "
                   "without it and v3 requires MountDir: set shared_dir or remove '" +
                   label + "' from " + setting,
               entry.section, "shared_dir");
  }
  entry.node.SetIf("MountDir", std::move(mount));
  return entry;
}

void Finish(Entry& entry, const char* settings_key, OutNode& list) {
  entry.node.SetIf(settings_key, std::move(entry.settings));
  list.Append(std::move(entry.node));
}

// Options that v2 ignored (existing file system) or that v3 forbids (restore from backup).
void DropOptions(Context& ctx, Entry& entry, const std::vector<Item>& items, const char* because,
                 const std::string& detail) {
  std::string dropped;
  for (const Item& item : items) {
    if (!entry.settings.Remove(item.v3)) continue;
    dropped += std::string(dropped.empty() ? "" : ", ") + item.v2;
    ctx.Drop(entry.section, item.v2, "ignored-by-v2", detail);
  }
  if (dropped.empty()) return;
  ctx.Report(ids::kExistingFilesystemOptions, ctx.KeyRange(entry.section, because),
             "[" + entry.section + "] sets " + because + ", so " + dropped + " is left out: " + detail, entry.section,
             because);
}

// v2 created gp2 volumes by default, v3 creates gp3 ones.
void NoteVolumeType(Context& ctx, const Entry& entry) {
  if (entry.settings.Find("VolumeType") || entry.settings.Find("VolumeId") || entry.settings.Find("SnapshotId")) {
    return;
  }
  ctx.Report(ids::kV3DefaultDiffers, ctx.SectionRange(entry.section),
             "[" + entry.section +
                 "] sets no volume_type: ParallelCluster 2 created gp2 volumes, v3 "
                 "creates gp3 ones (set EbsSettings/VolumeType: gp2 to keep gp2)",
             entry.section);
}

void ConvertEbs(Context& ctx, OutNode& list) {
  const std::string& c = ctx.cluster;
  auto settings = ctx.ClusterTruthy("ebs_settings");
  auto cluster_dir = ctx.ClusterTruthy("shared_dir");
  if (!settings) {
    OutNode mount = cluster_dir ? ctx.Str(c, "shared_dir") : OutNode::String("/shared");
    OutNode entry = OutNode::Map();
    entry.Set("MountDir", std::move(mount));
    entry.Set("Name", OutNode::String("default-ebs"));
    entry.Set("StorageType", OutNode::String("Ebs"));
    list.Append(std::move(entry));
    return;
  }
  ctx.Reference(c, "ebs_settings");
  const std::vector<std::string> labels = Labels(*settings);
  static const std::vector<Item> kItems = {{"volume_type", "VolumeType"},
                                           {"volume_size", "Size", Read::kInt},
                                           {"volume_iops", "Iops", Read::kInt},
                                           {"ebs_snapshot_id", "SnapshotId"},
                                           {"ebs_kms_key_id", "KmsKeyId"},
                                           {"ebs_volume_id", "VolumeId"},
                                           {"volume_throughput", "Throughput", Read::kInt}};
  for (const std::string& label : labels) {
    const bool single = labels.size() == 1;
    auto entry = Begin(ctx, "ebs", label, "Ebs", !single);
    if (!entry) continue;
    if (single && !entry->node.Find("MountDir")) {
      // v2 mounted a single volume at the [ebs] shared_dir, else the cluster's, else /shared.
      entry->node.Set("MountDir", cluster_dir ? ctx.Str(c, "shared_dir") : Context::Made(OutNode::String("/shared")));
    } else if (single && cluster_dir) {
      ctx.Drop(c, "shared_dir", "not-applicable",
               "[" + entry->section + "] sets its own shared_dir, which v2 used instead");
    }
    entry->settings.SetIf("Encrypted", ctx.Bool(entry->section, "encrypted"));
    for (const Item& item : kItems) entry->settings.SetIf(item.v3, ReadItem(ctx, entry->section, item));
    NoteVolumeType(ctx, *entry);
    Finish(*entry, "EbsSettings", list);
  }
  if (labels.size() > 1 && cluster_dir) {
    ctx.Drop(c, "shared_dir", "not-applicable", "with several [ebs] sections v2 used each section's own shared_dir");
  }
}

// v2 built a RAID array only from a [raid] section with raid_type; without it nothing was
// created. The section is left out (and said so), rather than becoming a RAID v3 rejects, or a
// volume v2 never had (what the official converter writes).
bool RaidWithoutType(const Context& ctx, const std::string& label) {
  return ctx.HasSection("raid " + label) && !ctx.Entry("raid " + label, "raid_type");
}

void SkipRaid(Context& ctx, const std::string& label) {
  const std::string section = "raid " + label;
  const std::string why = "[" + section + "] has no raid_type, so ParallelCluster 2 built nothing from it";
  if (const model::Node* node = ctx.document().root.Find(section)) {
    for (const model::MapEntry& option : node->entries) ctx.Drop(section, option.key, "ignored-by-v2", why);
  }
  ctx.Report(ids::kRaidWithoutRaidType, ctx.SectionRange(section),
             why + "; it is left out of SharedStorage (set raid_type = 0 or 1 to create the RAID array in v3)",
             section);
}

void ConvertRaid(Context& ctx, OutNode& list) {
  auto settings = ctx.ClusterTruthy("raid_settings");
  if (!settings) return;
  const std::vector<std::string> labels = Labels(*settings);
  bool any_built = false;
  for (const std::string& label : labels) {
    if (RaidWithoutType(ctx, label)) {
      SkipRaid(ctx, label);
    } else {
      any_built = true;
    }
  }
  if (!any_built) {
    ctx.Drop(ctx.cluster, "raid_settings", "ignored-by-v2", "its [raid] section has no raid_type");
    return;
  }
  ctx.Reference(ctx.cluster, "raid_settings");
  static const std::vector<Item> kItems = {{"volume_type", "VolumeType"},
                                           {"volume_size", "Size", Read::kInt},
                                           {"volume_iops", "Iops", Read::kInt},
                                           {"ebs_kms_key_id", "KmsKeyId"},
                                           // The official converter writes "Throughout", which v3 rejects.
                                           {"volume_throughput", "Throughput", Read::kInt}};
  for (const std::string& label : labels) {
    if (RaidWithoutType(ctx, label)) continue;
    auto entry = Begin(ctx, "raid", label, "Ebs", true);
    if (!entry) continue;
    entry->settings.SetIf("Encrypted", ctx.Bool(entry->section, "encrypted"));
    for (const Item& item : kItems) entry->settings.SetIf(item.v3, ReadItem(ctx, entry->section, item));
    OutNode raid = OutNode::Map();
    raid.SetIf("NumberOfVolumes", ctx.Int(entry->section, "num_of_raid_volumes"));
    raid.SetIf("Type", ctx.Int(entry->section, "raid_type"));
    entry->settings.SetIf("Raid", std::move(raid));
    NoteVolumeType(ctx, *entry);
    Finish(*entry, "EbsSettings", list);
  }
}

void ConvertEfs(Context& ctx, OutNode& list) {
  auto settings = ctx.ClusterTruthy("efs_settings");
  if (!settings) return;
  ctx.Reference(ctx.cluster, "efs_settings");
  static const std::vector<Item> kCreation = {{"encrypted", "Encrypted"},
                                              {"performance_mode", "PerformanceMode"},
                                              {"efs_kms_key_id", "KmsKeyId"},
                                              {"provisioned_throughput", "ProvisionedThroughput"},
                                              {"throughput_mode", "ThroughputMode"}};
  for (const std::string& label : Labels(*settings)) {
    auto entry = Begin(ctx, "efs", label, "Efs", true);
    if (!entry) continue;
    const std::string& s = entry->section;
    OutNode& out = entry->settings;
    out.SetIf("Encrypted", ctx.Bool(s, "encrypted"));
    out.SetIf("PerformanceMode", ctx.Str(s, "performance_mode"));
    out.SetIf("FileSystemId", ctx.Str(s, "efs_fs_id"));
    out.SetIf("KmsKeyId", ctx.Str(s, "efs_kms_key_id"));
    // v2 declared provisioned_throughput a float (0.0-1024.0); v3 takes whole MiB/s.
    if (auto throughput = ctx.GetFloat(s, "provisioned_throughput")) {
      if (*throughput == std::floor(*throughput) && std::fabs(*throughput) < 1e15) {
        OutNode value = OutNode::Int(static_cast<int64_t>(*throughput));
        value.user_value = true;
        value.origins.push_back({s, "provisioned_throughput"});
        out.Set("ProvisionedThroughput", std::move(value));
      } else {
        ctx.Report(ids::kWrongValueType, ctx.ValueRange(s, "provisioned_throughput"),
                   "provisioned_throughput in [" + s +
                       "] must be a whole number of MiB/s for "
                       "ParallelCluster 3 (EfsSettings/ProvisionedThroughput is an integer)",
                   s, "provisioned_throughput");
      }
    }
    out.SetIf("ThroughputMode", ctx.Str(s, "throughput_mode"));
    out.SetIf("AccessPointId", ctx.Str(s, "access_point_id"));
    if (out.Find("FileSystemId")) {
      DropOptions(ctx, *entry, kCreation, "efs_fs_id",
                  "it applies to a new file system only, and v2 ignored it next to efs_fs_id");
    }
    Finish(*entry, "EfsSettings", list);
  }
}

void ConvertFsx(Context& ctx, OutNode& list) {
  auto settings = ctx.ClusterTruthy("fsx_settings");
  if (!settings) return;
  ctx.Reference(ctx.cluster, "fsx_settings");
  static const std::vector<Item> kItems = {
      {"auto_import_policy", "AutoImportPolicy"},
      {"fsx_fs_id", "FileSystemId"},
      {"fsx_kms_key_id", "KmsKeyId"},
      {"storage_capacity", "StorageCapacity", Read::kInt},
      {"deployment_type", "DeploymentType"},
      {"storage_type", "StorageType"},
      {"imported_file_chunk_size", "ImportedFileChunkSize", Read::kInt},
      {"data_compression_type", "DataCompressionType"},
      {"export_path", "ExportPath"},
      {"import_path", "ImportPath"},
      {"weekly_maintenance_start_time", "WeeklyMaintenanceStartTime"},
      {"automatic_backup_retention_days", "AutomaticBackupRetentionDays", Read::kInt},
      {"copy_tags_to_backups", "CopyTagsToBackups", Read::kBool},
      {"daily_automatic_backup_start_time", "DailyAutomaticBackupStartTime"},
      {"per_unit_storage_throughput", "PerUnitStorageThroughput", Read::kInt},
      {"fsx_backup_id", "BackupId"},
      {"drive_cache_type", "DriveCacheType"}};
  static const std::vector<Item> kFromBackup = {
      {"deployment_type", "DeploymentType"},   {"per_unit_storage_throughput", "PerUnitStorageThroughput"},
      {"storage_capacity", "StorageCapacity"}, {"import_path", "ImportPath"},
      {"export_path", "ExportPath"},           {"imported_file_chunk_size", "ImportedFileChunkSize"},
      {"fsx_kms_key_id", "KmsKeyId"}};
  for (const std::string& label : Labels(*settings)) {
    auto entry = Begin(ctx, "fsx", label, "FsxLustre", true);
    if (!entry) continue;
    for (const Item& item : kItems) entry->settings.SetIf(item.v3, ReadItem(ctx, entry->section, item));
    if (entry->settings.Find("FileSystemId")) {
      std::vector<Item> others;
      for (const Item& item : kItems) {
        if (std::string(item.v2) != "fsx_fs_id") others.push_back(item);
      }
      DropOptions(ctx, *entry, others, "fsx_fs_id",
                  "it applies to a new file system only, and v2 ignored it next to fsx_fs_id");
    } else if (entry->settings.Find("BackupId")) {
      DropOptions(ctx, *entry, kFromBackup, "fsx_backup_id",
                  "the backup provides it, and v3 rejects it next to BackupId");
    }
    Finish(*entry, "FsxLustreSettings", list);
  }
}

}  // namespace

void ConvertSharedStorage(Context& ctx, OutNode& root) {
  OutNode list = OutNode::Seq();
  ConvertEbs(ctx, list);
  ConvertRaid(ctx, list);
  ConvertEfs(ctx, list);
  ConvertFsx(ctx, list);
  root.SetIf("SharedStorage", std::move(list));
}

}  // namespace pcl::migrate
