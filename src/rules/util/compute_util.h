// Tree helpers the compute and scheduler rules (PCL6) share: queues, compute resources, counts, releases.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"

namespace pcl::rules::compute {

/// A node with the pointer it was found at.
struct Located {
  std::string pointer;
  const model::Node* node = nullptr;
};

/// The child at a '/'-separated relative path ("Networking/SubnetIds"), or nullptr.
const model::Node* Child(const model::Node* node, std::string_view path);
/// The scalar text, or "" for a missing, null or collection node.
std::string TextOf(const model::Node* node);
/// The value of an integer node; nullopt for anything else.
std::optional<int64_t> IntOf(const model::Node* node);
/// The mapping items of the sequence at `path` below `parent` (pointer `parent_pointer`).
std::vector<Located> MappingItems(const Located& parent, std::string_view path);
/// The Slurm queues (mapping items of Scheduling.SlurmQueues).
std::vector<Located> SlurmQueues(const model::Node& root);
/// The compute resources (mapping items) of a queue.
std::vector<Located> ComputeResources(const Located& queue);
/// MaxCount of a Slurm compute resource (ParallelCluster's default is 10) and MinCount (default 0).
int64_t MaxCountOf(const model::Node& compute_resource);
int64_t MinCountOf(const model::Node& compute_resource);
/// The minor number of a "3.N" release ("3.12" → 12); unknown text counts as the newest release.
int MinorOf(std::string_view version);
/// ASCII lower case (slurm.conf parameter names are case-insensitive).
std::string Lower(std::string text);
/// "SlurmQueues[1].ComputeResources[0]" for "/Scheduling/SlurmQueues/1/ComputeResources/0".
std::string KeyLabel(std::string_view pointer);

}  // namespace pcl::rules::compute
