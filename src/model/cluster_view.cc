// Builds the typed cluster view from the document tree, reading values as ParallelCluster does.
#include "model/cluster_view.h"

#include <algorithm>

namespace pcl::model {
namespace {

// The key of the settings block that belongs to each StorageType, and the key naming an existing resource.
struct TypeKeys {
  const char* type;
  const char* settings;
  const char* existing_id;
};
constexpr TypeKeys kStorageTypes[] = {
    {"Ebs", "EbsSettings", "VolumeId"},
    {"Efs", "EfsSettings", "FileSystemId"},
    {"FsxLustre", "FsxLustreSettings", "FileSystemId"},
    {"FsxOpenZfs", "FsxOpenZfsSettings", nullptr},
    {"FsxOntap", "FsxOntapSettings", nullptr},
    {"FileCache", "FileCacheSettings", nullptr},
};

PlacementGroup ChoosePlacementGroup(const Ref& queue, const Ref& resource) {
  PlacementGroup choice;
  // A compute-resource-level group overrides the queue's whenever it is written at all.
  choice.block = resource.At("Networking/PlacementGroup");
  if (!choice.block.written()) choice.block = queue.At("Networking/PlacementGroup");
  if (!choice.block.IsMapping()) return choice;
  const bool named = !choice.block.At("Name").Text().empty() || !choice.block.At("Id").Text().empty();
  const Ref enabled = choice.block.At("Enabled");
  choice.disabled = enabled.IsFalse();
  choice.used = named || enabled.IsTrue();
  return choice;
}

Queue ReadQueue(const Ref& ref, bool slurm) {
  Queue queue;
  queue.ref = ref;
  queue.slurm = slurm;
  queue.name = ref.At("Name").Text();
  queue.capacity_type = ref.At("CapacityType").Text();
  queue.subnet_ids = ref.At("Networking/SubnetIds");
  for (const Ref& subnet : queue.subnet_ids.Items()) {
    const std::string id = subnet.String();
    if (subnet.IsString() &&
        std::find(queue.distinct_subnets.begin(), queue.distinct_subnets.end(), id) == queue.distinct_subnets.end()) {
      queue.distinct_subnets.push_back(id);
    }
  }
  for (const Ref& item : ref.At("ComputeResources").MappingItems()) {
    ComputeResource resource;
    resource.ref = item;
    resource.name = item.At("Name").Text();
    if (Ref type = item.At("InstanceType"); type.written() && type.node()->IsScalar()) {
      resource.instance_types.push_back(type);
    }
    resource.instances = item.At("Instances");
    for (const Ref& instance : resource.instances.Items()) {
      if (Ref type = instance.At("InstanceType"); type.written() && type.node()->IsScalar()) {
        resource.instance_types.push_back(type);
      }
    }
    resource.min_count = item.At("MinCount").Int();
    resource.max_count = item.At("MaxCount").Int();
    if (slurm) resource.placement_group = ChoosePlacementGroup(ref, item);
    queue.compute_resources.push_back(std::move(resource));
  }
  return queue;
}

StorageItem ReadStorageItem(const Ref& ref) {
  StorageItem item;
  item.ref = ref;
  item.name = ref.At("Name").String();
  item.type = ref.At("StorageType").String();
  for (const TypeKeys& keys : kStorageTypes) {
    if (item.type != keys.type) continue;
    item.settings_key = keys.settings;
    if (Ref settings = ref.At(keys.settings); settings.IsMapping()) item.settings = settings;
    // OpenZFS, ONTAP and File Cache entries always name an existing volume or cache.
    item.existing = keys.existing_id == nullptr || item.Setting(keys.existing_id).present();
  }
  return item;
}

}  // namespace

std::vector<std::string> ComputeResource::InstanceTypeNames() const {
  std::vector<std::string> names;
  for (const Ref& type : instance_types) names.push_back(type.Text());
  return names;
}

Ref StorageItem::Setting(std::string_view key) const {
  Ref child = settings.At(key);
  return child.present() ? child : Ref(child.pointer(), nullptr);
}

std::string EbsVolume::VolumeType() const {
  const Ref type = settings.At("VolumeType");
  return type.present() ? type.String() : "gp3";
}

std::optional<int64_t> EbsVolume::SizeGiB(core::Release target) const {
  if (const Ref size = settings.At("Size"); size.present()) return size.Int();
  if (!shared) return std::nullopt;
  return target >= core::Release(3, 7) ? 40 : 35;
}

std::optional<int64_t> EbsVolume::Iops(const std::string& volume_type) const {
  if (const Ref iops = settings.At("Iops"); iops.present()) return iops.Int();
  if (volume_type == "gp3") return 3000;
  if (volume_type == "io1" || volume_type == "io2") return 100;
  return std::nullopt;
}

ClusterView::ClusterView(const Node& node) : root("", &node) {
  head_node = root.At("HeadNode");
  login_pools = root.At("LoginNodes/Pools").MappingItems();
  scheduler = root.At("Scheduling/Scheduler").Text();
  for (const Ref& queue : root.At("Scheduling/SlurmQueues").MappingItems()) {
    slurm_queues.push_back(ReadQueue(queue, true));
  }
  for (const Ref& queue : root.At("Scheduling/AwsBatchQueues").MappingItems()) {
    batch_queues.push_back(ReadQueue(queue, false));
  }
  for (const Ref& item : root.At("SharedStorage").MappingItems()) shared_storage.push_back(ReadStorageItem(item));
  os = root.At("Image/Os").String();

  if (Ref volume = head_node.At("LocalStorage/RootVolume"); volume.IsMapping()) {
    ebs_volumes.push_back({volume, "the head node root volume", false, false});
  }
  for (const Queue& queue : slurm_queues) {
    if (Ref volume = queue.ref.At("ComputeSettings/LocalStorage/RootVolume"); volume.IsMapping()) {
      ebs_volumes.push_back({volume, "the root volume of queue '" + queue.ref.At("Name").String() + "'", false, false});
    }
  }
  for (const StorageItem& item : shared_storage) {
    if (item.type != "Ebs" || !item.settings.written()) continue;
    ebs_volumes.push_back({item.settings, "shared storage '" + item.name + "'", true, item.existing});
  }
}

std::vector<Ref> ClusterView::AllowedIps() const {
  std::vector<Ref> owners = {head_node};
  owners.insert(owners.end(), login_pools.begin(), login_pools.end());
  std::vector<Ref> out;
  for (const Ref& owner : owners) {
    for (const char* service : {"Ssh/AllowedIps", "Dcv/AllowedIps"}) {
      if (Ref value = owner.At(service); value.IsString()) out.push_back(std::move(value));
    }
  }
  return out;
}

std::string NormalizedMountDir(const std::string& dir) {
  return !dir.empty() && dir[0] == '/' ? dir : "/" + dir;
}

}  // namespace pcl::model
