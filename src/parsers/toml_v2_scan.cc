// What the v2 TOML front end adds around toml11: a pre-scan (comments, hostile shapes).
#include "parsers/toml_v2_scan.h"

#include "generated/ids/input.h"

namespace pcl::parsers::toml_v2 {
namespace {

using model::Diagnostic;
using model::Position;
using model::Range;

// toml11 re-reads the whole line for every value it makes: Σ values × line length past this
// (about a second of work) means a hostile file, refused rather than parsed for hours.
constexpr double kLineCostBudget = 1.5e9;

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

}  // namespace

Diagnostic Finding(const char* id, std::string message, Range range) {
  Diagnostic d;
  d.rule_id = id;
  d.message = std::move(message);
  d.range = range;
  return d;
}

void PreScan::Run(const model::SourceFile& source, const ParseLimits& limits) {
  const std::string& text = source.text();
  size_t line_start = 0, line_values = 1;
  double cost = 0;
  auto end_line = [&](size_t newline) {
    cost += static_cast<double>(line_values) * static_cast<double>(newline - line_start + 1);
    if (cost > kLineCostBudget && !limit) {
      limit = Finding(ids::kInputLimitExceeded, "too many values on long lines to parse in reasonable time",
                      {source.PositionOf(line_start), source.PositionOf(line_start)});
    }
    line_start = newline + 1;
    line_values = 1;
  };
  auto too_deep = [&](size_t at, const std::string& what) {
    limit = Finding(ids::kInputLimitExceeded, what + " more than " + std::to_string(limits.max_depth) + " levels",
                    {source.PositionOf(at), source.PositionOf(at)});
  };
  // Keys, tables and list items, as the INI reader counts its options against the same budget.
  size_t nodes = 0;
  auto add_node = [&](size_t at) {
    if (++nodes > limits.max_nodes && !limit) {
      limit = Finding(ids::kInputLimitExceeded,
                      "the file has more than " + std::to_string(limits.max_nodes) + " keys, tables and list items",
                      {source.PositionOf(at), source.PositionOf(at)});
    }
  };
  enum class Mode { kLineStart, kKey, kValue, kHeader } mode = Mode::kLineStart;
  std::vector<char> open;  // '[' and '{' of values not yet closed
  int key_parts = 1;
  for (size_t i = 0; i < text.size() && !limit; ++i) {
    const char c = text[i];
    if (c == '\n') {
      end_line(i);
      if (open.empty() || mode == Mode::kHeader) mode = Mode::kLineStart;
    } else if (c == '#') {
      size_t end = std::min(text.find('\n', i), text.size());
      size_t body_end = end;
      while (body_end > i && text[body_end - 1] == '\r') --body_end;
      // A byte order mark before a first-line comment is invisible, so it counts as blank.
      size_t from = line_start == 0 && text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : line_start;
      bool own_line = std::all_of(text.begin() + std::min(from, i), text.begin() + i, IsBlank);
      comments.push_back({source.PositionOf(i), text.substr(i, body_end - i), own_line});
      i = end - 1;
    } else if (c == '"' || c == '\'') {
      if (mode == Mode::kLineStart) mode = Mode::kKey;
      const std::string triple(3, c);
      const bool multi = text.compare(i, 3, triple) == 0;
      for (i += multi ? 3 : 1; i < text.size(); ++i) {
        if (text[i] == '\n' && !multi) break;
        if (text[i] == '\n') end_line(i);
        if (text[i] == '\\' && c == '"' && i + 1 < text.size()) {
          if (text[++i] == '\n') end_line(i);
        } else if (text[i] == c && (!multi || text.compare(i, 3, triple) == 0)) {
          // """a""""" is legal: up to two more quotes belong to the content.
          if (multi) i += 2 + (text.compare(i + 3, 2, triple, 0, 2) == 0 ? 2 : text[i + 3] == c);
          break;
        }
      }
      if (i < text.size() && text[i] == '\n') --i;  // an unterminated string ends its line
    } else if (IsBlank(c)) {
      continue;
    } else if (mode == Mode::kLineStart && c == '[') {
      mode = Mode::kHeader;
      key_parts = 1;
      add_node(i);
    } else {
      if (mode == Mode::kLineStart) {
        mode = Mode::kKey;
        key_parts = 1;
      }
      if ((mode == Mode::kKey || mode == Mode::kHeader) && c == '.') {
        if (++key_parts > limits.max_depth) too_deep(i, "a dotted key nests");
      } else if (mode == Mode::kHeader && c == ']') {
        mode = Mode::kValue;  // nothing but a comment may follow
      } else if (mode == Mode::kKey && c == '=') {
        key_parts = 1;
        mode = Mode::kValue;
        ++line_values;
        add_node(i);
      } else if (mode == Mode::kValue && (c == '[' || c == '{')) {
        open.push_back(c);
        ++line_values;
        if (static_cast<int>(open.size()) > limits.max_depth) too_deep(i, "values nest");
        if (c == '{') mode = Mode::kKey;  // key_parts counts on from 1: '=' reset it
      } else if ((mode == Mode::kValue || mode == Mode::kKey) && (c == ']' || c == '}')) {
        if (!open.empty()) open.pop_back();
        mode = Mode::kValue;
      } else if (mode == Mode::kValue && c == ',') {
        ++line_values;
        add_node(i);
        if (!open.empty() && open.back() == '{') mode = Mode::kKey;
      }
    }
  }
  if (!limit) end_line(text.size());
}

}  // namespace pcl::parsers::toml_v2
