// The bundled JSON Schemas with their descriptions, walked by key path for hover and completion.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pcl::lsp {

/// The schema of release `version` with descriptions (the packed copy the checker uses has
/// none), parsed on first use; nullptr for an unknown release. Main thread only.
const nlohmann::json* DocumentedSchema(const std::string& version);

/// The subschema at a key path; "*" or a number steps into list items. nullptr if unknown.
const nlohmann::json* SchemaAt(const nlohmann::json& root, const std::vector<std::string>& path);

/// A short type for people: "string", "integer", "list of mappings", "true or false", ...
std::string TypeName(const nlohmann::json& schema);

/// "/Scheduling/SlurmQueues/*/Name": the path as versions.json spells it (items are "*").
std::string Wildcard(const std::vector<std::string>& path);

/// The releases a key exists in when it is release-specific ("ParallelCluster 3.4 and later",
/// "ParallelCluster 3.0 to 3.5"), or "" when it exists in every bundled release.
std::string ReleaseRange(const std::vector<std::string>& path);

}  // namespace pcl::lsp
