// The YAML pre-scan: a small tokenizer that tracks only what decides its checks (quotes, comments,
// flow brackets, block scalars, indentation, anchors), so yaml-cpp never starts on a hostile shape.
#include "parsers/yaml_prescan.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "generated/ids/input.h"

namespace pcl::parsers {
namespace {

using model::Diagnostic;

constexpr char kPyYamlRefuses[] = "PyYAML, which ParallelCluster uses, refuses it";

bool IsAnchorChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
}

}  // namespace

uint32_t RefusedCharacter(std::string_view text, size_t i, size_t& size) {
  const auto c = static_cast<unsigned char>(text[i]);
  size = 1;
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r' ? 0 : c;
  if (c == 0x7F) return c;
  if (c == 0xC2 && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    size = 2;
    if (next >= 0x80 && next <= 0x9F && next != 0x85) return next;
  }
  if (c == 0xEF && text.substr(i + 1, 1) == "\xBF" && i + 2 < text.size()) {
    const auto last = static_cast<unsigned char>(text[i + 2]);
    size = 3;
    if (last == 0xBE || last == 0xBF) return 0xFF00 | last;
  }
  return 0;
}

namespace {

std::string Hex(uint32_t code) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out = "U+";
  for (int shift = 12; shift >= 0; shift -= 4) out += kDigits[(code >> shift) & 0xF];
  return out;
}

class Scanner {
 public:
  Scanner(const model::SourceFile& source, const ParseLimits& limits)
      : source_(source), text_(source.text()), limits_(limits) {}

  std::optional<Diagnostic> Run() {
    if (auto refused = CheckCharacters()) return refused;
    const size_t n = text_.size();
    size_t i = 0;
    bool line_start = true;
    while (i < n && !finding_) {
      if (line_start) {
        line_start = false;
        i = StartLine(i);
        continue;
      }
      const char c = text_[i];
      if (c == '\n') {
        line_start = true;
        ++i;
      } else if (quote_ != 0) {
        i = InQuote(i);
      } else {
        i = Token(i);
      }
    }
    return std::move(finding_);
  }

 private:
  // Refused characters anywhere (comments included: PyYAML's reader checks the whole stream).
  std::optional<Diagnostic> CheckCharacters() {
    for (size_t i = 0; i < text_.size();) {
      size_t size = 1;
      if (static_cast<unsigned char>(text_[i]) < 0x20 || static_cast<unsigned char>(text_[i]) >= 0x7F) {
        if (uint32_t code = RefusedCharacter(text_, i, size)) {
          Fail(ids::kSyntaxError,
               "control character " + Hex(code) + " is not allowed in YAML (" + kPyYamlRefuses +
                   "); write it as an escape in a double-quoted string",
               i);
          return std::move(finding_);
        }
      }
      i += size;
    }
    return std::nullopt;
  }

  // Handles the indentation of a line; returns where its tokens start.
  size_t StartLine(size_t begin) {
    line_begin_ = begin;
    size_t i = begin;
    while (i < text_.size() && text_[i] == ' ') ++i;
    line_indent_ = i - begin;
    const bool blank = i == text_.size() || text_[i] == '\n' || text_[i] == '\r';
    if (block_scalar_) {
      // Content of a literal or folded block: blank lines and deeper lines (tabs allowed).
      if (blank || line_indent_ > block_parent_) return SkipLine(i);
      block_scalar_ = false;
    }
    if (block_scalar_next_) {
      block_scalar_next_ = false;
      block_scalar_ = true;
      if (blank || line_indent_ > block_parent_) return SkipLine(i);
      block_scalar_ = false;
    }
    node_start_ = true;
    if (quote_ != 0 || flow_ > 0 || blank || text_[i] == '#') return i;
    if (line_indent_ == 0 && (StartsMarker(i, "---") || StartsMarker(i, "..."))) {
      anchors_.clear();  // a new document: PyYAML's anchors are per document
      indents_.clear();
      nodes_ = 0;
      return i + 3;
    }
    while (!indents_.empty() && indents_.back() > line_indent_) indents_.pop_back();
    Nest(line_indent_, i);
    return i;
  }

  bool StartsMarker(size_t i, std::string_view marker) const {
    if (text_.compare(i, marker.size(), marker) != 0) return false;
    size_t after = i + marker.size();
    return after == text_.size() || text_[after] == ' ' || text_[after] == '\n' || text_[after] == '\r';
  }

  size_t SkipLine(size_t i) const {
    size_t end = text_.find('\n', i);
    return end == std::string_view::npos ? text_.size() : end;
  }

  // A block collection starts at `column` (if deeper than the current one).
  void Nest(size_t column, size_t at) {
    if (!indents_.empty() && indents_.back() >= column) return;
    indents_.push_back(column);
    CheckDepth(at);
  }

