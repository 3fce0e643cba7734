// Deterministic block YAML writer that produces what PyYAML's dumper writes for the same data.
// The scalar writers follow PyYAML's Emitter (analyze_scalar, write_plain, write_single_quoted,
// write_double_quoted) so that long values fold at the same places.
#include "migrate/yaml_emit.h"

#include <cstdio>

#include "migrate/py_text.h"
#include "parsers/ini_v2_text.h"
#include "parsers/yaml11_scalar.h"
#include "parsers/yaml_prescan.h"

namespace pcl::migrate {
namespace {

constexpr size_t kBestWidth = 80;
constexpr int kIndentStep = 2;

using Text = std::u32string;

Text Decode(std::string_view utf8) {
  Text out;
  size_t pos = 0;
  while (pos < utf8.size()) {
    auto cp = parsers::ini_text::DecodeAt(utf8, pos);
    out += cp.value;
    pos += cp.length ? cp.length : 1;
  }
  return out;
}

// Only ASCII reaches the output (everything else is escaped), so a byte per code point.
std::string Narrow(const Text& text, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) out += static_cast<char>(text[i]);
  return out;
}

bool IsBreak(char32_t c) {
  return c == U'\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
}
bool IsBlank(char32_t c) {
  return c == 0 || c == U' ' || c == U'\t' || c == U'\r' || IsBreak(c);
}

struct Analysis {
  bool empty = false;
  bool multiline = false;
  bool allow_block_plain = true;
  bool allow_single_quoted = true;
};

// PyYAML Emitter.analyze_scalar (block context only).
Analysis Analyze(const Text& s) {
  Analysis a;
  if (s.empty()) {
    a.empty = true;
    return a;
  }
  bool block_indicators = false, line_breaks = false, special = false;
  bool leading_space = false, leading_break = false, trailing_space = false, trailing_break = false,
       break_space = false, space_break = false;
  const std::u32string_view view(s);
  if (view.substr(0, 3) == U"---" || view.substr(0, 3) == U"...") block_indicators = true;
  bool preceded_by_whitespace = true;
  bool followed_by_whitespace = s.size() == 1 || IsBlank(s[1]);
  bool previous_space = false, previous_break = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t ch = s[i];
    if (i == 0) {
      if (std::u32string_view(U"#,[]{}&*!|>'\"%@`").find(ch) != std::u32string_view::npos) {
        block_indicators = true;
      }
      if ((ch == U'?' || ch == U':') && followed_by_whitespace) block_indicators = true;
      if (ch == U'-' && followed_by_whitespace) block_indicators = true;
    } else {
      if (ch == U':' && followed_by_whitespace) block_indicators = true;
      if (ch == U'#' && preceded_by_whitespace) block_indicators = true;
    }
    if (IsBreak(ch)) line_breaks = true;
    if (!(ch == U'\n' || (ch >= 0x20 && ch <= 0x7E))) special = true;  // allow_unicode=False
    if (ch == U' ') {
      if (i == 0) leading_space = true;
      if (i == s.size() - 1) trailing_space = true;
      if (previous_break) break_space = true;
      previous_space = true;
      previous_break = false;
    } else if (IsBreak(ch)) {
      if (i == 0) leading_break = true;
      if (i == s.size() - 1) trailing_break = true;
      if (previous_space) space_break = true;
      previous_space = false;
      previous_break = true;
    } else {
      previous_space = previous_break = false;
    }
    preceded_by_whitespace = IsBlank(ch);
    followed_by_whitespace = i + 2 >= s.size() || IsBlank(s[i + 2]);
  }
  if (leading_space || leading_break || trailing_space || trailing_break) a.allow_block_plain = false;
  if (break_space) a.allow_block_plain = a.allow_single_quoted = false;
  if (space_break || special) a.allow_block_plain = a.allow_single_quoted = false;
  if (line_breaks) {
    a.allow_block_plain = false;
    a.multiline = true;
  }
  if (block_indicators) a.allow_block_plain = false;
  return a;
}

