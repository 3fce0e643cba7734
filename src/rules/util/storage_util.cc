// Helpers shared by the storage rules (PCL5xxx): lenient scalars, storage items, EBS volumes, releases.
#include "rules/util/storage_util.h"

#include <charconv>
#include <cmath>
#include <set>

#include "model/json_pointer.h"

namespace pcl::rules::storage {
namespace {

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

// The key of the settings block that belongs to each StorageType, and the key naming an existing resource.
struct TypeKeys {
  const char* type;
  const char* settings;
  const char* existing_id;
};
constexpr TypeKeys kTypes[] = {
    {"Ebs", "EbsSettings", "VolumeId"},
    {"Efs", "EfsSettings", "FileSystemId"},
    {"FsxLustre", "FsxLustreSettings", "FileSystemId"},
    {"FsxOpenZfs", "FsxOpenZfsSettings", nullptr},
    {"FsxOntap", "FsxOntapSettings", nullptr},
    {"FileCache", "FileCacheSettings", nullptr},
};

}  // namespace

std::optional<int64_t> AsInt(const model::Node* node) {
  if (!node) return std::nullopt;
  if (node->kind == model::NodeKind::kInt) return node->int_value;
  if (node->kind == model::NodeKind::kFloat && std::isfinite(node->float_value) &&
      std::fabs(node->float_value) < 9e18) {
    return static_cast<int64_t>(node->float_value);
  }
  if (node->kind == model::NodeKind::kString) {
    std::string text = Trim(node->text);
    if (!text.empty() && text[0] == '+') text.erase(0, 1);
    int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (!text.empty() && error == std::errc() && end == text.data() + text.size()) return value;
  }
  return std::nullopt;
}

std::optional<bool> AsBool(const model::Node* node) {
  if (!node) return std::nullopt;
  if (node->kind == model::NodeKind::kBool) return node->bool_value;
  if (node->kind == model::NodeKind::kInt && (node->int_value == 0 || node->int_value == 1)) {
    return node->int_value == 1;
  }
  if (node->kind != model::NodeKind::kString) return std::nullopt;
  // marshmallow's Boolean field accepts these spellings (lower, Title and UPPER case).
  static const std::set<std::string> kTrue = {"t", "T", "true", "True", "TRUE", "on", "On", "ON",
                                              "y", "Y", "yes", "Yes", "YES", "1"};
  static const std::set<std::string> kFalse = {"f", "F", "false", "False", "FALSE", "off", "Off", "OFF",
                                               "n", "N", "no", "No", "NO", "0"};
  if (kTrue.count(node->text)) return true;
  if (kFalse.count(node->text)) return false;
  return std::nullopt;
}

const model::Node* Child(const model::Node& mapping, std::string_view key) {
  const model::Node* child = mapping.kind == model::NodeKind::kMapping ? mapping.Find(key) : nullptr;
  return child && child->kind != model::NodeKind::kNull ? child : nullptr;
}

std::string AsString(const model::Node* node) {
  return node && node->kind == model::NodeKind::kString ? node->text : "";
}

std::vector<StorageItem> SharedStorageItems(const model::Node& root) {
  std::vector<StorageItem> items;
  const model::Node* list = root.Find("SharedStorage");
  if (!list || list->kind != model::NodeKind::kSequence) return items;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const model::Node& node = list->items[i];
    if (node.kind != model::NodeKind::kMapping) continue;
    StorageItem item;
    item.pointer = model::AppendPointer("/SharedStorage", i);
    item.node = &node;
    item.name = AsString(Child(node, "Name"));
    item.type = AsString(Child(node, "StorageType"));
    for (const TypeKeys& keys : kTypes) {
      if (item.type != keys.type) continue;
      item.settings_key = keys.settings;
      const model::Node* settings = node.Find(keys.settings);
      if (settings && settings->kind == model::NodeKind::kMapping) item.settings = settings;
      // OpenZFS, ONTAP and File Cache entries always name an existing volume or cache.
      item.existing = keys.existing_id == nullptr || (item.settings && Child(*item.settings, keys.existing_id));
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<EbsVolume> EbsVolumes(const model::Node& root) {
  std::vector<EbsVolume> volumes;
  const char* kRootVolume = "/HeadNode/LocalStorage/RootVolume";
  if (const model::Node* node = model::FindByPointer(root, kRootVolume);
      node && node->kind == model::NodeKind::kMapping) {
    volumes.push_back({kRootVolume, node, "the head node root volume", false, false});
  }
  if (const model::Node* queues = model::FindByPointer(root, "/Scheduling/SlurmQueues");
      queues && queues->kind == model::NodeKind::kSequence) {
    for (size_t i = 0; i < queues->items.size(); ++i) {
      std::string queue = model::AppendPointer("/Scheduling/SlurmQueues", i);
      std::string pointer = queue + "/ComputeSettings/LocalStorage/RootVolume";
      const model::Node* node = model::FindByPointer(root, pointer);
      if (!node || node->kind != model::NodeKind::kMapping) continue;
      std::string name = AsString(queues->items[i].kind == model::NodeKind::kMapping
                                      ? queues->items[i].Find("Name")
                                      : nullptr);
      volumes.push_back({pointer, node, "the root volume of queue '" + name + "'", false, false});
    }
  }
  for (const StorageItem& item : SharedStorageItems(root)) {
    if (item.type != "Ebs" || !item.settings) continue;
    volumes.push_back({item.SettingsPointer(), item.settings, "shared storage '" + item.name + "'", true,
                       item.existing});
  }
  return volumes;
}

std::string EbsVolumeType(const model::Node& settings) {
  const model::Node* type = Child(settings, "VolumeType");
  if (!type) return "gp3";
  return AsString(type);
}

std::optional<int64_t> EbsSizeGiB(const EbsVolume& volume, int target_minor) {
  if (const model::Node* size = Child(*volume.node, "Size")) return AsInt(size);
  if (!volume.shared) return std::nullopt;
  return target_minor >= 7 ? 40 : 35;
}

std::optional<int64_t> EbsIops(const model::Node& settings, const std::string& volume_type) {
  if (const model::Node* iops = Child(settings, "Iops")) return AsInt(iops);
  if (volume_type == "gp3") return 3000;
  if (volume_type == "io1" || volume_type == "io2") return 100;
  return std::nullopt;
}

int TargetMinor(const std::string& version) {
  if (version.rfind("3.", 0) != 0) return 99;
  int minor = 0;
  auto [end, error] = std::from_chars(version.data() + 2, version.data() + version.size(), minor);
  return error == std::errc() ? minor : 99;
}

std::string NormalizedMountDir(const std::string& dir) {
  return !dir.empty() && dir[0] == '/' ? dir : "/" + dir;
}

}  // namespace pcl::rules::storage