  void CheckDepth(size_t at) {
    // Each block level counted here may be a scalar's (one more than yaml-cpp's collections).
    if (static_cast<int>(indents_.size() + flow_) > limits_.max_depth + 1) {
      Fail(ids::kInputLimitExceeded, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels", at);
    }
  }

  // Each ',' ':' '-' '[' '{' indicator stands for at least one node (the item, key or collection
  // it starts), so a file with more of them than the node budget is refused before yaml-cpp
  // queues its tokens (it holds a flow collection's tokens until the collection ends).
  void CountNode(size_t at) {
    if (++nodes_ > limits_.max_nodes) {
      Fail(ids::kInputLimitExceeded, "document has more than " + std::to_string(limits_.max_nodes) + " nodes", at);
    }
  }

  size_t InQuote(size_t i) {
    const char c = text_[i];
    if (quote_ == '\'') {
      if (c != '\'') return i + 1;
      if (i + 1 < text_.size() && text_[i + 1] == '\'') return i + 2;  // '' is an escaped quote
    } else {
      if (c == '\\') return i + 1 < text_.size() && text_[i + 1] != '\n' ? i + 2 : i + 1;
      if (c != '"') return i + 1;
    }
    quote_ = 0;
    node_start_ = false;
    return i + 1;
  }

  bool SeparatorAt(size_t i) const {
    return i >= text_.size() || text_[i] == ' ' || text_[i] == '\n' || text_[i] == '\r' ||
           (flow_ > 0 && (text_[i] == ',' || text_[i] == ']' || text_[i] == '}'));
  }

  size_t Token(size_t i) {
    const char c = text_[i];
    switch (c) {
      case ' ':
      case '\r': return i + 1;
      case '\t':
        Fail(ids::kSyntaxError,
             std::string("a tab cannot separate or indent YAML tokens (") + kPyYamlRefuses + "); use spaces", i);
        return i + 1;
      case '#':
        if (i == line_begin_ || text_[i - 1] == ' ') return SkipLine(i);
        break;
      case '\'':
      case '"':
        if (!node_start_) break;
        quote_ = c;
        return i + 1;
      case '[':
      case '{':
        if (!node_start_ && flow_ == 0) break;
        ++flow_;
        CheckDepth(i);
        CountNode(i);
        node_start_ = true;
        return i + 1;
      case ']':
      case '}':
        if (flow_ > 0) --flow_;
        break;
      case ',':
        if (flow_ == 0) break;
        CountNode(i);
        node_start_ = true;
        return i + 1;
      case ':':
        if (flow_ == 0 && !SeparatorAt(i + 1)) break;
        if (SeparatorAt(i + 1)) CountNode(i);  // not "http://x" in a flow list
        node_start_ = true;
        return i + 1;
      case '-':
      case '?':
        if (!node_start_ || !SeparatorAt(i + 1)) break;
        CountNode(i);
        if (flow_ == 0) {
          // "- - x" and "- key: v" nest on one line: the next token's column is a level.
          size_t next = i + 1;
          while (next < text_.size() && text_[next] == ' ') ++next;
          if (next < text_.size() && text_[next] != '\n' && text_[next] != '\r' && text_[next] != '#') {
            Nest(next - line_begin_, next);
          }
        }
        return i + 1;
      case '&':
      case '*':
      case '!': {
        if (!node_start_) break;
        size_t end = i + 1;
        while (end < text_.size() && (c == '!' ? !SeparatorAt(end) && text_[end] != '\t' : IsAnchorChar(text_[end]))) {
          ++end;
        }
        if (c == '&') Anchor(i, end);
        node_start_ = c != '*';
        return std::max(end, i + 1);
      }
      case '|':
      case '>':
        if (!node_start_ || flow_ > 0) break;
        block_scalar_next_ = true;
        block_parent_ = line_indent_;
        break;
      default: break;
    }
    node_start_ = false;
    return i + 1;
  }

  void Anchor(size_t at, size_t end) {
    std::string_view name(text_.data() + at + 1, end - at - 1);
    if (name.empty()) return;
    auto [first, added] = anchors_.try_emplace(name, at);
    if (added) return;
    model::Position was = source_.PositionOf(first->second);
    Fail(ids::kSyntaxError,
         "anchor '&" + std::string(name) + "' is already defined at line " + std::to_string(was.line) + ", column " +
             std::to_string(was.column) + " (" + kPyYamlRefuses + "); give each anchor its own name",
         at);
    finding_->notes.push_back({"first defined here", source_.path(), was});
  }

  void Fail(const char* id, std::string message, size_t at) {
    if (finding_) return;
    Diagnostic d;
    d.rule_id = id;
    d.message = std::move(message);
    d.file = source_.path();
    model::Position where = source_.PositionOf(at);
    d.range = {where, where};
    finding_ = std::move(d);
  }

  const model::SourceFile& source_;
  std::string_view text_;
  const ParseLimits& limits_;
  std::optional<Diagnostic> finding_;
  size_t line_begin_ = 0;
  size_t line_indent_ = 0;
  char quote_ = 0;  ///< the open quote of a (multi-line) quoted scalar
  size_t flow_ = 0;
  size_t nodes_ = 0;
  bool node_start_ = true;  ///< a node may start here (so a quote, bracket or anchor is one)
  bool block_scalar_next_ = false, block_scalar_ = false;
  size_t block_parent_ = 0;  ///< block scalar lines are deeper than this (the header's line)
  std::vector<size_t> indents_;
  std::unordered_map<std::string_view, size_t> anchors_;
};

}  // namespace

std::optional<Diagnostic> PreScanYaml(const model::SourceFile& source, const ParseLimits& limits) {
  return Scanner(source, limits).Run();
}

}  // namespace pcl::parsers
