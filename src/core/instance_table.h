// The generated EC2 table (instance_table.cc) as instance_types.cc reads it; nothing else includes this.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/instance_types.h"

namespace pcl::core::ec2_data {

extern const char kDate[];
extern const char kFactsSource[];
extern const char kNamesSource[];
extern const std::string_view kRegions[];
extern const size_t kRegionCount;
extern const InstanceFacts kFacts[];  ///< sorted by name
extern const size_t kFactCount;
extern const std::string_view kNamesWithoutFacts[];  ///< sorted
extern const size_t kNamesWithoutFactsCount;

}  // namespace pcl::core::ec2_data
