// Helpers for engine tests: build a rule set from selectors and check text with it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/registry.h"
#include "pipeline/runner.h"

namespace pcl::testing {

/// A rule set that runs only `selectors` (the always-on input rules run too).
std::unique_ptr<pipeline::RuleSet> OnlyRules(const std::vector<std::string>& selectors,
                                             pipeline::LintConfig config = {});
/// Checks `text` as the file `path` with `rules`.
pipeline::FileResult CheckWith(const pipeline::RuleSet& rules, const std::string& path, const std::string& text);
/// "line:col ID message" lines of the findings with `rule_id` ("" = all), unsuppressed only.
std::string Findings(const pipeline::FileResult& result, const std::string& rule_id = "");

}  // namespace pcl::testing
