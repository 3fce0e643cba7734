// Flags shared by commands that lint (check, migrate): config file, selection, target version.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "model/diagnostic.h"
#include "pipeline/registry.h"

namespace pcl::cli {

struct SettingsFlags {
  std::string config;      ///< --config FILE; otherwise .pcluster-lint.yaml is searched upwards
  bool no_config = false;  ///< --no-config (or --config /dev/null): rule defaults and the command line
  std::string select;      ///< comma lists
  std::string ignore;
  std::string fail_on;
  std::string target_version;
  std::string today;         ///< --today YYYY-MM-DD
  std::string cluster_name;  ///< --cluster-name NAME
  bool no_inline_suppressions = false;
};

/// The config file a run reads: --config, or the .pcluster-lint.yaml found from the working
/// directory up; nullopt when there is none.
std::optional<std::string> ConfigFilePath(const SettingsFlags& flags);

/// Loads the config file (given or discovered), merges the command line over it and builds the
/// rules. On failure returns nullptr and an error for the user (prefixed "internal" for defects).
std::unique_ptr<pipeline::RuleSet> BuildRuleSet(const SettingsFlags& flags, std::string& error);

/// Starts reading the JSON Schema of `version` ("" = the default target; a patch release reads its
/// minor; an unknown release nothing) on a second thread, while this
/// one builds the rules: each is about a third of a one-file check. Joined when destroyed.
std::jthread PreloadSchema(std::string version);
/// The release a lint run most likely checks against: --target-version, else the config file's
/// target-version, else "" (the newest); nullopt when --select leaves the schema check out.
std::optional<std::string> LikelyTargetVersion(const SettingsFlags& flags);

/// 1 if any unsuppressed finding is at or above `fail_on` (error|warning|info), else 0.
int ExitCodeFor(const std::vector<model::Diagnostic>& diagnostics, const std::string& fail_on);

}  // namespace pcl::cli
