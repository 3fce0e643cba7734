// GitHub Actions workflow commands: one `::error|warning|notice` annotation per finding.
#include "report/escape.h"
#include "report/locations.h"
#include "report/report.h"

namespace pcl::report {
namespace {

const char* Command(model::Severity severity) {
  switch (severity) {
    case model::Severity::kError: return "error";
    case model::Severity::kWarning: return "warning";
    case model::Severity::kInfo: return "notice";
  }
  return "error";
}

// The runner reads the message up to the end of the line, so line breaks must be encoded;
// property values end at ',' and the property list at "::", so those are encoded too.
std::string Escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

void WriteGithub(const RunReport& report, const RenderOptions& options, std::ostream& out) {
  // Annotations land on the diff only with paths relative to the checkout (the workspace).
  RepoPaths paths(options);
  for (const model::Diagnostic& d : report.diagnostics) {
    if (d.suppressed) continue;
    auto source_it = report.sources.find(d.file);
    const model::SourceFile* source = source_it == report.sources.end() ? nullptr : source_it->second.get();
    // Control characters in keys, values and file names are shown, not passed to the log (ESC).
    out << "::" << Command(d.severity) << " file=" << Escape(Visible(paths.Display(d.file)), true);
    if (d.range.begin.Known()) {
      out << ",line=" << d.range.begin.line;
      if (d.range.begin.column > 0) {
        out << ",col=" << CharacterColumn(source, d.range.begin.line, d.range.begin.column);
      }
      if (d.range.end.Known() && d.range.end > d.range.begin) {
        out << ",endLine=" << d.range.end.line;
        if (d.range.end.column > 0) {
          out << ",endColumn=" << CharacterColumn(source, d.range.end.line, d.range.end.column);
        }
      }
    }
    std::string title = d.rule_id;
    if (std::string name = RuleName(d.rule_id); !name.empty()) title += ' ' + name;
    std::string message = Visible(d.message);
    for (const model::Note& note : d.notes) {
      message += "\nnote: " + Visible(paths.Display(note.file)) + ':' + std::to_string(note.position.line) + ':' +
                 std::to_string(note.position.column) + ": " + Visible(note.message);
    }
    out << ",title=" << Escape(title, true) << "::" << Escape(message, false) << '\n';
  }
}

}  // namespace pcl::report
