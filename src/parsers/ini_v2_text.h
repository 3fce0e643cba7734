// Python str semantics over UTF-8 bytes for the INI reader: whitespace, strip() and lower().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pcl::parsers::ini_text {

/// One decoded code point and how many bytes it took. Bytes that are not valid UTF-8 decode as
/// one non-space code point each, so hostile input still advances and never throws.
struct CodePoint {
  char32_t value = 0;
  size_t length = 0;
};

CodePoint DecodeAt(std::string_view text, size_t offset);
/// The code point that ends just before `offset` (offset > 0).
CodePoint DecodeBefore(std::string_view text, size_t offset);

/// Python's str.isspace() (also what `\s` matches in a str regex).
bool IsSpace(char32_t c);

/// First offset in [begin, end) that is not whitespace, or `end`.
size_t SkipSpace(std::string_view text, size_t begin, size_t end);
/// One past the last offset in [begin, end) that is not whitespace, or `begin`.
size_t SkipSpaceBack(std::string_view text, size_t begin, size_t end);
/// Number of whitespace code points before the first other one (configparser's indent level,
/// which Python counts in characters, not bytes).
size_t IndentWidth(std::string_view line);

/// Python's str.lower() (configparser's optionxform). The one context rule Python applies,
/// Greek final sigma, is left out: option names are ASCII in every real config.
std::string Lower(std::string_view text);

}  // namespace pcl::parsers::ini_text
