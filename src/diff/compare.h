// Walks two config trees key by key, the way ParallelCluster's update check does, listing changes.
#pragma once

#include <string>
#include <vector>

#include "diff/policy_table.h"
#include "model/node.h"

namespace pcl::diff {

enum class ChangeKind { kAdded, kRemoved, kModified };

/// The same thing (a queue, a compute resource, a storage entry) in the old and the new config;
/// either side may be missing.
struct NodePair {
  const model::Node* old_node = nullptr;
  const model::Node* new_node = nullptr;
};

/// One changed key, or one item added to / removed from a keyed list. Points into both trees,
/// which must outlive it.
struct Change {
  ChangeKind kind = ChangeKind::kModified;
  std::string pattern;                     ///< "/Scheduling/SlurmQueues/*/ComputeResources/*/InstanceType"
  std::string display;                     ///< "Scheduling.SlurmQueues[q1].ComputeResources[cr1].InstanceType"
  std::string key;                         ///< last key name ("InstanceType"; the list's name for list items)
  std::string old_pointer;                 ///< concrete pointer into the old tree (meaningless if absent there)
  std::string new_pointer;                 ///< concrete pointer into the new tree
  const model::Node* old_value = nullptr;  ///< nullptr when absent
  const model::Node* new_value = nullptr;
  const model::MapEntry* old_entry = nullptr;  ///< the mapping entry holding the value, if any
  const model::MapEntry* new_entry = nullptr;
  const model::Node* old_item_key = nullptr;  ///< list items: the value of the item key
  const model::Node* new_item_key = nullptr;
  bool list_item = false;  ///< an item added to or removed from a keyed list
  KeyPolicy policy;
  // What the change sits in, for policies that look at their surroundings.
  NodePair queue;             ///< enclosing Scheduling.SlurmQueues item
  NodePair compute_resource;  ///< enclosing ComputeResources item
  NodePair storage;           ///< enclosing SharedStorage item
  std::string pool;           ///< enclosing LoginNodes.Pools item's Name
};

/// Compares the old and new configs for `release`. Changes come in the new file's order, removals
/// after what is kept. Unchanged values, reordered keyed lists and reordered mapping keys produce
/// nothing.
std::vector<Change> CompareTrees(const model::Node& old_root, const model::Node& new_root, const PolicyTable& table,
                                 const std::string& release);

/// Value equality as ParallelCluster's dict comparison sees it: mapping key order does not matter,
/// list order does, 4 == 4.0, "4" != 4.
bool SameValue(const model::Node* a, const model::Node* b);

/// A short, single-line rendering of a value for messages ("c5.large", "[a, b]", "{...}").
std::string ShortValue(const model::Node* node);

}  // namespace pcl::diff
