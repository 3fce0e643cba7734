// Shared helpers for tests: paths to fixtures and the shared corpus, parse-from-string.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parsers/parse_result.h"

namespace pcl::testing {

/// The repository root (where fixtures/ is).
std::string SourceDir();
/// ../shared/corpus beside the repository, if it exists.
std::optional<std::string> CorpusDir();
/// Prints the marker CTest turns into "skipped".
void ReportSkipped(const std::string& why);
std::string ReadFile(const std::string& path);
/// Files under `dir` (recursive) whose names end with `suffix`, sorted.
std::vector<std::string> ListFiles(const std::string& dir, const std::string& suffix);

parsers::ParseResult ParseYaml(const std::string& text);
parsers::ParseResult ParseIni(const std::string& text);
parsers::ParseResult ParseToml(const std::string& text);
/// What a shell command printed and how it ended.
struct ShellResult {
  std::string out;
  std::string err;
  int exit_code = -1;  ///< -1 when it did not exit normally
};
/// Runs `command` with /bin/sh; stdout and stderr are captured separately (redirections inside
/// the command apply first). Use for running the real binary (PCL_BINARY) and tools like git.
ShellResult RunShell(const std::string& command);

/// "line:col id message" for each finding, one per line (for exact comparisons).
std::string FormatFindings(const std::vector<model::Diagnostic>& diagnostics);

}  // namespace pcl::testing

#include <ostream>

namespace pcl::model {
inline std::ostream& operator<<(std::ostream& out, const Position& p) {
  return out << p.line << ':' << p.column;
}
}  // namespace pcl::model
