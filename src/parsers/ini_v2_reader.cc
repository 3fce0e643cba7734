// configparser's `_read` loop, line for line, producing raw sections, comments and findings.
#include "parsers/ini_v2_reader.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "generated/ids/input.h"
#include "model/json_pointer.h"
#include "parsers/ini_v2_text.h"

namespace pcl::parsers::ini {
namespace {

using model::Diagnostic;
using std::string_view;

constexpr size_t kNpos = string_view::npos;
constexpr size_t kQuoteLimit = 120;  // longest excerpt of a bad line quoted in a message
constexpr char kDefaultSection[] = "DEFAULT";

// configparser's inline-comment search, kept literally: each round finds the next '#' and the
// next ';' and stops at the first round in which either follows whitespace (or starts the
// line). An earlier qualifying prefix of the other kind can be missed: in "v;x ;y #z" round one
// finds ';' at "v;x" (no) and '#' (yes), so the value is "v;x ;y".
size_t FindInlineComment(string_view line) {
  static constexpr char kPrefixes[2] = {'#', ';'};
  size_t comment = kNpos;
  size_t from[2] = {0, 0};
  bool active[2] = {true, true};
  while (comment == kNpos && (active[0] || active[1])) {
    for (int p = 0; p < 2; ++p) {
      if (!active[p]) continue;
      const size_t index = line.find(kPrefixes[p], from[p]);
      if (index == kNpos) {
        active[p] = false;
        continue;
      }
      from[p] = index + 1;
      if (index == 0 || ini_text::IsSpace(ini_text::DecodeBefore(line, index).value)) {
        comment = std::min(comment, index);
      }
    }
  }
  return comment;
}

// Quotes user text for a message, cut at a character boundary when it is very long.
std::string Quote(string_view text) {
  if (text.size() <= kQuoteLimit) return "'" + std::string(text) + "'";
  size_t cut = kQuoteLimit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(text.substr(0, cut)) + "...'";
}

class Reader {
 public:
  Reader(const model::SourceFile& source, std::vector<Diagnostic>& diagnostics, std::vector<model::Comment>& comments)
      : source_(source), text_(source.text()), diagnostics_(diagnostics), comments_(comments) {}

  RawIni Read() {
    size_t pos = 0;
    // Python's open(encoding="utf-8") would keep a BOM as U+FEFF in the first line and then
    // reject a first-line "[section]"; editors on Windows add BOMs silently, so we skip it.
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
    // Universal newlines, as Python's text mode reads the file: "\r\n", "\r" and "\n" all end
    // a line.
    while (pos < text_.size()) {
      size_t end = text_.find_first_of("\r\n", pos);
      size_t next;
      if (end == kNpos) {
        end = next = text_.size();
      } else {
        next = end + (text_[end] == '\r' && end + 1 < text_.size() && text_[end + 1] == '\n' ? 2 : 1);
      }
      ReadLine(pos, end);
      pos = next;
    }
    return std::move(raw_);
  }

 private:
  void ReadLine(size_t line_begin, size_t line_end) {
    const string_view line = text_.substr(line_begin, line_end - line_begin);
    size_t comment = FindInlineComment(line);
    const size_t first = ini_text::SkipSpace(line, 0, line.size());
    const bool own_line_comment = first < line.size() && (line[first] == '#' || line[first] == ';');
    if (own_line_comment) {
      RecordComment(line_begin, line, first, true);
      comment = 0;
    } else if (comment != kNpos) {
      RecordComment(line_begin, line, comment, false);
    }
    const size_t content_end = comment == kNpos ? line.size() : comment;
    const size_t begin = ini_text::SkipSpace(line, 0, content_end);
    const size_t end = ini_text::SkipSpaceBack(line, begin, content_end);
    if (begin == end) {
      // A blank line belongs to the current value (configparser's empty_lines_in_values), but a
      // comment-only line does not; trailing blank lines are dropped when the value ends.
      if (comment == kNpos && section_ != nullptr && option_ != nullptr) ++option_->pending_newlines;
      return;
    }
    const string_view value = line.substr(begin, end - begin);
    const Span span{line_begin + begin, line_begin + end};
    // Indentation counts characters of leading whitespace, as Python's regex search does.
    const size_t indent = ini_text::IndentWidth(line.substr(0, begin));
    if (section_ != nullptr && option_ != nullptr && indent > indent_level_) {
      option_->value.append(option_->pending_newlines + 1, '\n');
      option_->value += value;
      option_->pending_newlines = 0;
      option_->value_span.end = span.end;
      return;
    }
    indent_level_ = indent;
    // configparser's SECTCRE "\[(?P<header>.+)\]" is matched, not full-matched, and ".+" is
    // greedy: the name runs to the last ']' and anything after it is ignored.
    const size_t close = value.rfind(']');
    if (value[0] == '[' && close != kNpos && close >= 2) {
      StartSection(value.substr(1, close - 1), Span{span.begin + 1, span.begin + close},
                   Span{span.begin, span.begin + close + 1});
    } else if (section_ == nullptr) {
      // configparser raises MissingSectionHeaderError here; everything up to the first header
      // is one problem, so it is reported once.
      if (!missing_header_reported_) {
        missing_header_reported_ = true;
        Report(ids::kSyntaxError, span,
               "text before the first [section] header: " + Quote(value) +
                   " (an INI file must start with a section header)");
      }
    } else {
      ReadOption(value, span);
    }
  }

