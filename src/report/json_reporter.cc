// Machine-readable findings as a versioned JSON object (schema documented in README).
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace pcl::report {

namespace {
nlohmann::ordered_json Position(const model::Position& p) {
  return {{"line", p.line}, {"column", p.column}};
}
}  // namespace

void WriteJson(const RunReport& report, std::ostream& out) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const model::Diagnostic& d : report.diagnostics) {
    nlohmann::ordered_json f;
    f["file"] = d.file;
    f["line"] = d.range.begin.line;
    f["column"] = d.range.begin.column;
    f["range"] = {{"start", Position(d.range.begin)}, {"end", Position(d.range.end)}};
    f["pointer"] = d.pointer;
    f["rule"] = d.rule_id;
    f["name"] = RuleName(d.rule_id);
    f["severity"] = model::SeverityName(d.severity);
    f["message"] = d.message;
    f["suppressed"] = d.suppressed;
    if (d.suppressed) f["suppression_reason"] = d.suppression_reason;
    if (!d.notes.empty()) {
      nlohmann::ordered_json notes = nlohmann::ordered_json::array();
      for (const model::Note& note : d.notes) {
        notes.push_back({{"message", note.message},
                         {"file", note.file},
                         {"line", note.position.line},
                         {"column", note.position.column}});
      }
      f["notes"] = std::move(notes);
    }
    findings.push_back(std::move(f));
  }
  nlohmann::ordered_json doc;
  doc["format"] = "pcluster-lint-report";
  doc["format_version"] = 1;
  doc["tool"] = {{"name", "pcluster-lint"}, {"version", report.tool_version}};
  if (!report.target_version.empty()) doc["target_version"] = report.target_version;
  doc["files"] = report.files;
  doc["findings"] = std::move(findings);
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace pcl::report
