// The EC2 facts of the instance types a compute resource names (see compute_facts.h).
#include "rules/util/compute_facts.h"

#include <array>

namespace pcl::rules {

const NamedInstanceType* SmallestMemoryType(const model::ComputeResource& resource,
                                            const std::vector<NamedInstanceType>& types) {
  if (types.empty() || types.size() != resource.instance_types.size()) return nullptr;
  const NamedInstanceType* smallest = &types.front();
  for (const NamedInstanceType& type : types) {
    if (type.facts->memory_mib < smallest->facts->memory_mib) smallest = &type;
  }
  return smallest;
}

std::string_view MakerName(uint8_t maker) {
  // In the order of core::Maker (the generator's MAKERS).
  static constexpr std::array<std::string_view, 8> kNames = {"",         "NVIDIA", "AMD",    "AWS",
                                                             "Qualcomm", "Xilinx", "Habana", "Intel"};
  return maker < kNames.size() ? kNames[maker] : std::string_view();
}

int NvidiaGpuCount(const core::InstanceFacts& facts) {
  return facts.gpu_maker == static_cast<uint8_t>(core::Maker::kNvidia) ? facts.gpu_count : 0;
}

int AwsAcceleratorCount(const core::InstanceFacts& facts) {
  return facts.accelerator_maker == static_cast<uint8_t>(core::Maker::kAws) ? facts.accelerator_count : 0;
}

size_t FirstDifference(const std::vector<NamedInstanceType>& types,
                       const std::function<std::string(const core::InstanceFacts&)>& value, std::string& pair) {
  for (size_t i = 1; i < types.size(); ++i) {
    const std::string before = value(*types[i - 1].facts);
    const std::string here = value(*types[i].facts);
    if (before == here) continue;
    pair = types[i - 1].name + ": " + before + ", " + types[i].name + ": " + here;
    return i;
  }
  return 0;
}

}  // namespace pcl::rules
