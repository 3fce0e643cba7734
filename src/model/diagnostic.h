// A finding: rule id, severity, message and where it is (file, range, JSON pointer).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/source.h"

namespace pcl::model {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view SeverityName(Severity severity);
/// Parses "error", "warning", "info" (exactly); nullopt otherwise.
std::optional<Severity> ParseSeverity(std::string_view text);

/// A secondary location that explains a finding ("previously defined here").
struct Note {
  std::string message;
  std::string file;
  Position position;
};

/// One finding. Every finding carries a stable rule id (PCLnnnn).
struct Diagnostic {
  std::string rule_id;
  Severity severity = Severity::kError;
  std::string message;
  std::string file;     ///< Path as given by the user.
  Range range;          ///< Where to point; begin.line 0 if the finding is about the whole file.
  std::string pointer;  ///< RFC 6901 JSON pointer into the document ("" = root).
  std::vector<Note> notes;
  bool suppressed = false;
  std::string suppression_reason;
};

/// The order every report uses: file, line, column, rule id, then message.
bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b);
void SortDiagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace pcl::model
