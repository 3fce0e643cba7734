// Flags shared by commands that lint (check, migrate): config file, selection, target version.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "engine/registry.h"
#include "model/diagnostic.h"

namespace pcl::cli {

struct SettingsFlags {
  std::string config;  ///< --config FILE; otherwise .pcluster-lint.yaml is searched upwards
  std::string select;  ///< comma lists
  std::string ignore;
  std::string fail_on;
  std::string target_version;
  bool no_inline_suppressions = false;
};

/// Adds --config, --select, --ignore, --fail-on, --target-version, --no-inline-suppressions.
void AddSettingsFlags(CLI::App& command, SettingsFlags& flags);

/// Loads the config file (given or discovered), merges the command line over it and builds the
/// rules. On failure returns nullptr and an error for the user (prefixed "internal" for defects).
std::unique_ptr<engine::RuleSet> BuildRuleSet(const SettingsFlags& flags, std::string& error);

/// 1 if any unsuppressed finding is at or above `fail_on` (error|warning|info), else 0.
int ExitCodeFor(const std::vector<model::Diagnostic>& diagnostics, const std::string& fail_on);

}  // namespace pcl::cli
