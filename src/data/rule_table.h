// The rule catalogue as compiled-in data, generated at build time from rules/*.yaml by
// pcl_data_pack: what a check needs, with no parsing at start-up.
#pragma once

#include <array>
#include <string_view>
#include <vector>

namespace pcl::data {

/// The fields a rules/*.yaml file may have: the packer and the catalogue refuse any other, so a
/// misspelt field fails loudly instead of being dropped.
inline constexpr std::array<std::string_view, 16> kRuleFileFields = {
    "id",          "name",       "severity",  "implementation", "stage",    "fatal", "summary",    "rationale",
    "remediation", "references", "validator", "options",        "examples", "match", "applies_to", "facts"};
/// The fields packed with the documentation (explain, SARIF), not with what a check needs.
inline constexpr std::array<std::string_view, 5> kRuleDocFields = {"rationale", "remediation", "references", "examples",
                                                                   "facts"};

/// One rule file's runtime fields. Text is as written; options, match and applies_to are CBOR ("" if absent).
struct PackedRule {
  std::string_view path;  ///< rules/PCLnnnn.yaml
  std::string_view id;
  std::string_view name;
  std::string_view severity;
  std::string_view implementation;
  std::string_view stage;
  std::string_view fatal;  ///< "true", "false" or ""
  std::string_view summary;
  std::string_view validator;
  std::string_view options_cbor;
  std::string_view match_cbor;
  std::string_view applies_to_cbor;
};

/// Every rule, in path order (defined in the generated generated/rule_table.cc).
const std::vector<PackedRule>& PackedRules();

}  // namespace pcl::data
