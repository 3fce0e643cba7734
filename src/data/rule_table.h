// The rule catalogue as compiled-in data, generated at build time from rules/*.yaml by
// pcl_data_pack: what a check needs, with no parsing at start-up.
#pragma once

#include <string_view>
#include <vector>

namespace pcl::data {

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
