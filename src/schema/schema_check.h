// Schema check of a v3 document against the JSON Schema of a ParallelCluster release (PCL1xxx).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/release.h"
#include "model/diagnostic.h"
#include "model/document.h"

namespace pcl::schema {

struct SchemaOptions {
  std::string target_version = core::kDefaultTargetRelease;  ///< "3.0" … "3.16"
};

/// Whether a schema for `version` ("3.N") is bundled.
bool IsKnownVersion(const std::string& version);
/// The release a version names: "3.16.3", "v3.16.3" and "v3.16" are "3.16" (a patch release has
/// the schema of its minor). Anything that names no bundled release is returned as given, so that
/// the refusal quotes what the user wrote.
std::string ReleaseOf(std::string_view version);
/// "3.0 … 3.16": the bundled releases, for messages that refuse an unknown one.
std::string KnownRange();

/// Checks a parsed v3 YAML document. Returns one finding per problem, at the exact position.
std::vector<model::Diagnostic> CheckSchema(const model::Document& document, const SchemaOptions& options);

}  // namespace pcl::schema
