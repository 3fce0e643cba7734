// Scalars read the way ParallelCluster's loader (marshmallow fields) reads them.
#include "model/scalar_read.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace pcl::model {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view Strip(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Python allows '_' only between two digits ("1_000", not "_1", "1__0" or "1_").
bool RemoveUnderscores(std::string_view text, std::string& out) {
  out.clear();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '_') {
      out += text[i];
      continue;
    }
    if (i == 0 || i + 1 >= text.size() || !IsDigit(text[i - 1]) || !IsDigit(text[i + 1])) return false;
  }
  return true;
}

}  // namespace

bool ParsePythonInt(std::string_view text, int64_t& value) {
  std::string digits;
  text = Strip(text);
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || !RemoveUnderscores(text, digits) || digits.empty()) return false;
  for (char c : digits) {
    if (!IsDigit(c)) return false;
  }
  uint64_t magnitude = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude);
  if (ec == std::errc::result_out_of_range || magnitude > static_cast<uint64_t>(INT64_MAX)) {
    value = negative ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
    return true;
  }
  if (ec != std::errc() || end != digits.data() + digits.size()) return false;
  value = negative ? -static_cast<int64_t>(magnitude) : static_cast<int64_t>(magnitude);
  return true;
}

bool ParsePythonFloat(std::string_view text, double& value) {
  std::string cleaned;
  text = Strip(text);
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || !RemoveUnderscores(text, cleaned)) return false;
  // Only decimal forms: from_chars would also take "inf"/"nan", which the field rejects.
  for (char c : cleaned) {
    if (!IsDigit(c) && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') return false;
  }
  auto [end, ec] = std::from_chars(cleaned.data(), cleaned.data() + cleaned.size(), value);
  if (ec != std::errc() || end != cleaned.data() + cleaned.size() || !std::isfinite(value)) return false;
  if (negative) value = -value;
  return true;
}

std::optional<int64_t> ReadInteger(const Node& node) {
  switch (node.kind) {
    case NodeKind::kInt: return node.int_value;
    case NodeKind::kFloat:
      if (std::isfinite(node.float_value)) {
        double truncated = std::trunc(node.float_value);
        if (truncated >= 9.2e18) return std::numeric_limits<int64_t>::max();
        if (truncated <= -9.2e18) return std::numeric_limits<int64_t>::min();
        return static_cast<int64_t>(truncated);
      }
      break;
    case NodeKind::kString: {
      int64_t value = 0;
      if (ParsePythonInt(node.text, value)) return value;
      break;
    }
    default: break;
  }
  return std::nullopt;
}

std::optional<double> ReadNumber(const Node& node) {
  switch (node.kind) {
    case NodeKind::kInt: return static_cast<double>(node.int_value);
    case NodeKind::kFloat:
      if (std::isfinite(node.float_value)) return node.float_value;
      break;
    case NodeKind::kString: {
      double value = 0;
      if (ParsePythonFloat(node.text, value)) return value;
      break;
    }
    default: break;
  }
  return std::nullopt;
}

std::optional<bool> ReadBoolean(const Node& node) {
  static const char* const kTrue[] = {"t",  "T", "true", "True", "TRUE", "on",  "On",
                                      "ON", "y", "Y",    "yes",  "Yes",  "YES", "1"};
  static const char* const kFalse[] = {"f",   "F", "false", "False", "FALSE", "off", "Off",
                                       "OFF", "n", "N",     "no",    "No",    "NO",  "0"};
  switch (node.kind) {
    case NodeKind::kBool: return node.bool_value;
    case NodeKind::kInt:
      if (node.int_value == 0 || node.int_value == 1) return node.int_value == 1;
      break;
    case NodeKind::kFloat:
      // Python: 1.0 in {1} is True, so the official set membership accepts 0.0 and 1.0 too.
      if (node.float_value == 0.0 || node.float_value == 1.0) return node.float_value == 1.0;
      break;
    case NodeKind::kString:
      for (const char* word : kTrue) {
        if (node.text == word) return true;
      }
      for (const char* word : kFalse) {
        if (node.text == word) return false;
      }
      break;
    default: break;
  }
  return std::nullopt;
}

}  // namespace pcl::model