// PyYAML's Emitter.choose_scalar_style for a string in block context: plain when the analysis
// allows it and the reader's YAML 1.1 resolver reads the plain text back as this string.
ScalarStyle ChooseStyle(std::string_view value, const Analysis& analysis) {
  if (analysis.allow_block_plain && parsers::PlainReadsAsString(value)) return ScalarStyle::kPlain;
  if (analysis.allow_single_quoted) return ScalarStyle::kSingleQuoted;
  return ScalarStyle::kDoubleQuoted;
}

class Writer {
 public:
  std::string Finish() {
    if (column_ > 0) WriteLineBreak();
    return std::move(out_);
  }

  void WriteHeader(const std::vector<std::string>& header) {
    for (const std::string& line : header) {
      out_ += line;
      out_ += '\n';
    }
  }

  void EmitMapping(const OutNode& node, int indent, bool hoisted_first_comments) {
    for (size_t i = 0; i < node.entries.size(); ++i) {
      const auto& [key, value] = node.entries[i];
      if (!(i == 0 && hoisted_first_comments)) WriteComments(value.comments_before, indent);
      WriteIndent(indent);
      EmitKey(key, indent);
      EmitValue(value, indent);
    }
  }

 private:
  void EmitValue(const OutNode& value, int indent) {
    if (value.kind == OutNode::Kind::kMap || value.kind == OutNode::Kind::kSeq) {
      if (value.Empty()) {
        WriteIndicator(value.kind == OutNode::Kind::kMap ? "{" : "[", true, true);
        WriteIndicator(value.kind == OutNode::Kind::kMap ? "}" : "]", false);
        WriteInlineComment(value.comment_after);
        return;
      }
      WriteInlineComment(value.comment_after);
      if (value.kind == OutNode::Kind::kMap) {
        EmitMapping(value, indent + kIndentStep, false);
      } else {
        EmitSequence(value, indent + kIndentStep);
      }
      return;
    }
    EmitScalar(value, indent + kIndentStep);
    WriteInlineComment(value.comment_after);
  }

  // PyYAML's expect_block_mapping_key: a short one-line key is written "key:" and never folded;
  // an empty, multi-line or long (128 characters or more) one as "? key" with ":" on the next line.
  void EmitKey(const std::string& key, int indent) {
    const Text text = Decode(key);
    const Analysis analysis = Analyze(text);
    const bool simple = text.size() < 128 && !analysis.empty && !analysis.multiline;
    if (simple) {
      EmitString(key, text, analysis, indent + kIndentStep, false);
      WriteIndicator(":", false);
      return;
    }
    WriteIndicator("?", true, false, true);
    EmitString(key, text, analysis, indent + kIndentStep, true);
    WriteIndent(indent);
    WriteIndicator(":", true, false, true);
  }

  void EmitSequence(const OutNode& node, int indent) {
    for (const OutNode& item : node.items) {
      // Comments cannot sit between "- " and an item's first key; they go above the dash.
      const bool map_item = item.kind == OutNode::Kind::kMap && !item.entries.empty();
      WriteComments(item.comments_before, indent);
      if (map_item) WriteComments(item.entries.front().second.comments_before, indent);
      WriteIndent(indent);
      WriteIndicator("-", true, false, true);
      if (map_item) {
        EmitMapping(item, indent + kIndentStep, true);
      } else if (item.kind == OutNode::Kind::kSeq && !item.items.empty()) {
        EmitSequence(item, indent + kIndentStep);
      } else {
        EmitValue(item, indent);
      }
    }
  }

  void EmitScalar(const OutNode& node, int indent) {
    indent_ = indent;
    split_ = true;
    switch (node.kind) {
      case OutNode::Kind::kNull: return WritePlain(U"null");
      case OutNode::Kind::kBool: return WritePlain(node.boolean ? U"true" : U"false");
      case OutNode::Kind::kInt: return WritePlain(Decode(std::to_string(node.integer)));
      case OutNode::Kind::kFloat: return WritePlain(Decode(py::YamlFloat(node.real)));
      default: break;
    }
    const Text text = Decode(node.str);
    EmitString(node.str, text, Analyze(text), indent, true);
  }

