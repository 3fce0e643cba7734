// The subcommands of pcluster-lint: each command's flags and the plain function that runs it.
// Only command_line.cc sees CLI11 (the one unit that parses its headers); it binds these flags.
#pragma once

#include <string>
#include <vector>

#include "cli/lint_settings.h"
#include "core/release.h"
#include "migrate/migrate.h"
#include "schema/schema_check.h"

namespace pcl::cli {

/// Exit codes shared by every command (documented in README).
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 3;
/// `migrate` only: a blocking problem, so nothing was written for some input.
inline constexpr int kExitNotConverted = 4;

/// Builds the command line, parses argv and runs the chosen command; returns the exit code.
int RunCommandLine(int argc, char** argv);

struct CheckFlags {
  std::vector<std::string> paths;
  std::string format;  ///< "" = text, or github inside GitHub Actions
  std::string output;
  std::string input_format;
  bool quiet = false;
  unsigned jobs = 0;
  SettingsFlags settings;
  std::string baseline;
  std::string write_baseline;
  std::string stdin_filename;  ///< the name `-` (standard input) is checked as
  bool force_check = false;
};
int RunCheck(const CheckFlags& flags);

struct DiffFlags {
  std::vector<std::string> files;
  std::string git_base;
  std::string target_version = core::kDefaultTargetRelease;
  std::string format;  ///< "" = text, or github inside GitHub Actions
  std::string output;
  std::string fail_on = "error";
  bool quiet = false;
  bool show_live = false;
};
int RunDiff(const DiffFlags& flags);

struct DumpFlags {
  std::string path;
  bool positions = false;
  std::string input_format;
};
int RunDump(const DumpFlags& flags);

struct MigrateFlags {
  std::vector<std::string> inputs;
  std::string output;
  std::string out_dir;
  std::string report;
  std::string format;  ///< "" = text, or github inside GitHub Actions
  std::string target_version = core::kDefaultTargetRelease;
  std::string fail_on;  ///< "" = the config file's fail-on, else error
  migrate::MigrateOptions options;
  bool force = false;
  bool quiet = false;
  bool no_header = false;
  unsigned jobs = 0;
};
int RunMigrate(MigrateFlags flags);

/// `rules --format text|json|markdown` and `explain ID|NAME`.
int RunRules(const std::string& format);
int RunExplain(const std::string& which);

/// `schema --target-version V`.
int RunSchema(const std::string& version);

}  // namespace pcl::cli
