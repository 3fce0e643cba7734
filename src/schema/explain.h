// Walks a schema and a (coerced) instance together and words each failure as one problem.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/pointer_index.h"
#include "schema/problem.h"

namespace pcl::schema {

struct ExplainContext {
  const model::Node& root;  ///< the YAML tree, for wording values as they were written
  std::string target;       ///< "3.N"
  std::vector<Problem>& problems;
  model::PointerIndex nodes{root};  ///< pointer lookups for NodeAt, hashed in wide mappings
};

/// Reports every failure of `instance` against `schema` at `path`: wrong types, nulls, enums,
/// bounds, lengths, patterns, unknown and missing keys (recursing into known keys), and the
/// commented cross-field rules (see ExplainRule).
void Explain(const nlohmann::json& schema, const nlohmann::json& instance, const Path& path, ExplainContext& context);

/// Reports one failed rule that carries the official message gist in "$comment" (an allOf entry,
/// or the not/if part of a property schema when `value_level`), as one specific problem per cause.
void ExplainRule(const nlohmann::json& rule, const nlohmann::json& instance, const Path& path, bool value_level,
                 ExplainContext& context);

/// The YAML node at `pointer`, or nullptr.
const model::Node* NodeAt(const ExplainContext& context, const std::string& pointer);

}  // namespace pcl::schema
