// Helpers for engine tests: build a rule set from selectors and check text with it.
#include "engine/engine_support.h"

#include <catch2/catch.hpp>

namespace pcl::testing {

std::unique_ptr<pipeline::RuleSet> OnlyRules(const std::vector<std::string>& selectors, pipeline::LintConfig config) {
  pipeline::LintConfig cli;
  cli.select = selectors;
  std::string error;
  auto rules = pipeline::RuleSet::Build(pipeline::Selection::Resolve(config, cli), error);
  INFO(error);
  REQUIRE(rules);
  return rules;
}

pipeline::FileResult CheckWith(const pipeline::RuleSet& rules, const std::string& path, const std::string& text) {
  pipeline::CheckOptions options;
  options.rules = &rules;
  return pipeline::CheckText(path, text, options);
}

std::string Findings(const pipeline::FileResult& result, const std::string& rule_id) {
  std::string out;
  for (const auto& d : result.diagnostics) {
    if (d.suppressed || (!rule_id.empty() && d.rule_id != rule_id)) continue;
    out += std::to_string(d.range.begin.line) + ":" + std::to_string(d.range.begin.column) + " " + d.rule_id + " " +
           d.message + "\n";
  }
  return out;
}

}  // namespace pcl::testing
