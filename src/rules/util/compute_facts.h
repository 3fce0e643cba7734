// Comparing and bounding the EC2 facts of a compute resource's instance types (flexible resources, memory,
// accelerators).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/instance_types.h"
#include "model/cluster_view.h"
#include "rules/util/instance_facts.h"

namespace pcl::rules {

/// The type whose memory ParallelCluster holds SchedulableMemory against: the InstanceType, or the
/// first type with the least memory of Instances. Null when a named type has no facts (the smallest is
/// then unknown).
const NamedInstanceType* SmallestMemoryType(const model::ComputeResource& resource,
                                            const std::vector<NamedInstanceType>& types);

/// EC2's name of a GPU or accelerator maker ("NVIDIA", "AWS", …); "" for Maker::kNone.
std::string_view MakerName(uint8_t maker);

/// The GPUs ParallelCluster counts (InstanceTypeInfo.gpu_count): NVIDIA ones only.
int NvidiaGpuCount(const core::InstanceFacts& facts);
/// The inference accelerators ParallelCluster counts (inference_accelerator_count): AWS ones only.
int AwsAcceleratorCount(const core::InstanceFacts& facts);

/// ParallelCluster's homogeneity check of a flexible compute resource: walking the types in order,
/// the first whose `value` differs from the type before it. Returns its index (0 when all agree) and
/// sets `pair` to "previous: value, this: value", the values the official message names.
size_t FirstDifference(const std::vector<NamedInstanceType>& types,
                       const std::function<std::string(const core::InstanceFacts&)>& value, std::string& pair);

}  // namespace pcl::rules
