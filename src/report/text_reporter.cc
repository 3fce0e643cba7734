// Human-readable findings: "path:line:col: severity: message [ID name]", snippet, caret, summary.
#include <algorithm>
#include <cstdio>

#include "engine/rule_meta.h"
#include "generated/ids/input.h"
#include "report/escape.h"
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

constexpr size_t kSnippetWidth = 100;

// Byte length of a C1 control (U+0080–U+009F) or bidirectional-text control at text[i], else 0.
size_t HiddenControlLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
  };
  if (byte(i) == 0xC2 && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9F) return 2;
  if (byte(i) == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) >= 0xAA && byte(i + 2) <= 0xAE)) return 3;
  if (byte(i) == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0x8E || byte(i + 2) == 0x8F)) return 3;
  if (byte(i) == 0xE2 && byte(i + 1) == 0x81 && byte(i + 2) >= 0xA6 && byte(i + 2) <= 0xA9) return 3;
  return 0;
}

bool IsContinuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

void WriteSnippet(const model::SourceFile& source, const model::Diagnostic& d, bool color, std::ostream& out) {
  const int line = d.range.begin.line;
  if (line < 1 || line > source.LineCount()) return;
  std::string_view text = source.Line(line);
  // In a file with bad encoding, non-ASCII bytes are shown as '?' (one per byte) so the report
  // stays UTF-8; otherwise the caret counts characters, so it lines up after multibyte text.
  const bool bad_encoding = d.rule_id == ids::kInvalidEncoding;
  auto shown_width = [&](size_t begin, size_t end) {  // terminal cells of text[begin, end)
    size_t cells = 0;
    for (size_t i = std::min(begin, text.size()); i < std::min(end, text.size()); ++i) {
      cells += bad_encoding || !IsContinuation(text[i]) ? 1 : 0;
    }
    return cells + (end > text.size() ? end - std::max(begin, text.size()) : 0);
  };
  const size_t column = static_cast<size_t>(std::max(1, d.range.begin.column)) - 1;  // byte offset
  size_t end = column + 1;
  if (d.range.end.line == line && d.range.end.column > d.range.begin.column) end = d.range.end.column - 1;
  // Long lines (minified or generated files) are shown as a window around the column, cut at
  // character boundaries.
  size_t first = 0;
  if (text.size() > kSnippetWidth && column > kSnippetWidth / 2) first = column - kSnippetWidth / 2;
  while (!bad_encoding && first > 0 && first < text.size() && IsContinuation(text[first])) --first;
  size_t last = std::min(text.size(), first + kSnippetWidth);
  while (!bad_encoding && last > first && last < text.size() && IsContinuation(text[last])) --last;
  std::string number = std::to_string(line);
  out << ' ' << number << " | " << (first > 0 ? "..." : "");
  // Control characters (tabs, escape sequences, binary junk) would garble the terminal and
  // misalign the caret: each shows as one blank, the one cell it is counted as.
  const std::string_view shown = text.substr(first, last - first);
  for (size_t i = 0; i < shown.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(shown[i]);
    if (!bad_encoding && u >= 0x80) {
      if (size_t length = HiddenControlLength(shown, i)) {
        out << ' ';
        i += length - 1;
        continue;
      }
    }
    out << (u < 0x20 || u == 0x7f ? ' ' : bad_encoding && u >= 0x80 ? '?' : static_cast<char>(u));
  }
  if (last < text.size()) out << "...";
  out << '\n' << ' ' << std::string(number.size(), ' ') << " | " << (first > 0 ? "   " : "");
  out << std::string(shown_width(first, column), ' ');
  size_t room = std::max<size_t>(1, shown_width(column, std::max(last, column + 1)));
  size_t width = std::clamp<size_t>(shown_width(column, end), 1, room);
  if (color) out << Colour(d.severity);
  out << '^' << std::string(width - 1, '~');
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
    // Keys, values and file names are the user's: shown, never acted on by a terminal or CI runner.
    out << VisiblePath(d.file);
    if (d.range.begin.Known()) out << ':' << d.range.begin.line << ':' << d.range.begin.column;
    out << ": ";
    if (color) out << Colour(d.severity);
    out << model::SeverityName(d.severity);
    if (color) out << "\033[0m";
    out << ": " << Visible(d.message) << " [" << d.rule_id;
    if (std::string name = RuleName(d.rule_id); !name.empty()) out << ' ' << name;
    out << "]\n";
    auto source = report.sources.find(d.file);
    if (options.snippets && source != report.sources.end() && source->second && d.range.begin.Known()) {
      WriteSnippet(*source->second, d, color, out);
    }
    for (const model::Note& note : d.notes) {
      out << "  note: " << Visible(note.file) << ':' << note.position.line << ':' << note.position.column << ": "
          << Visible(note.message) << '\n';
    }
  }
  if (options.quiet) return;
  WriteTextTotals(report.files.size(), counts, report.seconds, out);
}

void WriteTextTotals(size_t files, const int (&counts)[3], double seconds, std::ostream& out) {
  char timing[32];
  std::snprintf(timing, sizeof timing, "%.0f ms", seconds * 1000);
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
