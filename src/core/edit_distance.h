// Edit distance between two names, for every did-you-mean (schema keys and values, instance types).
#pragma once

#include <cstddef>
#include <string_view>

namespace pcl::core {

/// Levenshtein distance: insertions, deletions and substitutions each count one.
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace pcl::core
