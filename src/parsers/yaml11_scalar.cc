// YAML 1.1 resolution of plain scalars, after PyYAML's implicit resolvers (SafeLoader).
#include "parsers/yaml11_scalar.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace pcl::parsers {
namespace {

using model::Node;
using model::NodeKind;

bool IsNull(std::string_view t) {
  return t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL";
}

bool IsBool(std::string_view t, bool& value) {
  static constexpr std::string_view kTrue[] = {"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
  static constexpr std::string_view kFalse[] = {"no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"};
  for (auto word : kTrue)
    if (t == word) return value = true, true;
  for (auto word : kFalse)
    if (t == word) return value = false, true;
  return false;
}

bool AllOf(std::string_view t, std::string_view allowed) {
  return !t.empty() && t.find_first_not_of(allowed) == std::string_view::npos;
}

std::string WithoutUnderscores(std::string_view t) {
  std::string out;
  for (char c : t)
    if (c != '_') out += c;
  return out;
}

// "[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+" (ints) — the part after the sign; returns the segments.
bool SplitSexagesimal(std::string_view t, std::string_view& head, std::vector<int>& tail) {
  size_t colon = t.find(':');
  if (colon == std::string_view::npos) return false;
  head = t.substr(0, colon);
  if (head.empty() || head[0] < '1' || head[0] > '9' || !AllOf(head, "0123456789_")) return false;
  std::string_view rest = t.substr(colon + 1);
  while (true) {
    size_t next = rest.find(':');
    std::string_view part = rest.substr(0, next);
    if (part.empty() || part.size() > 2 || !AllOf(part, "0123456789")) return false;
    if (part.size() == 2 && part[0] > '5') return false;
    tail.push_back(std::stoi(std::string(part)));
    if (next == std::string_view::npos) break;
    rest = rest.substr(next + 1);
  }
  return true;
}

// Parses digits (underscores removed) in `base`. PyYAML's integers have no bound: past 64 bits
// the value saturates (the node's text keeps every digit).
bool ParseUnsigned(std::string_view digits, int base, uint64_t& out) {
  std::string clean = WithoutUnderscores(digits);
  if (clean.empty()) {
    out = 0;
    return true;
  }
  errno = 0;
  char* end = nullptr;
  out = std::strtoull(clean.c_str(), &end, base);
  if (errno == ERANGE) out = std::numeric_limits<uint64_t>::max();
  return end && *end == '\0';
}

// An integer node; beyond int64 it saturates at INT64_MAX or INT64_MIN, so comparisons in rules
// and schema bounds still see a huge number.
bool SetInt(bool negative, uint64_t magnitude, Node& node) {
  constexpr uint64_t kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  node.kind = NodeKind::kInt;
  if (magnitude > kMax + (negative ? 1 : 0)) {
    node.int_value = negative ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
  } else {
    node.int_value = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
  }
  return true;
}

bool ResolveInt(std::string_view t, Node& node) {
  bool negative = false;
  std::string_view body = t;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body.empty()) return false;
  uint64_t value = 0;
  if (body.size() > 2 && body[0] == '0' && body[1] == 'b') {
    return AllOf(body.substr(2), "01_") && ParseUnsigned(body.substr(2), 2, value) && SetInt(negative, value, node);
  }
  if (body.size() > 2 && body[0] == '0' && body[1] == 'x') {
    return AllOf(body.substr(2), "0123456789abcdefABCDEF_") && ParseUnsigned(body.substr(2), 16, value) &&
           SetInt(negative, value, node);
  }
  if (body.size() > 1 && body[0] == '0') {  // YAML 1.1 octal: 010 == 8; "08" is a string
    return AllOf(body.substr(1), "01234567_") && ParseUnsigned(body.substr(1), 8, value) &&
           SetInt(negative, value, node);
  }
  if (body == "0") return SetInt(negative, 0, node);
  if (body[0] >= '1' && body[0] <= '9' && AllOf(body, "0123456789_")) {
    return ParseUnsigned(body, 10, value) && SetInt(negative, value, node);
  }
  std::string_view head;
  std::vector<int> tail;
  if (SplitSexagesimal(body, head, tail)) {  // 1:00:00 == 3600
    if (!ParseUnsigned(head, 10, value)) return false;
    for (int part : tail) {
      const uint64_t kSaturated = std::numeric_limits<uint64_t>::max();
      value = value > (kSaturated - part) / 60 ? kSaturated : value * 60 + part;
    }
    return SetInt(negative, value, node);
  }
  return false;
}

bool SetFloat(double value, Node& node) {
  node.kind = NodeKind::kFloat;
  node.float_value = value;
  return true;
}

bool ResolveFloat(std::string_view t, Node& node) {
  bool negative = false;
  std::string_view body = t;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  const double sign = negative ? -1.0 : 1.0;
  if (body == ".inf" || body == ".Inf" || body == ".INF") return SetFloat(sign * INFINITY, node);
  if (t == ".nan" || t == ".NaN" || t == ".NAN") return SetFloat(NAN, node);
  // [0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?  or  \.[0-9][0-9_]*([eE][-+][0-9]+)?
  size_t dot = body.find('.');
  if (dot != std::string_view::npos && body.find(':') == std::string_view::npos) {
    std::string_view mantissa = body;
    std::string_view exponent;
    size_t e = body.find_first_of("eE");
    if (e != std::string_view::npos) {
      mantissa = body.substr(0, e);
      exponent = body.substr(e + 1);
      if (exponent.size() < 2 || (exponent[0] != '+' && exponent[0] != '-') ||
          !AllOf(exponent.substr(1), "0123456789")) {
        return false;
      }
    }
    std::string_view int_part = mantissa.substr(0, dot);
    std::string_view frac_part = mantissa.substr(dot + 1);
    if (dot > mantissa.size()) return false;
    // PyYAML's ".5" form takes no sign: "-.5" stays a string.
    bool int_ok = int_part.empty() ? (body.size() == t.size() && !frac_part.empty() && frac_part[0] >= '0' &&
                                      frac_part[0] <= '9' && AllOf(frac_part, "0123456789_"))
                                   : (int_part[0] >= '0' && int_part[0] <= '9' && AllOf(int_part, "0123456789_") &&
                                      (frac_part.empty() || AllOf(frac_part, "0123456789_")));
    if (!int_ok) return false;
    std::string clean = WithoutUnderscores(mantissa);
    if (!exponent.empty()) clean += "e" + std::string(exponent);
    return SetFloat(sign * std::strtod(clean.c_str(), nullptr), node);
  }
  // Base 60 with a fraction: [0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*
  if (dot != std::string_view::npos) {
    std::string_view whole = body.substr(0, dot);
    std::string_view frac = body.substr(dot + 1);
    if (!frac.empty() && !AllOf(frac, "0123456789_")) return false;
    size_t colon = whole.find(':');
    // The head starts with a digit: "_1:00.5" is a string (PyYAML tries no number on a leading '_').
    if (colon == std::string_view::npos || colon == 0 || whole[0] < '0' || whole[0] > '9' ||
        !AllOf(whole.substr(0, colon), "0123456789_")) {
      return false;
    }
    double value = std::strtod(WithoutUnderscores(whole.substr(0, colon)).c_str(), nullptr);
    std::string_view rest = whole.substr(colon + 1);
    while (true) {
      size_t next = rest.find(':');
      std::string_view part = rest.substr(0, next);
      if (part.empty() || part.size() > 2 || !AllOf(part, "0123456789") || (part.size() == 2 && part[0] > '5')) {
        return false;
      }
      value = value * 60 + std::stoi(std::string(part));
      if (next == std::string_view::npos) break;
      rest = rest.substr(next + 1);
    }
    value += std::strtod(("0." + WithoutUnderscores(frac)).c_str(), nullptr);
    return SetFloat(sign * value, node);
  }
  return false;
}

// [0-9]{1,2} at `pos`, advancing it; the next character must not be a digit (a regex would not
// backtrack into a run of digits either, since what follows is never a digit).
bool Digits(std::string_view t, size_t& pos, size_t min, size_t max) {
  size_t start = pos;
  while (pos < t.size() && pos - start < max && t[pos] >= '0' && t[pos] <= '9') ++pos;
  return pos - start >= min && !(pos < t.size() && t[pos] >= '0' && t[pos] <= '9');
}

bool Char(std::string_view t, size_t& pos, std::string_view any_of) {
  if (pos >= t.size() || any_of.find(t[pos]) == std::string_view::npos) return false;
  ++pos;
  return true;
}

// PyYAML's timestamp resolver: a date "2001-12-14", or a date and time
// "2001-12-14[Tt ]21:59:43[.10][ ][Z|-5|+05:30]" (one- or two-digit month and day).
bool IsTimestamp(std::string_view t) {
  size_t pos = 0;
  if (!Digits(t, pos, 4, 4) || !Char(t, pos, "-")) return false;
  const size_t month = pos;
  if (!Digits(t, pos, 1, 2)) return false;
  const bool short_month = pos - month == 1;
  if (!Char(t, pos, "-")) return false;
  const size_t day = pos;
  if (!Digits(t, pos, 1, 2)) return false;
  if (pos == t.size()) return !short_month && pos - day == 2;  // the date alone: two digits each
  if (!Char(t, pos, "Tt")) {
    if (!Char(t, pos, " \t")) return false;
    while (Char(t, pos, " \t")) {}
  }
  if (!Digits(t, pos, 1, 2) || !Char(t, pos, ":") || !Digits(t, pos, 2, 2) || !Char(t, pos, ":") ||
      !Digits(t, pos, 2, 2)) {
    return false;
  }
  if (Char(t, pos, ".")) Digits(t, pos, 0, std::string_view::npos);
  if (pos == t.size()) return true;
  while (Char(t, pos, " \t")) {}
  if (Char(t, pos, "Z")) return pos == t.size();
  if (!Char(t, pos, "-+") || !Digits(t, pos, 1, 2)) return false;
  if (Char(t, pos, ":") && !Digits(t, pos, 2, 2)) return false;
  return pos == t.size();
}

}  // namespace

Yaml11Tag ResolvePlainScalar(std::string_view text, Node& node) {
  node.text = std::string(text);
  bool flag = false;
  if (IsNull(text)) {
    node.kind = NodeKind::kNull;
    return Yaml11Tag::kNull;
  }
  if (IsBool(text, flag)) {
    node.kind = NodeKind::kBool;
    node.bool_value = flag;
    return Yaml11Tag::kBool;
  }
  if (ResolveInt(text, node)) return Yaml11Tag::kInt;
  if (ResolveFloat(text, node)) return Yaml11Tag::kFloat;
  // The tags the document model has no kind for read as their text (see the header).
  node.kind = NodeKind::kString;
  if (IsTimestamp(text)) return Yaml11Tag::kTimestamp;
  if (text == "<<") return Yaml11Tag::kMerge;
  if (text == "=") return Yaml11Tag::kValue;
  if (text == "!" || text == "&" || text == "*") return Yaml11Tag::kYaml;
  return Yaml11Tag::kString;
}

bool PlainReadsAsString(std::string_view text) {
  Node scratch;
  return ResolvePlainScalar(text, scratch) == Yaml11Tag::kString;
}

}  // namespace pcl::parsers
