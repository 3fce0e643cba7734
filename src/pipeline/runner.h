// Orchestrates the check of one file: load/parse → (migrate) → schema → rules → selection →
// suppressions → sort; and the check of a migration's result.
#pragma once

#include <string>
#include <vector>

#include "core/release.h"
#include "migrate/migrate.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "parsers/load.h"

namespace pcl::pipeline {

class RuleSet;

struct CheckOptions {
  parsers::LoadOptions load;
  std::string target_version = core::kDefaultTargetRelease;  ///< ParallelCluster release the v3 schema check targets
  /// The run's rules and selection; nullptr = parse and schema findings only, default severities.
  const RuleSet* rules = nullptr;
  bool inline_suppressions = true;  ///< false: --no-inline-suppressions
  /// Run the schema check and the rules of a file on two threads (for a run of one file; with
  /// several files, the files themselves are spread over the cores).
  bool parallel_stages = false;
};

/// What checking one file produced.
struct FileResult {
  std::string path;
  model::Document document;
  std::vector<model::Diagnostic> diagnostics;  ///< sorted
};

/// Checks one file. Never throws for anything the file contains.
FileResult CheckFile(const std::string& path, const CheckOptions& options);
/// Checks standard input as if it were the file `name` (`check -`).
FileResult CheckStdin(const std::string& name, const CheckOptions& options);
/// Checks text already in memory as if it were the file `path`.
FileResult CheckText(const std::string& path, std::string text, const CheckOptions& options);

/// Checks a migrated YAML named `output_name` like any v3 file: the schema of `target_version`,
/// and `rules` when given (their selection's target release then applies). Each finding gets a
/// note pointing at the v2 line its value came from (migrate::NoteV2Origins).
std::vector<model::Diagnostic> CheckMigratedYaml(const std::string& output_name, const migrate::MigrationResult& result,
                                                 const model::Document& v2doc, const std::string& target_version,
                                                 const RuleSet* rules = nullptr);

}  // namespace pcl::pipeline
