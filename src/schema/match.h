// A small draft-07 evaluator over the keywords the bundled schemas use, for attributing failures.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace pcl::schema {

/// Whether `instance` satisfies `schema` (type, enum, const, pattern, lengths, bounds, required,
/// properties, additionalProperties, items, uniqueItems, min/maxProperties, allOf, anyOf, oneOf,
/// not, if/then/else). valijson decides the verdict; this answers "which part failed" questions.
bool Matches(const nlohmann::json& schema, const nlohmann::json& instance);

/// Whether `instance` has the JSON Schema type `type` (integers are exact JSON integers, as in
/// valijson's strict mode).
bool HasType(const nlohmann::json& instance, const std::string& type);

/// Whether `text` matches the schema pattern (ECMAScript search, as valijson runs it).
bool PatternMatches(const std::string& pattern, const std::string& text);

/// Length of a UTF-8 string in code points (JSON Schema counts characters, not bytes).
size_t CodePointCount(const std::string& text);

/// The index of the first item equal to an earlier one, and that earlier one; false if unique.
bool FindDuplicate(const nlohmann::json& array, size_t& first, size_t& second);

}  // namespace pcl::schema
