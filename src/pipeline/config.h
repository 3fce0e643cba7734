// The team config file `.pcluster-lint.yaml`: discovery, validation and its settings.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pcl::pipeline {

/// Settings from a config file or the command line. Empty/unset fields mean "not said here".
struct LintConfig {
  std::string source;    ///< the file the settings came from ("" = none)
  std::string base_dir;  ///< per-path globs are relative to this directory
  std::string target_version;
  std::optional<std::vector<std::string>> select;  ///< ids, names or prefixes ("PCL3"); unset = all
  std::vector<std::string> ignore;
  std::map<std::string, std::string> severity;                                     ///< selector → error|warning|info
  std::map<std::string, nlohmann::json> options;                                   ///< selector → {option: value}
  std::vector<std::pair<std::string, std::vector<std::string>>> per_path_ignores;  ///< glob → selectors
  std::vector<std::string> exclude;                                                ///< globs of paths never checked
  std::string fail_on;
  /// "YYYY-MM-DD": the day date rules (PCL7001, PCL7002) take as today; "" = the system clock.
  std::string today;
  /// The name the cluster is (or will be) created with: an argument of `pcluster create-cluster`, not
  /// part of the file; "" = not given (the rules about it stay silent).
  std::string cluster_name;
};

inline constexpr char kConfigFileName[] = ".pcluster-lint.yaml";

/// Finds `.pcluster-lint.yaml` in `start_dir` or a parent, stopping at the repository root
/// (a directory holding .git) or the filesystem root.
std::optional<std::string> DiscoverConfig(const std::string& start_dir);

/// Reads and validates a config file. On any problem returns nullopt and sets `error` to a
/// message naming the file, line and key.
std::optional<LintConfig> LoadConfig(const std::string& path, std::string& error);

}  // namespace pcl::pipeline
