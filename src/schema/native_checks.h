// Official checks the JSON Schema cannot express (docs/schema-notes.md, "native"), as PCL1xxx problems.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "schema/problem.h"

namespace pcl::schema {

/// Duplicate tag keys (every Tags list the target release has), DevSettings strings that must hold
/// JSON (Cookbook.ExtraChefAttributes, InstanceTypesData), and for 3.0–3.2 the rule that every
/// Slurm queue uses the same SubnetIds. `schema` is the target release's schema document.
void RunNativeChecks(const nlohmann::json& instance, const nlohmann::json& schema, const std::string& target,
                     std::vector<Problem>& problems);

/// The subschema at a wildcard pointer ("/Scheduling/SlurmQueues/*/Tags"), or nullptr.
const nlohmann::json* SchemaAt(const nlohmann::json& schema, const std::string& wildcard);

}  // namespace pcl::schema
