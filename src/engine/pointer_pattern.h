// Matching JSON-pointer patterns with '*' wildcards ("/Scheduling/SlurmQueues/*/Name") against a tree.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/node.h"

namespace pcl::engine {

/// One node a pattern matched.
struct PatternMatch {
  std::string pointer;
  const model::Node* node = nullptr;
  const model::MapEntry* entry = nullptr;  ///< the mapping entry holding the node, if any
};

/// Every node matching `pattern`, in document order. '*' matches any key or list index (no
/// ParallelCluster key is literally "*"). "" matches the root.
std::vector<PatternMatch> MatchPattern(const model::Node& root, const std::string& pattern);

/// Whether `pattern` is well formed (starts with '/', or is empty).
bool IsValidPattern(const std::string& pattern);

}  // namespace pcl::engine
