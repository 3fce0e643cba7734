// Mount directories as ParallelCluster compares them (see mount_dirs.h).
#include "rules/util/mount_dirs.h"

#include <map>
#include <set>

#include "core/instance_types.h"
#include "rules/util/compute_facts.h"

namespace pcl::rules {

bool MountDirInside(const std::string& inner, const std::string& outer) {
  return inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 && inner[outer.size()] == '/';
}

std::vector<SharedMount> SharedMounts(const model::ClusterView& cluster) {
  std::vector<SharedMount> mounts;
  for (const model::StorageItem& item : cluster.shared_storage) {
    const model::Ref mount_dir = item.ref.At("MountDir");
    if (mount_dir.IsString()) mounts.push_back({&item, mount_dir, model::NormalizedMountDir(mount_dir.String())});
  }
  return mounts;
}

std::vector<EphemeralMount> EphemeralMounts(const model::ClusterView& cluster) {
  std::map<std::string, std::set<std::string>> types_of;
  auto add = [&](const model::Ref& local_storage, const std::vector<std::string>& types) {
    if (types.empty()) return;
    const std::string written = local_storage.At("EphemeralVolume/MountDir").String();
    std::set<std::string>& into = types_of[written.empty() ? "/scratch" : written];
    into.insert(types.begin(), types.end());
  };
  auto with_storage = [](const std::string& name) {
    const core::InstanceFacts* facts = core::FindInstanceType(name);
    return facts && facts->instance_storage_gb > 0;
  };
  const std::string head_type = cluster.head_node.At("InstanceType").String();
  if (with_storage(head_type)) add(cluster.head_node.At("LocalStorage"), {head_type});
  if (cluster.scheduler == "slurm") {
    for (const model::Queue& queue : cluster.slurm_queues) {
      std::vector<std::string> types;
      for (const model::ComputeResource& resource : queue.compute_resources) {
        for (const NamedInstanceType& type : TypesWithFacts(resource)) {
          if (type.facts->instance_storage_gb > 0) types.push_back(type.name);
        }
      }
      add(queue.ref.At("ComputeSettings/LocalStorage"), types);
    }
  }
  std::vector<EphemeralMount> mounts;
  for (const auto& entry : types_of) mounts.push_back({entry.first, {entry.second.begin(), entry.second.end()}});
  return mounts;
}

}  // namespace pcl::rules