  // `split`: whether long lines may fold (PyYAML never folds a simple key).
  void EmitString(std::string_view value, const Text& text, const Analysis& analysis, int indent, bool split) {
    indent_ = indent;
    split_ = split;
    switch (ChooseStyle(value, analysis)) {
      case ScalarStyle::kPlain: return WritePlain(text);
      case ScalarStyle::kSingleQuoted: return WriteSingleQuoted(text);
      case ScalarStyle::kDoubleQuoted: return WriteDoubleQuoted(text);
    }
  }

  void WriteComments(const std::vector<std::string>& comments, int indent) {
    for (const std::string& comment : comments) {
      WriteIndent(indent);
      WriteRaw(CommentText(comment));
      WriteLineBreak();
    }
  }

  void WriteInlineComment(const std::string& comment) {
    if (comment.empty()) return;
    WriteRaw("  " + CommentText(comment));
    whitespace_ = false;
  }

  void WriteRaw(std::string_view data) {
    out_ += data;
    column_ += data.size();
  }

  void WriteLineBreak(const std::string& data = "\n") {
    whitespace_ = indention_ = true;
    column_ = 0;
    out_ += data;
  }

  void WriteIndent(int indent) {
    const size_t want = static_cast<size_t>(indent);
    if (!indention_ || column_ > want || (column_ == want && !whitespace_)) WriteLineBreak();
    if (column_ < want) {
      whitespace_ = true;
      out_.append(want - column_, ' ');
      column_ = want;
    }
  }

  void WriteIndicator(std::string_view indicator, bool need_whitespace, bool whitespace = false,
                      bool indention = false) {
    std::string data = whitespace_ || !need_whitespace ? std::string(indicator) : " " + std::string(indicator);
    whitespace_ = whitespace;
    indention_ = indention_ && indention;
    WriteRaw(data);
  }

  void WriteText(const Text& text, size_t begin, size_t end) { WriteRaw(Narrow(text, begin, end)); }

  void WriteBreaks(const Text& text, size_t begin, size_t end) {
    if (text[begin] == U'\n') WriteLineBreak();
    for (size_t i = begin; i < end; ++i) WriteLineBreak("\n");
    WriteIndent(indent_);
  }

  void WritePlain(const Text& text) {
    if (text.empty()) return;
    if (!whitespace_) WriteRaw(" ");
    whitespace_ = indention_ = false;
    bool spaces = false, breaks = false;
    size_t start = 0;
    for (size_t end = 0; end <= text.size(); ++end) {
      const bool has = end < text.size();
      const char32_t ch = has ? text[end] : 0;
      if (spaces) {
        if (!has || ch != U' ') {
          if (start + 1 == end && column_ > kBestWidth && split_) {
            WriteIndent(indent_);
            whitespace_ = indention_ = false;
          } else {
            WriteText(text, start, end);
          }
          start = end;
        }
      } else if (breaks) {
        if (!has || !IsBreak(ch)) {
          WriteBreaks(text, start, end);
          whitespace_ = indention_ = false;
          start = end;
        }
      } else if (!has || ch == U' ' || IsBreak(ch)) {
        WriteText(text, start, end);
        start = end;
      }
      if (has) {
        spaces = ch == U' ';
        breaks = IsBreak(ch);
      }
    }
  }

