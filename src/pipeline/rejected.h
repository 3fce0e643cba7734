// Structure the schema check rejected for its type, which the rules must not read.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"

namespace pcl::pipeline {

/// Pointers of the nodes the schema check rejected for their type (PCL1003 wrong-type).
std::set<std::string> WrongTypedPointers(const std::vector<model::Diagnostic>& schema_findings);

/// Drops the schema findings strictly below a rejected node (a cross-field check about keys
/// inside a value of the wrong type): the wrong type is the one finding there.
void DropBelowRejected(const std::set<std::string>& rejected, std::vector<model::Diagnostic>& schema_findings);

/// The document as the rules may read it, or nullopt when they may not read it at all.
/// Rules reason per list item (a queue, a compute resource, a storage) and across sections, about
/// what is set and what is not, so a rejected node cannot just be left out (`Ssh: oops` would
/// read as "no key pair"). A rejected node inside a list item hides that item (it becomes null,
/// which rules skip like an empty `-`, and later items keep their pointers). A rejected node
/// outside every list item (`SlurmQueues` or `HeadNode.Networking` of the wrong type) stops the
/// rules for the file, as a schema error stops ParallelCluster's validators.
std::optional<model::Document> RulesView(const model::Document& document, const std::set<std::string>& rejected);

}  // namespace pcl::pipeline
