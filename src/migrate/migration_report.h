// The migration report: per file, what became of every v2 key (JSON for --report, text summary).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "migrate/migrate.h"

namespace pcl::migrate {

/// How one file fared. Each status has its own exit code (cli/commands.h): 0, 1 and 4.
enum class FileStatus {
  kConverted,              ///< written; no finding at or above --fail-on
  kConvertedWithFindings,  ///< written; findings at or above --fail-on to fix before use
  kFailed,                 ///< a blocking problem (or I/O error): nothing written
};

std::string_view StatusName(FileStatus status);

/// One migrated (or not) input, as the report shows it.
struct FileOutcome {
  std::string input;
  std::string output;  ///< path, "<stdout>", or "" when nothing was written
  FileStatus status = FileStatus::kFailed;
  std::string reason;  ///< failed: the first blocking finding or I/O problem
  const MigrationResult* result = nullptr;
  /// Findings of the v2 input and of the schema check of the output.
  std::vector<model::Diagnostic> findings;
};

/// The status that a migration result and its findings amount to. `fail_at` is the lowest
/// severity of --fail-on (nullopt for `never`): unsuppressed findings at or above it make a written
/// file kConvertedWithFindings.
FileStatus StatusOf(const MigrationResult& result, const std::vector<model::Diagnostic>& findings,
                    std::optional<model::Severity> fail_at);

/// `{"format": "pcluster-lint-migration-report", "format_version": 2, "fail_on": ..., "files": [...]}`.
nlohmann::ordered_json ReportJson(const std::vector<FileOutcome>& files, std::string_view fail_on);

/// The readable summary: counts per file and each dropped key with its reason and line.
void WriteSummary(const std::vector<FileOutcome>& files, std::ostream& out);

/// The table printed after a directory migration: status, input, output, reason; then totals.
/// `fail_at` as in StatusOf: the reason column counts the findings at or above it.
void WriteTable(const std::vector<FileOutcome>& files, std::optional<model::Severity> fail_at, std::ostream& out);

}  // namespace pcl::migrate
