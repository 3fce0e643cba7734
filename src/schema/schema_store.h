// The bundled schemas and release history, parsed once per process and shared by all threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pcl::schema {

/// One release's schema document, evaluated by match.h and walked by the explainer.
struct SchemaBundle {
  std::string version;
  nlohmann::json document;
  std::string load_error;  ///< set (and `document` empty) if the bundled copy is not a JSON object
};

/// The bundle for "3.N", built on first use (thread-safe); nullptr for unknown versions.
const SchemaBundle* FindSchema(const std::string& version);

/// The releases with a bundled schema, oldest first ("3.0" … "3.16").
const std::vector<std::string>& KnownVersions();

/// schemas/versions.json (key/enum history per release); an empty object if it is missing.
const nlohmann::json& VersionHistory();

}  // namespace pcl::schema
