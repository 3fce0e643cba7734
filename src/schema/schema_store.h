// The bundled schemas and release history, parsed once per process and shared by all threads.
#pragma once

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace valijson {
class Schema;
}

namespace pcl::schema {

/// One release's schema: the JSON document (walked by the explainer) and the valijson form of it.
struct SchemaBundle {
  std::string version;
  nlohmann::json document;
  std::unique_ptr<valijson::Schema> compiled;  ///< null if valijson could not load it
  std::string load_error;

  SchemaBundle();
  ~SchemaBundle();
};

/// The bundle for "3.N", built on first use (thread-safe); nullptr for unknown versions.
const SchemaBundle* FindSchema(const std::string& version);

/// The releases with a bundled schema, oldest first ("3.0" … "3.12").
const std::vector<std::string>& KnownVersions();

/// schemas/versions.json (key/enum history per release); an empty object if it is missing.
const nlohmann::json& VersionHistory();

/// Orders "3.N" release strings numerically: negative, zero or positive like strcmp.
int CompareVersions(const std::string& a, const std::string& b);

/// The compiled ECMAScript regex for a schema pattern, cached for the process; nullptr when
/// std::regex rejects the pattern (the pattern then counts as matched).
const std::regex* CachedRegex(const std::string& pattern);

/// One raw valijson error: instance path ("<root>", "HeadNode", "0", …) and its text.
struct RawError {
  std::vector<std::string> context;
  std::string description;
};

/// Validates with valijson. With `errors`, also collects valijson's raw error list.
/// Returns true when the bundle has no compiled schema (nothing to check against).
bool ValidateWithValijson(const SchemaBundle& bundle, const nlohmann::json& instance,
                          std::vector<RawError>* errors);

}  // namespace pcl::schema
