// Severity names and the canonical sort order of findings.
#include "model/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace pcl::model {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(std::string_view text) {
  if (text == "error") return Severity::kError;
  if (text == "warning") return Severity::kWarning;
  if (text == "info") return Severity::kInfo;
  return std::nullopt;
}

bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.file, a.range.begin, a.rule_id, a.message, a.pointer) <
         std::tie(b.file, b.range.begin, b.rule_id, b.message, b.pointer);
}

void SortDiagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), DiagnosticLess);
}

}  // namespace pcl::model
