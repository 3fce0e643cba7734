// Schema check of a v3 document against the JSON Schema of a ParallelCluster release (PCL1xxx).
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"

namespace pcl::schema {

/// The newest release with a bundled schema; the default --target-version.
inline constexpr char kDefaultTargetVersion[] = "3.12";

struct SchemaOptions {
  std::string target_version = kDefaultTargetVersion;  ///< "3.0" … "3.12"
};

/// Whether a schema for `version` ("3.N") is bundled.
bool IsKnownVersion(const std::string& version);

/// Checks a parsed v3 YAML document. Returns one finding per problem, at the exact position.
std::vector<model::Diagnostic> CheckSchema(const model::Document& document, const SchemaOptions& options);

}  // namespace pcl::schema
