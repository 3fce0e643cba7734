// The instance types a config names, looked up in the offline EC2 table.
#include "rules/util/instance_facts.h"

#include <algorithm>
#include <map>
#include <set>

namespace pcl::rules {
namespace {

NamedInstanceType Named(const model::Ref& ref) {
  std::string name = ref.Text();
  const core::InstanceFacts* facts = core::FindInstanceType(name);
  return {ref, std::move(name), facts};
}

bool IsScalar(const model::Ref& ref) {
  return ref.present() && ref.node()->IsScalar();
}

}  // namespace

std::vector<NamedInstanceType> InstanceTypesOf(const model::Queue& queue, const model::ComputeResource& resource) {
  std::vector<NamedInstanceType> out;
  if (queue.slurm) {
    for (const model::Ref& ref : resource.instance_types) out.push_back(Named(ref));
  } else {
    for (const model::Ref& ref : resource.ref.At("InstanceTypes").Items()) {
      if (IsScalar(ref)) out.push_back(Named(ref));
    }
  }
  return out;
}

std::vector<NamedInstanceType> TypesWithFacts(const model::ComputeResource& resource) {
  std::vector<NamedInstanceType> out;
  for (const model::Ref& ref : resource.instance_types) out.push_back(Named(ref));
  return WithFacts(out);
}

std::vector<NamedInstanceType> WithFacts(const std::vector<NamedInstanceType>& types) {
  std::vector<NamedInstanceType> out;
  for (const NamedInstanceType& type : types) {
    if (type.facts) out.push_back(type);
  }
  return out;
}

std::vector<const core::InstanceFacts*> FactsOfAll(const std::vector<NamedInstanceType>& types) {
  std::vector<const core::InstanceFacts*> out;
  for (const NamedInstanceType& type : types) {
    if (!type.facts) return {};
    out.push_back(type.facts);
  }
  return out;
}

std::vector<std::string> TypesWithoutEfa(const std::vector<NamedInstanceType>& types) {
  std::vector<std::string> out;
  for (const NamedInstanceType& type : types) {
    if (type.facts && !type.facts->efa_supported) out.push_back(type.name);
  }
  return out;
}

std::vector<InstanceTypePlace> AllInstanceTypePlaces(const model::ClusterView& cluster) {
  std::vector<InstanceTypePlace> out;
  auto add = [&](const model::Ref& ref) {
    if (IsScalar(ref)) out.push_back({Named(ref), false});
  };
  add(cluster.head_node.At("InstanceType"));
  for (const model::Ref& pool : cluster.login_pools) add(pool.At("InstanceType"));
  for (const auto* queues : {&cluster.slurm_queues, &cluster.batch_queues}) {
    for (const model::Queue& queue : *queues) {
      for (const model::ComputeResource& resource : queue.compute_resources) {
        for (NamedInstanceType& type : InstanceTypesOf(queue, resource)) out.push_back({type, !queue.slurm});
      }
    }
  }
  return out;
}

bool IsBatchFamily(std::string_view name) {
  if (name.empty() || name.find('.') != std::string_view::npos) return false;
  const std::string prefix = std::string(name) + ".";
  auto all = core::AllInstanceTypes();
  // Sorted by name: the first name not before the prefix starts with it when any does.
  auto it = std::lower_bound(all.begin(), all.end(), prefix,
                             [](const core::InstanceFacts& facts, const std::string& key) { return facts.name < key; });
  return it != all.end() && it->name.substr(0, prefix.size()) == prefix;
}

std::optional<core::Architecture> NodeArchitecture(const core::InstanceFacts& facts) {
  if (facts.architectures & core::kX86_64) return core::kX86_64;
  if (facts.architectures & core::kArm64) return core::kArm64;
  return std::nullopt;
}

std::optional<core::Architecture> HeadNodeArchitecture(const model::ClusterView& cluster) {
  const model::Ref type = cluster.head_node.At("InstanceType");
  if (!type.IsString()) return std::nullopt;
  const core::InstanceFacts* facts = core::FindInstanceType(type.String());
  return facts ? NodeArchitecture(*facts) : std::nullopt;
}

std::string_view ArchitectureName(core::Architecture architecture) {
  switch (architecture) {
    case core::kX86_64: return "x86_64";
    case core::kArm64: return "arm64";
    case core::kI386: return "i386";
    case core::kX86_64Mac: return "x86_64_mac";
    case core::kArm64Mac: return "arm64_mac";
  }
  return "";
}

std::string ArchitectureList(uint8_t architectures) {
  std::string out;
  for (core::Architecture architecture : {core::kX86_64, core::kArm64}) {
    if (!(architectures & architecture)) continue;
    out += (out.empty() ? "'" : ", '") + std::string(ArchitectureName(architecture)) + "'";
  }
  return "[" + out + "]";
}

std::string JoinDistinct(const std::vector<std::string>& names, std::string_view separator) {
  std::vector<std::string> seen;
  std::string out;
  for (const std::string& name : names) {
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
    if (!seen.empty()) out += separator;
    seen.push_back(name);
    out += name;
  }
  return out;
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
