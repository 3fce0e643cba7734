// Python semantics the official converter relies on: int()/float()/getboolean(), str.strip/split, repr.
#include "migrate/py_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "parsers/ini_v2_text.h"

namespace pcl::migrate::py {
namespace {

namespace text = parsers::ini_text;

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Digits with single underscores between them ("1_000"), as Python's numeric literals allow.
// Returns the digits without underscores, or nullopt.
std::optional<std::string> Digits(std::string_view s) {
  if (s.empty() || !IsDigit(s.front()) || !IsDigit(s.back())) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      if (!IsDigit(s[i + 1])) return std::nullopt;  // s.back() is a digit, so i + 1 is valid
      continue;
    }
    if (!IsDigit(s[i])) return std::nullopt;
    out += s[i];
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string Strip(std::string_view value) {
  const size_t begin = text::SkipSpace(value, 0, value.size());
  const size_t end = text::SkipSpaceBack(value, begin, value.size());
  return std::string(value.substr(begin, end - begin));
}

std::vector<std::string> SplitWhitespace(std::string_view value) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < value.size()) {
    pos = text::SkipSpace(value, pos, value.size());
    if (pos >= value.size()) break;
    size_t end = pos;
    while (end < value.size()) {
      const text::CodePoint cp = text::DecodeAt(value, end);
      if (text::IsSpace(cp.value)) break;
      end += cp.length;
    }
    out.emplace_back(value.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

std::vector<std::string> SplitLabels(std::string_view value) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    const size_t comma = value.find(',', pos);
    out.push_back(Strip(value.substr(pos, comma == std::string_view::npos ? comma : comma - pos)));
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return out;
}

std::string Repr(std::string_view value) {
  const bool has_single = value.find('\'') != std::string_view::npos;
  const bool has_double = value.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (c == quote || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", u);
      out += buffer;
    } else {
      out += c;
    }
  }
  out += quote;
  return out;
}

Read<int64_t> ParseInt(std::string_view value) {
  Read<int64_t> result;
  std::string body = Strip(value);
  std::string_view rest = body;
  bool negative = false;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    negative = rest[0] == '-';
    rest.remove_prefix(1);
  }
  std::optional<std::string> digits = Digits(rest);
  uint64_t magnitude = 0;
  if (digits) {
    auto [end, ec] = std::from_chars(digits->data(), digits->data() + digits->size(), magnitude);
    constexpr uint64_t kMax = static_cast<uint64_t>(INT64_MAX);
    if (ec != std::errc() || end != digits->data() + digits->size() || magnitude > kMax + (negative ? 1 : 0)) {
      result.error = "the value " + Repr(value) + " is too large";
      return result;
    }
    result.value = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
    return result;
  }
  result.error = "invalid literal for int() with base 10: " + Repr(value);
  return result;
}

Read<double> ParseFloat(std::string_view value) {
  Read<double> result;
  const std::string body = Strip(value);
  std::string_view rest = body;
  bool negative = false;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    negative = rest[0] == '-';
    rest.remove_prefix(1);
  }
  const std::string word = Lower(rest);
  if (word == "inf" || word == "infinity") {
    result.value = negative ? -HUGE_VAL : HUGE_VAL;
    return result;
  }
  if (word == "nan") {
    result.value = std::nan("");
    return result;
  }
  // mantissa [e[sign]digits], where the mantissa is digits[.digits] or .digits or digits.
  std::string clean;
  const size_t e = word.find('e');
  const std::string_view mantissa = std::string_view(word).substr(0, e);
  const size_t dot = mantissa.find('.');
  std::string_view whole = mantissa.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : mantissa.substr(dot + 1);
  bool ok = !(whole.empty() && fraction.empty());
  if (ok && !whole.empty()) {
    auto d = Digits(whole);
    ok = d.has_value();
    if (ok) clean += *d;
  }
  if (clean.empty()) clean = "0";
  if (ok && !fraction.empty()) {
    auto d = Digits(fraction);
    ok = d.has_value();
    if (ok) clean += "." + *d;
  }
  if (ok && e != std::string::npos) {
    std::string_view exponent = std::string_view(word).substr(e + 1);
    std::string sign;
    if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) {
      sign = std::string(1, exponent[0]);
      exponent.remove_prefix(1);
    }
    auto d = Digits(exponent);
    ok = d.has_value();
    if (ok) clean += "e" + sign + *d;
  }
  double parsed = 0;
  if (ok) {
    auto [end, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), parsed);
    // Out of range: Python gives inf (or 0.0), never an error.
    if (ec == std::errc::result_out_of_range) {
      parsed = clean.find("e-") != std::string::npos ? 0.0 : HUGE_VAL;
    } else if (ec != std::errc() || end != clean.data() + clean.size()) {
      ok = false;
    }
  }
  if (!ok) {
    result.error = "could not convert string to float: " + Repr(value);
    return result;
  }
  result.value = negative ? -parsed : parsed;
  return result;
}

Read<bool> ParseBool(std::string_view value) {
  Read<bool> result;
  const std::string word = Lower(value);
  if (word == "1" || word == "yes" || word == "true" || word == "on") {
    result.value = true;
  } else if (word == "0" || word == "no" || word == "false" || word == "off") {
    result.value = false;
  } else {
    result.error = "Not a boolean: " + std::string(value);
  }
  return result;
}

std::string YamlFloat(double value) {
  if (std::isnan(value)) return ".nan";
  if (std::isinf(value)) return value > 0 ? ".inf" : "-.inf";
  // Shortest round-trip digits, then Python's repr layout: fixed notation for decimal exponents
  // -4..15, scientific otherwise.
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value), std::chars_format::scientific);
  std::string sci(buffer, ec == std::errc() ? end : buffer);
  const size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e)) {
    if (c != '.') digits += c;
  }
  const int exponent = std::stoi(sci.substr(e + 1));
  std::string out = std::signbit(value) ? "-" : "";
  if (exponent >= -4 && exponent < 16) {
    const int point = exponent + 1;  // digits before the decimal point
    const int n = static_cast<int>(digits.size());
    if (point <= 0) {
      out += "0." + std::string(static_cast<size_t>(-point), '0') + digits;
    } else if (point < n) {
      out += digits.substr(0, static_cast<size_t>(point)) + "." + digits.substr(static_cast<size_t>(point));
    } else {
      out += digits + std::string(static_cast<size_t>(point - n), '0') + ".0";
    }
    return out;
  }
  // PyYAML inserts ".0" when repr() has no decimal point, so the text still resolves as a float.
  out += digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0");
  char exp_text[16];
  std::snprintf(exp_text, sizeof exp_text, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
  return out + exp_text;
}

}  // namespace pcl::migrate::py
