// Orchestrates the check of one file: load/parse → schema → rules → selection → suppressions → sort.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"
#include "parsers/load.h"

namespace pcl::engine {

class RuleSet;

struct CheckOptions {
  parsers::LoadOptions load;
  std::string target_version = "3.12";  ///< ParallelCluster release the v3 schema check targets
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
/// Checks text already in memory as if it were the file `path`.
FileResult CheckText(const std::string& path, std::string text, const CheckOptions& options);

/// Fills each finding's file and its default severity from the rule catalogue.
void ApplyRuleDefaults(const std::string& path, std::vector<model::Diagnostic>& diagnostics);

}  // namespace pcl::engine
