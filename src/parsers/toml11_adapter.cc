// toml11 behind one file (see toml11_adapter.h): parsing, value positions and reading toml11's
// error reports all depend on toml11 3.x internals and wording, so they live here only.
#include "parsers/toml11_adapter.h"

#include <cstdlib>
#include <map>
#include <sstream>
#include <tuple>
#include <utility>

#include <toml.hpp>

#include "generated/ids/input.h"
#include "parsers/toml_v2_scan.h"

// Written for toml11 3.x (Debian 12 ships 3.7.1): it reads toml::detail::get_region and the
// layout of toml11's error drawings, neither of which is public API. toml11 4 rewrote both; port
// this file (and check every TOML fixture) before building against another major version.
#ifndef TOML11_VERSION_MAJOR
#error \
    "toml11 does not define TOML11_VERSION_MAJOR (older than 3.7?): toml11_adapter.cc needs toml11 3.7 or a later 3.x"
#endif
static_assert(TOML11_VERSION_MAJOR == 3, "toml11_adapter.cc is written for toml11 3.x; port it to this toml11");

namespace pcl::parsers::toml11 {
namespace {

using model::Diagnostic;
using model::Position;
using model::Range;
using toml_v2::Finding;
using TomlValue = toml::basic_value<toml::discard_comments, std::map, std::vector>;

// Byte offsets of a value. toml11's public location() recounts lines on each call (quadratic on
// big files), so read its region directly.
std::pair<size_t, size_t> SpanOf(const TomlValue& value) {
  const auto* region = dynamic_cast<const toml::detail::region*>(toml::detail::get_region(value));
  if (region == nullptr || !region->is_ok()) return {0, 0};
  return {static_cast<size_t>(region->first() - region->begin()),
          static_cast<size_t>(region->last() - region->begin())};
}

Value Convert(const TomlValue& from) {
  Value to;
  std::tie(to.begin, to.end) = SpanOf(from);
  if (from.is_table()) {
    to.kind = Value::Kind::kTable;
    to.table.reserve(from.as_table().size());
    for (const auto& [key, child] : from.as_table()) to.table.push_back({key, Convert(child)});
  } else if (from.is_array()) {
    to.kind = Value::Kind::kArray;
    to.array.reserve(from.as_array().size());
    for (const TomlValue& item : from.as_array()) to.array.push_back(Convert(item));
  } else if (from.is_string()) {
    to.kind = Value::Kind::kString;
    to.string = from.as_string().str;
    to.literal = from.as_string().kind == toml::string_t::literal;
  } else if (from.is_boolean()) {
    to.kind = Value::Kind::kBoolean;
    to.boolean = from.as_boolean();
  } else if (from.is_integer()) {
    to.kind = Value::Kind::kInteger;
    to.integer = from.as_integer();
  }
  return to;
}

// toml11 only offers a multi-line drawing (" 3 | a = = 2" over "  |     ^--- here"); read the
// spots back out of it: the last one is the error, the first one a duplicate's original. No
// std::regex here: it recurses per character and overflows the stack on a long line.
std::vector<Range> ReadMarkers(const std::string& what, const model::SourceFile& source) {
  std::vector<Range> marks;
  std::istringstream in(what);
  for (std::string line, previous; std::getline(in, line); previous = line) {
    size_t digits = previous.find_first_not_of(' '), bar = previous.find(" | ");
    size_t under_bar = line.find(" | ");
    if (digits == std::string::npos || bar == std::string::npos || bar <= digits ||
        previous.find_first_not_of("0123456789", digits) != bar || under_bar == std::string::npos ||
        line.find_first_not_of(' ') != under_bar + 1) {
      continue;
    }
    size_t mark = line.find_first_not_of(' ', under_bar + 3);
    if (mark == std::string::npos || (line[mark] != '^' && line[mark] != '~')) continue;
    int row = std::atoi(previous.c_str() + digits);
    int column = static_cast<int>(mark - under_bar - 3) + 1;
    int width = line[mark] == '^' ? 1 : static_cast<int>(line.find_first_not_of('~', mark) - mark);
    // Dates are re-parsed from a copy, drawn as line 1 of their own text: find that text.
    std::string drawn = previous.substr(bar + 3);
    if (source.Line(row) != drawn && drawn.size() < 100) {
      if (size_t found = source.text().find(drawn); found != std::string::npos) {
        Position at = source.PositionOf(found);
        row = at.line;
        column += at.column - 1;
      }
    }
    marks.push_back({{row, column}, {row, column + width}});
  }
  return marks;
}

// One plain line for a toml11 error; the common ones get advice aimed at INI habits.
Diagnostic ErrorFinding(const std::string& what, Position fallback, const model::SourceFile& source) {
  std::string headline = what.substr(0, what.find('\n'));
  std::vector<Range> marks = ReadMarkers(what, source);
  Range range = marks.empty() ? Range{fallback, fallback} : marks.back();
  // "toml::insert_value: table ("aws") already exists."
  size_t open = headline.find(" (\""), close = headline.rfind("\") already exists");
  if (open != std::string::npos && close != std::string::npos && open < close) {
    bool table = open >= 5 && headline.compare(open - 5, 5, "table") == 0;
    std::string name = headline.substr(open + 3, close - open - 3);
    Diagnostic d = Finding(table ? ids::kDuplicateSection : ids::kDuplicateKey,
                           (table ? "table [" + name + "]" : "key '" + name + "'") + " is defined twice", range);
    if (marks.size() > 1) d.notes.push_back({"first defined here", source.path(), marks.front().begin});
    return d;
  }
  static const std::pair<const char*, const char*> kKnown[] = {
      {"unknown value appeared", "invalid value: text values need quotes (key = \"text\")"},
      {"missing key-value separator", "expected '=' after the key"},
      {"invalid key appeared", "invalid key: quote keys that use more than letters, digits, _ and -"},
      {"unknown line appeared", "this line is neither a [table] header nor a key = value pair"},
      {"not a valid string", "unterminated or invalid string"},
  };
  for (const auto& [needle, plain] : kKnown) {
    if (headline.find(needle) != std::string::npos) return Finding(ids::kSyntaxError, plain, range);
  }
  // "[error] toml::parse_array: missing array separator." → "missing array separator"
  if (headline.rfind("[error] ", 0) == 0) headline.erase(0, 8);
  while (headline.rfind("toml::", 0) == 0 && headline.find(": ") != std::string::npos) {
    headline.erase(0, headline.find(": ") + 2);
  }
  if (headline.ends_with('.')) headline.pop_back();
  return Finding(ids::kSyntaxError, "invalid TOML: " + headline, range);
}

}  // namespace

Parsed Parse(const model::SourceFile& source) {
  Parsed parsed;
  try {
    // A fixed name: it only shows in toml11's drawing, which is read back, never shown.
    std::istringstream in(source.text());
    parsed.root = Convert(toml::parse<toml::discard_comments, std::map, std::vector>(in, "input"));
  } catch (const toml::exception& e) {
    Position at{static_cast<int>(e.location().line()), static_cast<int>(e.location().column())};
    parsed.error = ErrorFinding(e.what(), at, source);
  } catch (const std::exception& e) {
    parsed.error = Finding(ids::kSyntaxError, std::string("invalid TOML: ") + e.what(), {});
  } catch (...) {
    parsed.error = Finding(ids::kSyntaxError, "invalid TOML", {});
  }
  return parsed;
}

}  // namespace pcl::parsers::toml11
