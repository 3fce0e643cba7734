// Typed rule options: what a rule file declares under `options:` and how a value is checked.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pcl::engine {

/// One option a rule declares in its YAML: its type, default, bounds and what it does.
struct OptionSpec {
  std::string type;  ///< boolean, integer, string, date, string-list or date-map
  nlohmann::json default_value;
  std::optional<int64_t> minimum;    ///< integer only
  std::optional<int64_t> maximum;    ///< integer only
  std::vector<std::string> allowed;  ///< string only: the accepted values (empty: any)
  std::string description;
};

using OptionSpecs = std::map<std::string, OptionSpec>;

/// Reads a rule file's `options:` block. Each problem is appended to `errors` as "option 'x': why".
OptionSpecs ReadOptionSpecs(const nlohmann::json& declared, std::vector<std::string>& errors);

/// "" if `value` fits `spec`, else what it must be ("an integer from 0 to 32").
std::string CheckOptionValue(const OptionSpec& spec, const nlohmann::json& value);

/// The type and bounds for people: "integer, 0 to 32", "one of: a, b", "list of strings".
std::string DescribeOptionType(const OptionSpec& spec);

/// Every option's default: {name: default}.
nlohmann::json OptionDefaults(const OptionSpecs& specs);

}  // namespace pcl::engine
