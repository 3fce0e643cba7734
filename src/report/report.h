// The data every reporter renders: the checked files and their findings.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/source.h"

namespace pcl::report {

/// The outcome of one run, in the order files were given (findings sorted within each file).
struct RunReport {
  std::string tool_version = PCL_VERSION;
  std::string target_version;
  std::vector<std::string> files;
  std::vector<model::Diagnostic> diagnostics;
  /// Ids of the rules that ran on each file (for JUnit: one test case per rule evaluated).
  std::vector<std::string> rules_evaluated;
  /// Source text of each file, for snippets (path → source).
  std::map<std::string, model::SourcePtr> sources;
  double seconds = 0;
};

struct TextOptions {
  bool color = false;
  bool quiet = false;     ///< findings only, no summary
  bool snippets = true;   ///< the source line and a caret under each finding
};

void WriteText(const RunReport& report, const TextOptions& options, std::ostream& out);
void WriteJson(const RunReport& report, std::ostream& out);

/// "name" of a rule id from the catalogue, or "" if unknown.
std::string RuleName(const std::string& rule_id);

}  // namespace pcl::report
