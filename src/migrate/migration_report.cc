// The migration report: per file, what became of every v2 key (JSON for --report, text summary).
#include "migrate/migration_report.h"

#include <algorithm>
#include <map>

#include "report/escape.h"

namespace pcl::migrate {
namespace {

const char* FateName(KeyFate::Kind kind) {
  switch (kind) {
    case KeyFate::Kind::kConverted: return "converted";
    case KeyFate::Kind::kReference: return "reference";
    case KeyFate::Kind::kDropped: return "dropped";
  }
  return "dropped";
}

std::string Padded(std::string text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

bool AtOrAbove(const model::Diagnostic& d, std::optional<model::Severity> fail_at) {
  return !d.suppressed && fail_at && d.severity >= *fail_at;
}

// "2 errors, 1 warning" for the unsuppressed errors and warnings that `counted` selects; "" if none.
template <typename Pred>
std::string CountWords(const std::vector<model::Diagnostic>& findings, Pred counted) {
  int errors = 0, warnings = 0;
  for (const model::Diagnostic& d : findings) {
    if (d.suppressed || !counted(d)) continue;
    errors += d.severity == model::Severity::kError;
    warnings += d.severity == model::Severity::kWarning;
  }
  std::string text;
  if (errors > 0) text = std::to_string(errors) + (errors == 1 ? " error" : " errors");
  if (warnings > 0) {
    text += (text.empty() ? "" : ", ") + std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
  }
  return text;
}

// The reason column of a written file: what to fix (at or above --fail-on) or to review (below).
std::string WrittenReason(const FileOutcome& file, std::optional<model::Severity> fail_at) {
  if (file.status == FileStatus::kConvertedWithFindings) {
    std::string counts = CountWords(file.findings, [&](const auto& d) { return AtOrAbove(d, fail_at); });
    if (!counts.empty()) return counts + " at or above --fail-on";
    return "info findings at or above --fail-on";
  }
  std::string counts = CountWords(file.findings, [&](const auto& d) { return !AtOrAbove(d, fail_at); });
  return counts.empty() ? "" : counts + " to review (below --fail-on)";
}

// One element of the report's "files": the file's outcome, every v2 key's fate, its findings.
nlohmann::ordered_json EntryJson(const FileOutcome& file) {
  nlohmann::ordered_json entry;
  entry["input"] = file.input;
  entry["output"] = file.output.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(file.output);
  entry["status"] = std::string(StatusName(file.status));
  if (!file.reason.empty()) entry["reason"] = file.reason;
  const MigrationResult* result = file.result;
  entry["cluster_section"] = result ? result->cluster_section : "";
  nlohmann::ordered_json keys = nlohmann::ordered_json::array();
  if (result) {
    for (const KeyFate& fate : result->keys) {
      nlohmann::ordered_json key;
      key["section"] = fate.section;
      key["key"] = fate.key;
      key["line"] = fate.key_range.begin.line;
      key["column"] = fate.key_range.begin.column;
      key["fate"] = FateName(fate.kind);
      key["pointers"] = fate.pointers;
      if (!fate.category.empty()) key["category"] = fate.category;
      if (!fate.detail.empty()) key["reason"] = fate.detail;
      keys.push_back(std::move(key));
    }
  }
  entry["keys"] = std::move(keys);
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const model::Diagnostic& d : file.findings) {
    findings.push_back({{"file", d.file},
                        {"line", d.range.begin.line},
                        {"column", d.range.begin.column},
                        {"rule", d.rule_id},
                        {"severity", model::SeverityName(d.severity)},
                        {"message", d.message},
                        {"pointer", d.pointer}});
  }
  entry["findings"] = std::move(findings);
  return entry;
}

}  // namespace

std::string_view StatusName(FileStatus status) {
  switch (status) {
    case FileStatus::kConverted: return "converted";
    case FileStatus::kConvertedWithFindings: return "converted with findings";
    case FileStatus::kFailed: return "failed";
  }
  return "failed";
}

FileStatus StatusOf(const MigrationResult& result, const std::vector<model::Diagnostic>& findings,
                    std::optional<model::Severity> fail_at) {
  if (!result.ok) return FileStatus::kFailed;
  for (const model::Diagnostic& d : findings) {
    if (AtOrAbove(d, fail_at)) return FileStatus::kConvertedWithFindings;
  }
  return FileStatus::kConverted;
}

std::string ReportJsonWriter::Begin(std::string_view fail_on) const {
  nlohmann::ordered_json doc;
  doc["format"] = "pcluster-lint-migration-report";
  // 2: the statuses are converted / converted with findings (at or above fail_on) / failed.
  doc["format_version"] = 2;
  doc["tool"] = {{"name", "pcluster-lint"}, {"version", PCL_VERSION}};
  doc["fail_on"] = std::string(fail_on);
  std::string text = doc.dump(2);
  text.resize(text.size() - 2);  // "\n}": the object goes on with "files"
  return text + ",\n  \"files\": [";
}

std::string ReportJsonWriter::Add(const FileOutcome& file) {
  // Indented as dump(2) indents an element of "files": four spaces deeper than at the top. A
  // line break in the dump is always between tokens (strings escape theirs), so each gets them.
  std::string text = files_++ == 0 ? "\n    " : ",\n    ";
  for (char c : EntryJson(file).dump(2)) {
    text += c;
    if (c == '\n') text += "    ";
  }
  return text;
}

std::string ReportJsonWriter::End() const {
  return files_ == 0 ? "]\n}" : "\n  ]\n}";
}

void WriteSummary(const FileOutcome& file, std::ostream& out) {
  const MigrationResult* result = file.result;
  if (result == nullptr || result->keys.empty()) return;
  std::map<KeyFate::Kind, int> counts;
  for (const KeyFate& fate : result->keys) ++counts[fate.kind];
  // File names, sections and keys are the user's: shown, never acted on by a terminal or CI runner.
  out << report::VisiblePath(file.input) << " [" << report::Visible(result->cluster_section) << "]";
  if (!file.output.empty()) out << " -> " << report::Visible(file.output);
  out << ": " << StatusName(file.status) << "; " << result->keys.size()
      << " v2 keys: " << counts[KeyFate::Kind::kConverted] << " converted, " << counts[KeyFate::Kind::kReference]
      << " section references, " << counts[KeyFate::Kind::kDropped] << " dropped\n";
  for (const KeyFate& fate : result->keys) {
    if (fate.kind != KeyFate::Kind::kDropped) continue;
    out << "  " << report::Visible(file.input) << ':' << fate.key_range.begin.line << ':' << fate.key_range.begin.column
        << ": [" << report::Visible(fate.section) << "] " << report::Visible(fate.key) << ": dropped (" << fate.category
        << "): " << report::Visible(fate.detail) << '\n';
  }
}

TableRow RowOf(const FileOutcome& file, std::optional<model::Severity> fail_at) {
  return {file.status, file.input, file.output,
          file.status == FileStatus::kFailed ? file.reason : WrittenReason(file, fail_at)};
}

void WriteTable(const std::vector<TableRow>& rows, std::ostream& out) {
  size_t input_width = 5, output_width = 6;
  auto shown = [](const std::string& path) {
    return path.empty() ? std::string("-") : report::Visible(path);
  };
  for (const TableRow& row : rows) {
    input_width = std::max(input_width, shown(row.input).size());
    output_width = std::max(output_width, shown(row.output).size());
  }
  constexpr size_t kStatusWidth = 23;
  out << Padded("STATUS", kStatusWidth) << "  " << Padded("INPUT", input_width) << "  "
      << Padded("OUTPUT", output_width) << "  REASON\n";
  int counts[3] = {0, 0, 0};
  for (const TableRow& row : rows) {
    ++counts[static_cast<int>(row.status)];
    out << Padded(std::string(StatusName(row.status)), kStatusWidth) << "  " << Padded(shown(row.input), input_width)
        << "  " << Padded(shown(row.output), output_width) << "  " << report::Visible(row.reason) << '\n';
  }
  out << rows.size() << (rows.size() == 1 ? " file: " : " files: ") << counts[0] << " converted, " << counts[1]
      << " converted with findings, " << counts[2] << " failed (nothing written)\n";
}

}  // namespace pcl::migrate
