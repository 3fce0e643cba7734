// Human-readable findings: "path:line:col: severity: message [ID name]", snippet, caret, summary.
#include <cstdio>

#include "engine/rule_meta.h"
#include "parsers/rule_ids.h"
#include "report/report.h"

namespace pcl::report {
namespace {

const char* Colour(model::Severity severity) {
  switch (severity) {
    case model::Severity::kError: return "\033[1;31m";
    case model::Severity::kWarning: return "\033[1;33m";
    case model::Severity::kInfo: return "\033[1;36m";
  }
  return "";
}

// Long lines (minified or generated files) are shown as a window around the column.
constexpr int kSnippetWidth = 100;

void WriteSnippet(const model::SourceFile& source, const model::Diagnostic& d, bool color,
                  std::ostream& out) {
  const int line = d.range.begin.line;
  if (line < 1 || line > source.LineCount()) return;
  std::string_view text = source.Line(line);
  int column = std::max(1, d.range.begin.column);
  int width = 1;
  if (d.range.end.line == line && d.range.end.column > column) width = d.range.end.column - column;
  int first = 1;  // first column shown
  if (static_cast<int>(text.size()) > kSnippetWidth && column > kSnippetWidth / 2) {
    first = column - kSnippetWidth / 2;
  }
  std::string_view shown = text.substr(std::min<size_t>(text.size(), first - 1), kSnippetWidth);
  std::string number = std::to_string(line);
  out << ' ' << number << " | " << (first > 1 ? "..." : "");
  // Control characters (tabs, binary junk) would garble the terminal and misalign the caret;
  // in a file with bad encoding, non-ASCII bytes are shown as '?' so the report stays UTF-8.
  const bool bad_encoding = d.rule_id == parsers::kBadEncoding;
  for (char c : shown) {
    unsigned char u = static_cast<unsigned char>(c);
    out << (u < 0x20 || u == 0x7f ? ' ' : bad_encoding && u >= 0x80 ? '?' : c);
  }
  if (first - 1 + static_cast<int>(shown.size()) < static_cast<int>(text.size())) out << "...";
  out << '\n' << ' ' << std::string(number.size(), ' ') << " | " << (first > 1 ? "   " : "");
  out << std::string(static_cast<size_t>(column - first), ' ');
  int room = std::max<int>(1, static_cast<int>(first - 1 + shown.size()) - column + 1);
  width = std::min(width, room);
  if (color) out << Colour(d.severity);
  out << '^' << std::string(static_cast<size_t>(width - 1), '~');
  if (color) out << "\033[0m";
  out << '\n';
}

}  // namespace

std::string RuleName(const std::string& rule_id) {
  const engine::RuleMeta* meta = engine::RuleCatalog::Embedded().FindById(rule_id);
  return meta ? meta->name : std::string();
}

void WriteText(const RunReport& report, const TextOptions& options, std::ostream& out) {
  int counts[3] = {0, 0, 0};
  for (const model::Diagnostic& d : report.diagnostics) {
    if (d.suppressed) continue;
    ++counts[static_cast<int>(d.severity)];
    const bool color = options.color;
    out << d.file;
    if (d.range.begin.Known()) out << ':' << d.range.begin.line << ':' << d.range.begin.column;
    out << ": ";
    if (color) out << Colour(d.severity);
    out << model::SeverityName(d.severity);
    if (color) out << "\033[0m";
    out << ": " << d.message << " [" << d.rule_id;
    if (std::string name = RuleName(d.rule_id); !name.empty()) out << ' ' << name;
    out << "]\n";
    auto source = report.sources.find(d.file);
    if (options.snippets && source != report.sources.end() && source->second && d.range.begin.Known()) {
      WriteSnippet(*source->second, d, color, out);
    }
    for (const model::Note& note : d.notes) {
      out << "  note: " << note.file << ':' << note.position.line << ':' << note.position.column << ": "
          << note.message << '\n';
    }
  }
  if (options.quiet) return;
  const size_t files = report.files.size();
  char timing[32];
  std::snprintf(timing, sizeof timing, "%.0f ms", report.seconds * 1000);
  out << files << (files == 1 ? " file" : " files") << " checked: ";
  if (counts[0] + counts[1] + counts[2] == 0) {
    out << "no findings";
  } else {
    out << counts[2] << (counts[2] == 1 ? " error, " : " errors, ") << counts[1]
        << (counts[1] == 1 ? " warning, " : " warnings, ") << counts[0] << " info";
  }
  out << " (" << timing << ")\n";
}

}  // namespace pcl::report
