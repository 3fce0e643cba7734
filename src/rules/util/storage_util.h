// Helpers shared by the storage rules (PCL5xxx): lenient scalars, storage items, EBS volumes, releases.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"

namespace pcl::rules::storage {

/// An integer read as leniently as the official loader reads it: ints, floats (truncated) and
/// numeric strings; nullopt for anything else, so rules stay quiet where the schema check speaks.
std::optional<int64_t> AsInt(const model::Node* node);
/// A boolean read leniently (true/yes/on/1 and their string forms); nullopt when absent or not one.
std::optional<bool> AsBool(const model::Node* node);
/// The child `key` of a mapping, or nullptr when absent or null (an explicit null means "not given";
/// the schema check reports it).
const model::Node* Child(const model::Node& mapping, std::string_view key);
/// The text of a string scalar, "" for anything else (absent keys included).
std::string AsString(const model::Node* node);

/// One SharedStorage item, with the settings block that belongs to its StorageType.
struct StorageItem {
  std::string pointer;                   ///< /SharedStorage/N
  const model::Node* node = nullptr;     ///< the item mapping
  std::string name;                      ///< Name, "" when missing
  std::string type;                      ///< StorageType, "" when missing
  std::string settings_key;              ///< EbsSettings, EfsSettings, … for `type`
  const model::Node* settings = nullptr; ///< that block, or nullptr when absent
  bool existing = false;                 ///< mounts an existing volume/file system (VolumeId, FileSystemId …)

  std::string SettingsPointer() const { return pointer + "/" + settings_key; }
  /// The settings child `key`, or nullptr.
  const model::Node* Setting(std::string_view key) const { return settings ? Child(*settings, key) : nullptr; }
};

/// The SharedStorage items that are mappings, in file order.
std::vector<StorageItem> SharedStorageItems(const model::Node& root);

/// An EBS volume the cluster creates: a shared Ebs item's EbsSettings or a root volume.
struct EbsVolume {
  std::string pointer;                ///< of the settings mapping
  const model::Node* node = nullptr;  ///< EbsSettings or RootVolume mapping
  std::string label;                  ///< "shared storage 'data'", "the head node root volume", …
  bool shared = false;                ///< a SharedStorage volume (has a default size)
  bool existing = false;              ///< shared volume given by VolumeId
};

/// Every EBS settings mapping present in the file: shared Ebs items, head node and queue root volumes.
std::vector<EbsVolume> EbsVolumes(const model::Node& root);

/// The EBS volume type that applies (VolumeType, default gp3); "" when VolumeType is not a string.
std::string EbsVolumeType(const model::Node& settings);

/// The size in GiB that applies: Size, or for shared volumes the release's default (40, 35 before 3.7);
/// nullopt for a root volume without Size (the AMI decides).
std::optional<int64_t> EbsSizeGiB(const EbsVolume& volume, int target_minor);
/// The IOPS that apply: Iops, or the type's default (gp3 3000, io1/io2 100); nullopt for other types.
std::optional<int64_t> EbsIops(const model::Node& settings, const std::string& volume_type);

/// The minor release N of a target version "3.N"; 99 when it cannot be read (newest behaviour).
int TargetMinor(const std::string& version);

/// A mount dir as the cookbook mounts it: with a leading '/'.
std::string NormalizedMountDir(const std::string& dir);

}  // namespace pcl::rules::storage
