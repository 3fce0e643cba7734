// JUnit XML: a <testsuite> per file, a <testcase> per rule evaluated, a <failure> per error or warning.
#include <map>
#include <sstream>

#include "report/report.h"

namespace pcl::report {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at `text[i]` that XML 1.0 allows, or 0.
size_t XmlCharLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
  };
  auto cont = [&](size_t k, unsigned lo, unsigned hi) {
    return byte(k) >= lo && byte(k) <= hi;
  };
  unsigned b = byte(i);
  if (b < 0x80) return (b >= 0x20 || b == '\t' || b == '\n' || b == '\r') ? 1 : 0;
  if (b >= 0xC2 && b <= 0xDF) return cont(i + 1, 0x80, 0xBF) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    unsigned lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;  // no overlongs, surrogates
    if (!cont(i + 1, lo, hi) || !cont(i + 2, 0x80, 0xBF)) return 0;
    return (b == 0xEF && byte(i + 1) == 0xBF && byte(i + 2) >= 0xBE) ? 0 : 3;  // U+FFFE, U+FFFF
  }
  if (b >= 0xF0 && b <= 0xF4) {
    unsigned lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
    return cont(i + 1, lo, hi) && cont(i + 2, 0x80, 0xBF) && cont(i + 3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// Findings can quote bytes from broken files; XML parsers reject control characters and
// invalid UTF-8 outright, so those become U+FFFD rather than make the whole report unreadable.
std::string Xml(std::string_view text, bool attribute) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t length = XmlCharLength(text, i);
    if (length == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    char c = text[i];
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"' && attribute)
      out += "&quot;";
    else if (c == '\r')
      out += "&#13;";  // parsers would normalise a raw CR away
    else if ((c == '\n' || c == '\t') && attribute)
      out += c == '\n' ? "&#10;" : "&#9;";
    else
      out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string Attr(std::string_view text) {
  return Xml(text, true);
}

/// One rule on one file: its findings, split into failures (errors and warnings), notes (info:
/// shown in the test's output, not failed, so a note never turns a test view red) and suppressed ones.
struct Case {
  std::vector<const model::Diagnostic*> failures;
  std::vector<const model::Diagnostic*> notes;
  std::vector<const model::Diagnostic*> suppressed;
  bool Empty() const { return failures.empty() && notes.empty() && suppressed.empty(); }
};

// A failure's body (or a note in system-out) reads like the text report: location, message, snippet and notes.
std::string FailureBody(const RunReport& report, const model::Diagnostic& d) {
  RunReport one;
  one.diagnostics.push_back(d);
  if (auto source = report.sources.find(d.file); source != report.sources.end()) {
    one.sources.insert(*source);
  }
  std::ostringstream body;
  WriteText(one, {/*color=*/false, /*quiet=*/true, /*snippets=*/true}, body);
  return body.str();
}

std::string Location(const model::Diagnostic& d) {
  std::string at = d.file;
  if (d.range.begin.Known()) {
    at += ':' + std::to_string(d.range.begin.line) + ':' + std::to_string(d.range.begin.column);
  }
  return at;
}

}  // namespace

void WriteJunit(const RunReport& report, std::ostream& out) {
  // Files in the order given, plus any a finding names that was not given (in first-seen order).
  std::vector<std::string> files;
  std::map<std::string, std::map<std::string, Case>> cases;  // file → rule id → case
  for (const std::string& file : report.files) {
    if (cases.emplace(file, std::map<std::string, Case>()).second) files.push_back(file);
  }
  for (const model::Diagnostic& d : report.diagnostics) {
    if (!cases.count(d.file)) files.push_back(d.file);
    Case& c = cases[d.file][d.rule_id];
    (d.suppressed ? c.suppressed : d.severity == model::Severity::kInfo ? c.notes : c.failures).push_back(&d);
  }
  for (auto& [file, rules] : cases) {
    for (const std::string& id : report.rules_evaluated) rules[id];
  }

  size_t total_tests = 0, total_failures = 0;
  for (const auto& [file, rules] : cases) {
    total_tests += rules.size();
    for (const auto& [id, c] : rules) total_failures += c.failures.empty() ? 0 : 1;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"pcluster-lint\" tests=\"" << total_tests << "\" failures=\"" << total_failures
      << "\" errors=\"0\">\n";
  for (const std::string& file : files) {
    const std::map<std::string, Case>& rules = cases[file];
    size_t failures = 0;
    for (const auto& [id, c] : rules) failures += c.failures.empty() ? 0 : 1;
    out << "  <testsuite name=\"" << Attr(file) << "\" tests=\"" << rules.size() << "\" failures=\"" << failures
        << "\" errors=\"0\" skipped=\"0\">\n";
    for (const auto& [id, c] : rules) {
      std::string name = id;
      if (std::string rule_name = RuleName(id); !rule_name.empty()) name += ' ' + rule_name;
      out << "    <testcase name=\"" << Attr(name) << "\" classname=\"" << Attr(file) << "\" file=\"" << Attr(file)
          << '"';
      if (c.Empty()) {
        out << "/>\n";
        continue;
      }
      out << ">\n";
      for (const model::Diagnostic* d : c.failures) {
        out << "      <failure type=\"" << model::SeverityName(d->severity) << "\" message=\""
            << Attr(Location(*d) + ": " + d->message) << "\">" << Xml(FailureBody(report, *d), false) << "</failure>\n";
      }
      if (!c.notes.empty() || !c.suppressed.empty()) {
        std::string text;
        for (const model::Diagnostic* d : c.notes) text += FailureBody(report, *d);
        for (const model::Diagnostic* d : c.suppressed) {
          text += Location(*d) + ": suppressed: " + d->message;
          if (!d->suppression_reason.empty()) text += " -- " + d->suppression_reason;
          text += '\n';
        }
        out << "      <system-out>" << Xml(text, false) << "</system-out>\n";
      }
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace pcl::report
