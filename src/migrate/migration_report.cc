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

}  // namespace

std::string_view StatusName(FileStatus status) {
  switch (status) {
    case FileStatus::kConverted: return "converted";
    case FileStatus::kConvertedWithWarnings: return "converted with warnings";
    case FileStatus::kFailed: return "failed";
  }
  return "failed";
}

FileStatus StatusOf(const MigrationResult& result, const std::vector<model::Diagnostic>& findings) {
  if (!result.ok) return FileStatus::kFailed;
  for (const model::Diagnostic& d : findings) {
    if (!d.suppressed && d.severity >= model::Severity::kWarning) return FileStatus::kConvertedWithWarnings;
  }
  return FileStatus::kConverted;
}

nlohmann::ordered_json ReportJson(const std::vector<FileOutcome>& files) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const FileOutcome& file : files) {
    nlohmann::ordered_json entry;
    entry["input"] = file.input;
    entry["output"] = file.output.empty() ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(file.output);
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
    list.push_back(std::move(entry));
  }
  nlohmann::ordered_json doc;
  doc["format"] = "pcluster-lint-migration-report";
  doc["format_version"] = 1;
  doc["tool"] = {{"name", "pcluster-lint"}, {"version", PCL_VERSION}};
  doc["files"] = std::move(list);
  return doc;
}

void WriteSummary(const std::vector<FileOutcome>& files, std::ostream& out) {
  for (const FileOutcome& file : files) {
    const MigrationResult* result = file.result;
    if (result == nullptr || result->keys.empty()) continue;
    std::map<KeyFate::Kind, int> counts;
    for (const KeyFate& fate : result->keys) ++counts[fate.kind];
    // File names, sections and keys are the user's: shown, never acted on by a terminal or CI runner.
    out << report::VisiblePath(file.input) << " [" << report::Visible(result->cluster_section) << "]";
    if (!file.output.empty()) out << " -> " << report::Visible(file.output);
    out << ": " << result->keys.size() << " v2 keys: " << counts[KeyFate::Kind::kConverted]
        << " converted, " << counts[KeyFate::Kind::kReference] << " section references, "
        << counts[KeyFate::Kind::kDropped] << " dropped\n";
    for (const KeyFate& fate : result->keys) {
      if (fate.kind != KeyFate::Kind::kDropped) continue;
      out << "  " << report::Visible(file.input) << ':' << fate.key_range.begin.line << ':'
          << fate.key_range.begin.column << ": [" << report::Visible(fate.section) << "] "
          << report::Visible(fate.key) << ": dropped (" << fate.category << "): " << report::Visible(fate.detail)
          << '\n';
    }
  }
}

void WriteTable(const std::vector<FileOutcome>& files, std::ostream& out) {
  size_t input_width = 5, output_width = 6;
  auto shown = [](const std::string& path) { return path.empty() ? std::string("-") : report::Visible(path); };
  for (const FileOutcome& file : files) {
    input_width = std::max(input_width, shown(file.input).size());
    output_width = std::max(output_width, shown(file.output).size());
  }
  constexpr size_t kStatusWidth = 23;
  out << Padded("STATUS", kStatusWidth) << "  " << Padded("INPUT", input_width) << "  "
      << Padded("OUTPUT", output_width) << "  REASON\n";
  int counts[3] = {0, 0, 0};
  for (const FileOutcome& file : files) {
    ++counts[static_cast<int>(file.status)];
    std::string reason = file.reason;
    if (file.status == FileStatus::kConvertedWithWarnings) {
      int warnings = 0;
      for (const auto& d : file.findings) warnings += d.severity >= model::Severity::kWarning;
      reason = std::to_string(warnings) + (warnings == 1 ? " warning or error" : " warnings or errors") +
               " to review";
    }
    out << Padded(std::string(StatusName(file.status)), kStatusWidth) << "  "
        << Padded(shown(file.input), input_width) << "  " << Padded(shown(file.output), output_width) << "  "
        << report::Visible(reason) << '\n';
  }
  out << files.size() << (files.size() == 1 ? " file: " : " files: ") << counts[0] << " converted, "
      << counts[1] << " converted with warnings, " << counts[2] << " failed\n";
}

}  // namespace pcl::migrate
