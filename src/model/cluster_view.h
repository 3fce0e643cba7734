// The typed cluster view every rule reads: head node, login pools, queues, compute resources, storage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/release.h"
#include "model/ref.h"

namespace pcl::model {

/// The placement group that applies to a compute resource, as ParallelCluster chooses it: the compute
/// resource's own Networking.PlacementGroup when written at all, else the queue's.
struct PlacementGroup {
  Ref block;              ///< that PlacementGroup entry (absent when neither level writes one)
  bool used = false;      ///< Enabled: true, or a Name/Id: instances launch in a group
  bool disabled = false;  ///< Enabled: false
};

/// A compute resource of a Slurm or AWS Batch queue.
struct ComputeResource {
  Ref ref;
  std::string name;  ///< Name as written, "" when missing
  /// Every instance type named: InstanceType, then each Instances[].InstanceType (flexible), as scalars.
  std::vector<Ref> instance_types;
  Ref instances;                     ///< the flexible Instances list (absent with a single InstanceType)
  std::optional<int64_t> min_count;  ///< MinCount as written (read as the loader reads it)
  std::optional<int64_t> max_count;  ///< MaxCount as written
  PlacementGroup placement_group;    ///< Slurm compute resources only

  /// ParallelCluster's defaults for Slurm compute resources: MinCount 0, MaxCount 10.
  int64_t MinCount() const { return min_count.value_or(0); }
  int64_t MaxCount() const { return max_count.value_or(10); }
  /// The instance type names, in the order written.
  std::vector<std::string> InstanceTypeNames() const;
};

/// A Slurm queue or an AWS Batch queue.
struct Queue {
  Ref ref;
  std::string name;                                ///< Name as written, "" when missing
  bool slurm = true;                               ///< false for Scheduling.AwsBatchQueues
  std::string capacity_type;                       ///< CapacityType as written ("" when missing)
  Ref subnet_ids;                                  ///< Networking.SubnetIds
  std::vector<std::string> distinct_subnets;       ///< the distinct subnet ID strings, in order
  std::vector<ComputeResource> compute_resources;  ///< the items that are mappings
};

/// One SharedStorage item, with the settings block that belongs to its StorageType.
struct StorageItem {
  Ref ref;                   ///< /SharedStorage/N
  std::string name;          ///< Name (a string), "" otherwise
  std::string type;          ///< StorageType (a string), "" otherwise
  std::string settings_key;  ///< EbsSettings, EfsSettings, … for `type`; "" for an unknown type
  Ref settings;              ///< that block when it is a mapping, else absent
  bool existing = false;     ///< mounts an existing volume or file system (VolumeId, FileSystemId …)

  std::string SettingsPointer() const { return ref.pointer() + "/" + settings_key; }
  /// The settings child `key` when written and not null, else absent.
  Ref Setting(std::string_view key) const;
};

/// An EBS volume the cluster creates or mounts: a shared Ebs item's EbsSettings or a root volume.
struct EbsVolume {
  Ref settings;           ///< EbsSettings or RootVolume mapping
  std::string label;      ///< "shared storage 'data'", "the head node root volume", …
  bool shared = false;    ///< a SharedStorage volume (has a default size)
  bool existing = false;  ///< shared volume given by VolumeId

  /// VolumeType, default gp3; "" when VolumeType is not a string.
  std::string VolumeType() const;
  /// Size in GiB: Size, or for shared volumes the release's default (40, 35 before 3.7); nullopt
  /// for a root volume without Size (the AMI decides) or a Size that is not a number.
  std::optional<int64_t> SizeGiB(core::Release target) const;
  /// Iops, or the type's default (gp3 3000, io1/io2 100); nullopt for other types.
  std::optional<int64_t> Iops(const std::string& volume_type) const;
};

/// The cluster as ParallelCluster reads it, built once per document and shared by every rule.
/// Items of the wrong shape (a queue that is a string) are left out: the schema check reports them.
class ClusterView {
 public:
  explicit ClusterView(const Node& root);

  Ref root;
  Ref head_node;
  std::vector<Ref> login_pools;  ///< LoginNodes.Pools items that are mappings
  std::string scheduler;         ///< Scheduling.Scheduler as written
  std::vector<Queue> slurm_queues;
  std::vector<Queue> batch_queues;
  std::vector<StorageItem> shared_storage;
  std::vector<EbsVolume> ebs_volumes;  ///< head node root volume, queue root volumes, shared Ebs
  std::string os;                      ///< Image.Os (a string), "" otherwise

  /// Every AllowedIps string: HeadNode and LoginNodes.Pools[], under Ssh and Dcv.
  std::vector<Ref> AllowedIps() const;
};

/// A mount dir as the cookbook mounts it: with a leading '/'.
std::string NormalizedMountDir(const std::string& dir);

}  // namespace pcl::model
