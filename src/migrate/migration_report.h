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

/// The --report JSON, `{"format": "pcluster-lint-migration-report", "format_version": 2, "fail_on":
/// ..., "files": [...]}` indented by two, in pieces: Begin(), then Add() for each file in order,
/// then End(). The report of a tree of any size is written as it goes, never held whole.
class ReportJsonWriter {
 public:
  std::string Begin(std::string_view fail_on) const;
  std::string Add(const FileOutcome& file);
  std::string End() const;

 private:
  size_t files_ = 0;
};

/// The readable summary of one file: its key counts and each dropped key with its reason and line.
void WriteSummary(const FileOutcome& file, std::ostream& out);

/// One line of the table printed after a directory migration.
struct TableRow {
  FileStatus status = FileStatus::kFailed;
  std::string input;
  std::string output;
  std::string reason;
};

/// The table row of `file`. `fail_at` as in StatusOf: the reason of a written file counts the
/// findings at or above it.
TableRow RowOf(const FileOutcome& file, std::optional<model::Severity> fail_at);

/// The table: status, input, output, reason per file; then totals.
void WriteTable(const std::vector<TableRow>& rows, std::ostream& out);

}  // namespace pcl::migrate
