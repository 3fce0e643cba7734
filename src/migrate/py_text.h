// Python semantics the official converter relies on: int()/float()/getboolean(), str.strip/split, repr.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pcl::migrate::py {

/// str.strip() (Unicode whitespace, as Python defines it).
std::string Strip(std::string_view text);
/// str.split() with no argument: runs of whitespace separate, empty fields are dropped.
std::vector<std::string> SplitWhitespace(std::string_view text);
/// str.split(",") then strip() of each item; empty items are kept (configparser lists).
std::vector<std::string> SplitLabels(std::string_view text);

/// repr() of a str: 'text' (or "text" when it holds a ' and no ").
std::string Repr(std::string_view text);

/// What int()/float()/getboolean() made of a value, or the Python error text.
template <typename T>
struct Read {
  std::optional<T> value;
  std::string error;  ///< e.g. "invalid literal for int() with base 10: 'abc'"
};

/// int(text) in base 10: whitespace around, a sign, digits with single '_' between them.
/// Values beyond 64 bits are reported as errors (Python would accept them; no v2 setting does).
Read<int64_t> ParseInt(std::string_view text);
/// float(text): decimal and exponent forms, inf/nan words, '_' between digits.
Read<double> ParseFloat(std::string_view text);
/// configparser.getboolean: 1/yes/true/on and 0/no/false/off in any case, nothing else.
Read<bool> ParseBool(std::string_view text);

/// PyYAML's representation of a float: repr() lower-cased, ".0" forced before an exponent,
/// and .inf/-.inf/.nan.
std::string YamlFloat(double value);

}  // namespace pcl::migrate::py
