// The data every reporter renders: the checked files and their findings.
#pragma once

#include <map>
#include <optional>
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
  bool quiet = false;    ///< findings only, no summary
  bool snippets = true;  ///< the source line and a caret under each finding
};

/// How a report is rendered; only the text format looks at `text`.
struct RenderOptions {
  TextOptions text;
  /// Absolute directory that relative paths in the report start from; "" = the current directory.
  std::string working_dir;
  /// Absolute repository root for SARIF and GitHub paths: nullopt = walk up from `working_dir` to
  /// a `.git`; "" = no repository (paths stay as given).
  std::optional<std::string> repo_root;
};

/// The --format names, in the order `--help` lists them.
const std::vector<std::string>& FormatNames();
/// Renders `report` in `format` (one of FormatNames()); false if the format is unknown.
bool Render(const std::string& format, const RunReport& report, const RenderOptions& options, std::ostream& out);

/// Whether `format` can be rendered one file at a time, the parts joined giving the whole: true for
/// text (quiet, then WriteTextTotals) and github, whose findings stand alone, line by line; false for
/// the formats that are one document (json, sarif, junit).
bool RendersFileByFile(const std::string& format);

void WriteText(const RunReport& report, const TextOptions& options, std::ostream& out);
/// The text format's last line, "N files checked: ... (T ms)", for findings rendered file by file
/// (TextOptions::quiet). `counts` are the unsuppressed findings by severity (info, warning, error).
void WriteTextTotals(size_t files, const int (&counts)[3], double seconds, std::ostream& out);
void WriteJson(const RunReport& report, std::ostream& out);
/// SARIF 2.1.0 for code-scanning services (GitHub, GitLab, Azure DevOps).
void WriteSarif(const RunReport& report, const RenderOptions& options, std::ostream& out);
/// JUnit XML: a test suite per file, a test case per rule, a failure per error or warning (info
/// findings and suppressed ones are in the test case's system-out).
void WriteJunit(const RunReport& report, std::ostream& out);
/// GitHub Actions workflow commands (`::error file=...::message`), shown as annotations.
void WriteGithub(const RunReport& report, const RenderOptions& options, std::ostream& out);

/// "name" of a rule id from the catalogue, or "" if unknown.
std::string RuleName(const std::string& rule_id);

}  // namespace pcl::report
