// DevSettings/Cookbook/ExtraChefAttributes read as ParallelCluster's ExtraChefAttributesValidator reads it.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/rule.h"

namespace pcl::rules {

inline constexpr char kExtraChefAttributes[] = "/DevSettings/Cookbook/ExtraChefAttributes";

/// The value at `path` ("cluster", "in_place_update_on_fleet_enabled") inside the ExtraChefAttributes
/// JSON; nullopt when the string is absent or empty, is not JSON (PCL1013 reports that), lacks the
/// path, or holds null there (Python's None: the validator skips it).
std::optional<nlohmann::json> ChefAttribute(const engine::RuleContext& context,
                                            std::initializer_list<std::string> path);

/// The value as ParallelCluster's is_boolean_string(str(value)) and str_to_bool read it: a JSON
/// boolean, or a string "true"/"false" in any case; nullopt for anything else (1, "yes", a list).
std::optional<bool> ChefBoolean(const nlohmann::json& value);

}  // namespace pcl::rules
