// The migration report: per file, what became of every v2 key (JSON for --report, text summary).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "migrate/migrate.h"

namespace pcl::migrate {

/// How one file fared.
enum class FileStatus { kConverted, kConvertedWithWarnings, kFailed };

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

/// The status that a migration result and its findings amount to.
FileStatus StatusOf(const MigrationResult& result, const std::vector<model::Diagnostic>& findings);

/// `{"format": "pcluster-lint-migration-report", "format_version": 1, "files": [...]}`.
nlohmann::ordered_json ReportJson(const std::vector<FileOutcome>& files);

/// The readable summary: counts per file and each dropped key with its reason and line.
void WriteSummary(const std::vector<FileOutcome>& files, std::ostream& out);

/// The table printed after a directory migration: status, input, output, reason; then totals.
void WriteTable(const std::vector<FileOutcome>& files, std::ostream& out);

}  // namespace pcl::migrate
