// EC2 instance-type facts known offline: the table compiled into the binary, looked up in place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pcl::core {

/// Bits of InstanceFacts::architectures (EC2's SupportedArchitectures).
enum Architecture : uint8_t { kX86_64 = 1, kArm64 = 2, kI386 = 4, kX86_64Mac = 8, kArm64Mac = 16 };
/// Bits of InstanceFacts::placement_strategies (PlacementGroupInfo.SupportedStrategies).
enum PlacementStrategy : uint8_t { kCluster = 1, kPartition = 2, kSpread = 4 };
/// Bits of InstanceFacts::usage_classes (SupportedUsageClasses).
enum UsageClass : uint8_t { kOnDemand = 1, kSpot = 2, kCapacityBlock = 4 };
/// GPU and accelerator makers, in the generator's order.
enum class Maker : uint8_t { kNone, kNvidia, kAmd, kAws, kQualcomm, kXilinx, kHabana, kIntel };

/// What ParallelCluster's validators ask EC2 DescribeInstanceTypes about one instance type.
struct InstanceFacts {
  std::string_view name;
  uint8_t architectures;
  uint16_t vcpus;
  uint16_t default_cores;
  uint8_t default_threads_per_core;
  uint16_t valid_threads_per_core;  ///< bit n set: n threads per core is valid; 0: EC2 lists none
  uint32_t memory_mib;
  uint16_t gpu_count;
  uint8_t gpu_maker;           ///< a Maker
  uint16_t accelerator_count;  ///< InferenceAcceleratorInfo
  uint8_t accelerator_maker;   ///< a Maker
  uint16_t neuron_devices;
  bool efa_supported;
  uint8_t max_efa_interfaces;
  uint8_t max_network_cards;
  uint8_t placement_strategies;
  uint8_t usage_classes;
  bool bare_metal;
  uint32_t instance_storage_gb;
  bool current_generation;
  uint32_t regions;  ///< bit i: the i-th of KnownRegions() offers the type
};

/// What the offline tables say about a name.
enum class InstanceTypeKnowledge {
  kWithFacts,     ///< in the facts table
  kWithoutFacts,  ///< a real EC2 instance type (the API's name list) with no facts: retired, or newer
  kUnknown,       ///< not an EC2 instance type
};

/// The facts of `name`, or nullptr when the table has none.
const InstanceFacts* FindInstanceType(std::string_view name);
InstanceTypeKnowledge ClassifyInstanceType(std::string_view name);
/// Up to `limit` known names closest to `name` (edit distance, then name order), for a did-you-mean.
std::vector<std::string_view> SuggestInstanceTypes(std::string_view name, size_t limit = 3);

/// Every row of the table, sorted by name.
std::span<const InstanceFacts> AllInstanceTypes();
/// The regions the offerings cover, sorted; a region outside them has no offering facts.
std::span<const std::string_view> KnownRegions();
/// Whether `region` offers `facts`' type. `known_region` says whether the table covers `region`
/// at all: when it does not, the answer is false and means "unknown", not "not offered".
bool OfferedIn(const InstanceFacts& facts, std::string_view region, bool& known_region);

/// The date of the facts ("2026-08-02") and where they come from, for --version and explain.
std::string_view InstanceTableDate();
std::string InstanceTableSource();

}  // namespace pcl::core