  void StartSection(string_view name, Span name_span, Span header_span) {
    option_ = nullptr;
    std::string key(name);
    auto [it, inserted] = section_index_.emplace(key, raw_.sections.size());
    if (inserted) {
      RawSection& section = raw_.sections.emplace_back();
      section.name = std::move(key);
      section.name_span = name_span;
      section.header_span = header_span;
      if (section.name == kDefaultSection) raw_.defaults = raw_.sections.size() - 1;
      section_ = &section;
      return;
    }
    section_ = &raw_.sections[it->second];
    // Repeating [DEFAULT] is allowed; any other repeated header is a DuplicateSectionError.
    // We go on as configparser's strict=False would, merging into the first one.
    if (section_->name == kDefaultSection) return;
    const model::Position first = source_.PositionOf(section_->header_span.begin);
    const model::Position again = source_.PositionOf(header_span.begin);
    Diagnostic& d = Report(ids::kDuplicateSection, name_span,
                           "duplicate section [" + section_->name + "] at line " + std::to_string(again.line) +
                               " (first defined at line " + std::to_string(first.line) + ")");
    d.notes.push_back({"first defined here", source_.path(), first});
  }

  void ReadOption(string_view value, Span span) {
    // OPTCRE: a lazy name, then the first '=' or ':' of the line.
    const size_t delimiter = value.find_first_of("=:");
    if (delimiter == kNpos) {
      // configparser leaves `optname` alone here: a deeper-indented next line still continues
      // the option before the bad line.
      Report(ids::kSyntaxError, span, "line is neither a section header, an option nor a comment: " + Quote(value));
      return;
    }
    const size_t key_end = ini_text::SkipSpaceBack(value, 0, delimiter);
    const size_t value_begin = ini_text::SkipSpace(value, delimiter + 1, value.size());
    if (key_end == 0) {
      // configparser reports the line but still stores the option under the name "", which is
      // false-y: the next lines are never its continuation.
      option_ = nullptr;
      Report(ids::kSyntaxError, span,
             "option name missing before '" + std::string(1, value[delimiter]) + "': " + Quote(value));
      return;
    }
    RawOption option;
    option.name = ini_text::Lower(value.substr(0, key_end));
    option.value = std::string(value.substr(value_begin));
    option.key = {span.begin, span.begin + key_end};
    option.value_span = {span.begin + value_begin, span.end};
    auto existing = section_->index.find(option.name);
    if (existing != section_->index.end()) {
      // DuplicateOptionError. The first value stands; this one (and its continuation lines)
      // goes to a scratch option that nothing reads.
      const model::Position first = source_.PositionOf(section_->options[existing->second].key.begin);
      const model::Position again = source_.PositionOf(option.key.begin);
      Diagnostic& d =
          Report(ids::kDuplicateKey, option.key,
                 "duplicate option '" + option.name + "' in section [" + section_->name + "] at line " +
                     std::to_string(again.line) + " (first defined at line " + std::to_string(first.line) + ")",
                 option.name);
      d.notes.push_back({"first defined here", source_.path(), first});
      scratch_ = std::move(option);
      option_ = &scratch_;
      return;
    }
    section_->index.emplace(option.name, section_->options.size());
    option_ = &section_->options.emplace_back(std::move(option));
  }

  void RecordComment(size_t line_begin, string_view line, size_t at, bool own_line) {
    const size_t end = ini_text::SkipSpaceBack(line, at, line.size());
    comments_.push_back({source_.PositionOf(line_begin + at), std::string(line.substr(at, end - at)), own_line});
  }

  // Every reading problem is one configparser would raise for. The pointer names the section
  // (and option) the line belongs to, so baselines can tell findings apart.
  Diagnostic& Report(const char* rule_id, Span span, std::string message, std::string_view option = {}) {
    raw_.fatal = true;
    Diagnostic& d = diagnostics_.emplace_back();
    d.rule_id = rule_id;
    d.message = std::move(message);
    d.file = source_.path();
    d.range = {source_.PositionOf(span.begin), source_.PositionOf(span.end)};
    if (section_ != nullptr) d.pointer = model::AppendPointer("", section_->name);
    if (!option.empty()) d.pointer = model::AppendPointer(d.pointer, option);
    return d;
  }

  const model::SourceFile& source_;
  const string_view text_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<model::Comment>& comments_;
  RawIni raw_;
  std::unordered_map<std::string, size_t> section_index_;
  // Pointers into raw_'s vectors stay valid: a vector grows only when a new section or option
  // starts, and that is exactly when these two are pointed somewhere else.
  RawSection* section_ = nullptr;  ///< configparser's `cursect`.
  RawOption* option_ = nullptr;    ///< configparser's `optname`, when it is truthy.
  RawOption scratch_;              ///< Receives a duplicate option's value.
  size_t indent_level_ = 0;
  bool missing_header_reported_ = false;
};

}  // namespace

RawIni ReadIni(const model::SourceFile& source, std::vector<model::Diagnostic>& diagnostics,
               std::vector<model::Comment>& comments) {
  return Reader(source, diagnostics, comments).Read();
}

}  // namespace pcl::parsers::ini
