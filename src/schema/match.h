// The draft-07 evaluator over the keywords the bundled schemas and data rules use.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace pcl::schema {

/// Whether `instance` satisfies `schema` (type, enum, const, pattern, lengths, bounds, required,
/// properties, additionalProperties, items, contains, uniqueItems, min/maxProperties, allOf, anyOf, oneOf,
/// not, if/then/else). It decides the schema verdict, data rules' conditions, and the explainer's
/// "which part failed" questions. (valijson gave the verdict until building its schema objects
/// at every start cost more than a whole check; tests/schema/verdict_oracle_test.cc still holds
/// this evaluator to valijson's verdicts.)
bool Matches(const nlohmann::json& schema, const nlohmann::json& instance);

/// The first keyword in `schema` (at any depth) that `Matches` does not evaluate, or "" if all
/// are known. Annotations (description, title, $comment, default, examples, $id, $schema) count
/// as known.
std::string UnsupportedKeyword(const nlohmann::json& schema);

/// The JSON pointer (below `pointer`) of the deepest value in `instance` that fails its own
/// property or item schema, following `properties` and `items`; `pointer` itself if no child
/// fails. Where a schema failure nothing more specific explains is reported.
std::string DeepestFailure(const nlohmann::json& schema, const nlohmann::json& instance, const std::string& pointer);

/// Whether `instance` has the JSON Schema type `type` (integers are exact JSON integers, as in
/// valijson's strict mode).
bool HasType(const nlohmann::json& instance, const std::string& type);

/// Length of a UTF-8 string in code points (JSON Schema counts characters, not bytes).
size_t CodePointCount(const std::string& text);

/// The index of the first item equal to an earlier one, and that earlier one; false if unique.
bool FindDuplicate(const nlohmann::json& array, size_t& first, size_t& second);

}  // namespace pcl::schema