  void WriteSingleQuoted(const Text& text) {
    WriteIndicator("'", true);
    bool spaces = false, breaks = false;
    size_t start = 0;
    for (size_t end = 0; end <= text.size(); ++end) {
      const bool has = end < text.size();
      const char32_t ch = has ? text[end] : 0;
      if (spaces) {
        if (!has || ch != U' ') {
          if (start + 1 == end && column_ > kBestWidth && split_ && start != 0 && end != text.size()) {
            WriteIndent(indent_);
          } else {
            WriteText(text, start, end);
          }
          start = end;
        }
      } else if (breaks) {
        if (!has || !IsBreak(ch)) {
          WriteBreaks(text, start, end);
          start = end;
        }
      } else if (!has || ch == U' ' || IsBreak(ch) || ch == U'\'') {
        if (start < end) {
          WriteText(text, start, end);
          start = end;
        }
      }
      if (has && ch == U'\'') {
        WriteRaw("''");
        start = end + 1;
      }
      if (has) {
        spaces = ch == U' ';
        breaks = IsBreak(ch);
      }
    }
    WriteIndicator("'", false);
  }

  static std::string Escape(char32_t ch) {
    switch (ch) {
      case 0: return "\\0";
      case 0x07: return "\\a";
      case 0x08: return "\\b";
      case 0x09: return "\\t";
      case 0x0A: return "\\n";
      case 0x0B: return "\\v";
      case 0x0C: return "\\f";
      case 0x0D: return "\\r";
      case 0x1B: return "\\e";
      case U'"': return "\\\"";
      case U'\\': return "\\\\";
      case 0x85: return "\\N";
      case 0xA0: return "\\_";
      case 0x2028: return "\\L";
      case 0x2029: return "\\P";
      default: break;
    }
    char buffer[16];
    if (ch <= 0xFF) {
      std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(ch));
    } else if (ch <= 0xFFFF) {
      std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(ch));
    } else {
      std::snprintf(buffer, sizeof buffer, "\\U%08X", static_cast<unsigned>(ch));
    }
    return buffer;
  }

  void WriteDoubleQuoted(const Text& text) {
    WriteIndicator("\"", true);
    size_t start = 0;
    for (size_t end = 0; end <= text.size(); ++end) {
      const bool has = end < text.size();
      const char32_t ch = has ? text[end] : 0;
      if (!has || ch == U'"' || ch == U'\\' || ch == 0x85 || ch == 0x2028 || ch == 0x2029 || ch == 0xFEFF ||
          !(ch >= 0x20 && ch <= 0x7E)) {
        if (start < end) {
          WriteText(text, start, end);
          start = end;
        }
        if (has) {
          WriteRaw(Escape(ch));
          start = end + 1;
        }
      }
      if (end > 0 && end + 1 < text.size() && (ch == U' ' || start >= end) && column_ + (end - start) > kBestWidth &&
          split_) {
        std::string data = Narrow(text, start, end) + "\\";
        if (start < end) start = end;
        WriteRaw(data);
        WriteIndent(indent_);
        whitespace_ = indention_ = false;
        if (text[start] == U' ') WriteRaw("\\");
      }
    }
    WriteIndicator("\"", false);
  }

  std::string out_;
  size_t column_ = 0;
  bool whitespace_ = true;
  bool indention_ = true;
  int indent_ = 0;
  bool split_ = true;
};

}  // namespace

ScalarStyle ChooseStyle(std::string_view value) {
  return ChooseStyle(value, Analyze(Decode(value)));
}

std::string CommentText(std::string_view text) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t size = 1;
    uint32_t code = parsers::RefusedCharacter(text, i, size);
    if (text[i] == '\0' || text[i] == '\n' || text[i] == '\r') code = static_cast<unsigned char>(text[i]);
    if (code == 0 && text[i] != '\0') {
      out.append(text.substr(i, size));
    } else if (code < 0x100) {
      out += "\\x";
      out += kDigits[code >> 4];
      out += kDigits[code & 0xF];
    } else {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += kDigits[(code >> shift) & 0xF];
    }
    i += size;
  }
  return out;
}

std::string EmitYaml(const OutNode& root, const std::vector<std::string>& header) {
  Writer writer;
  writer.WriteHeader(header);
  if (root.kind == OutNode::Kind::kMap && !root.entries.empty()) writer.EmitMapping(root, 0, false);
  return writer.Finish();
}

}  // namespace pcl::migrate
