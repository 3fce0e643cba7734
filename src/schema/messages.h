// Wording helpers for schema findings: value descriptions, key suggestions, pattern forms, history.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/node.h"
#include "schema/problem.h"

namespace pcl::schema {

/// 'text' in single quotes, shortened to about 60 characters.
std::string Quoted(const std::string& text);

/// A JSON value as a user wrote it: "'abc'", "7", "true", "a list", "a mapping".
std::string ShowValue(const nlohmann::json& value);

/// What a value is, for type errors: "boolean `no`", "integer `7`", "string 'abc'", "a list".
/// Uses the YAML node (its text as written) when there is one.
std::string DescribeActual(const model::Node* node, const nlohmann::json& value);

/// "the config" for the root, else the path's label.
std::string ObjectName(const Path& path);

/// The closest candidate by case-insensitive edit distance, if close enough to be a likely typo.
std::optional<std::string> SuggestName(const std::string& name, const std::vector<std::string>& candidates);

/// A human form of a schema pattern ("subnet-<8 or 17 lowercase letters or digits>"), or empty.
std::string PatternForm(const std::string& pattern);

/// "a, b, c": strings as they are, other values as JSON.
std::string JoinValues(const nlohmann::json& values);
std::string Join(const std::vector<std::string>& items, const std::string& separator = ", ");

/// versions.json entry for a key (`keys[wildcard]`) or an enum (`enums[wildcard]`), or nullptr.
const nlohmann::json* KeyHistory(const std::string& wildcard);
const nlohmann::json* EnumHistory(const std::string& wildcard);

/// For an enum value that is not allowed in `target`: " (removed in 3.10)" / " (requires
/// ParallelCluster ≥ 3.10, target is 3.9)" from versions.json, or "".
std::string EnumValueHistoryNote(const std::string& wildcard, const nlohmann::json& value, const std::string& target);

}  // namespace pcl::schema
