// The instance types a config names and their facts in the offline EC2 table, for the rules that read it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/instance_types.h"
#include "model/cluster_view.h"

namespace pcl::rules {

/// An instance type as written, with its facts. `facts` is nullptr when the table has none: a real
/// type that is retired or newer than the table, a name that is no instance type, or an AWS Batch
/// `optimal` or family. Fact-based rules skip such names; PCL6023 and PCL6024 say what they are.
struct NamedInstanceType {
  model::Ref ref;
  std::string name;
  const core::InstanceFacts* facts = nullptr;
};

/// The instance types of a compute resource in the order written: Slurm InstanceType and
/// Instances[].InstanceType, or the AWS Batch InstanceTypes list. Only scalars (the schema check
/// reports the rest).
std::vector<NamedInstanceType> InstanceTypesOf(const model::Queue& queue, const model::ComputeResource& resource);

/// The instance types of a Slurm compute resource (InstanceType, then Instances[].InstanceType) that
/// the table has facts for, in the order written: what a fact-based rule may judge.
std::vector<NamedInstanceType> TypesWithFacts(const model::ComputeResource& resource);

/// The types of `types` that have facts, in order: what a per-type check looks at.
std::vector<NamedInstanceType> WithFacts(const std::vector<NamedInstanceType>& types);

/// The facts of every type, or nothing when one of them has none: a question about the whole set
/// (the smallest number of network cards) has no answer with a gap in it.
std::vector<const core::InstanceFacts*> FactsOfAll(const std::vector<NamedInstanceType>& types);

/// The names of `types` whose facts say EFA is not supported (types without facts are not among them).
std::vector<std::string> TypesWithoutEfa(const std::vector<NamedInstanceType>& types);

/// Where a config writes an instance type: the head node, each login pool, each compute resource.
struct InstanceTypePlace {
  NamedInstanceType type;
  bool batch = false;  ///< an AWS Batch InstanceTypes entry, where `optimal` and families are valid too
};
/// Every place, in document order: HeadNode, LoginNodes pools, Slurm queues, AWS Batch queues.
std::vector<InstanceTypePlace> AllInstanceTypePlaces(const model::ClusterView& cluster);

/// AWS Batch: `optimal`, which Batch resolves to current x86_64 families.
inline bool IsBatchOptimal(std::string_view name) {
  return name == "optimal";
}
/// AWS Batch: an instance family such as `c5` (no dot, and a known type is named "<family>.…").
bool IsBatchFamily(std::string_view name);

/// The architecture ParallelCluster takes from a type's SupportedArchitectures: x86_64 or arm64
/// (i386 and the Mac variants do not count); nullopt when it lists neither.
std::optional<core::Architecture> NodeArchitecture(const core::InstanceFacts& facts);
/// The head node's architecture; nullopt when its InstanceType has no facts.
std::optional<core::Architecture> HeadNodeArchitecture(const model::ClusterView& cluster);
/// "x86_64", "arm64", "i386", "x86_64_mac" or "arm64_mac".
std::string_view ArchitectureName(core::Architecture architecture);
/// The x86_64/arm64 architectures of a bit set, as ParallelCluster prints the list: "['x86_64']".
std::string ArchitectureList(uint8_t architectures);

/// Names joined as "a, b, c", each once, in first-seen order.
std::string JoinDistinct(const std::vector<std::string>& names, std::string_view separator = ", ");

/// A directory where instance store volumes are mounted, and the instance types with instance storage
/// that mount them there (sorted names).
struct EphemeralMount {
  std::string dir;  ///< as written (ParallelCluster compares them so), "/scratch" when not written
  std::vector<std::string> types;
};
/// ParallelCluster's local mount dirs: LocalStorage.EphemeralVolume.MountDir (default /scratch) of the
/// head node and of each Slurm queue (ComputeSettings) whose instance types have instance storage
/// (from the EC2 table; types without facts are left out), sorted by dir.
std::vector<EphemeralMount> EphemeralMounts(const model::ClusterView& cluster);

}  // namespace pcl::rules
