// Schema-guided conversion of the YAML tree to JSON with the official loader's lenient scalars.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/node.h"
#include "schema/problem.h"

namespace pcl::schema {

/// Pattern-checked strings longer than this get one "too long" finding instead of a pattern
/// mismatch that would quote them; no valid ParallelCluster value is anywhere near it.
inline constexpr size_t kMaxPatternInput = 4096;

/// Converts `node` to JSON data the way the official loader reads it (v3-schema.md §2.7): integer
/// fields accept numeric strings and truncate floats, the float field accepts ints and numeric
/// strings, boolean fields accept t/true/on/y/yes/1 and f/false/off/n/no/0 (lower, Title, UPPER)
/// and 0/1; string fields are never coerced. Values that cannot be coerced are kept as they are
/// so validation reports them. Overlong pattern-checked strings become "" and are reported in
/// `problems`.
nlohmann::json CoerceToJson(const model::Node& node, const nlohmann::json& schema, const Path& path,
                            std::vector<Problem>& problems);

}  // namespace pcl::schema
