// The subcommands of pcluster-lint; each binds its flags and runs a plain function.
#pragma once

#include <CLI/CLI.hpp>

namespace pcl::cli {

/// Exit codes shared by every command (documented in README).
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 3;
/// `migrate` only: a blocking problem, so nothing was written for some input.
inline constexpr int kExitNotConverted = 4;

void AddCheckCommand(CLI::App& app, int& exit_code);
void AddDumpCommand(CLI::App& app, int& exit_code);
void AddSchemaCommand(CLI::App& app, int& exit_code);
void AddRulesCommands(CLI::App& app, int& exit_code);
void AddDiffCommand(CLI::App& app, int& exit_code);
void AddMigrateCommand(CLI::App& app, int& exit_code);
void AddLspCommand(CLI::App& app, int& exit_code);

}  // namespace pcl::cli
