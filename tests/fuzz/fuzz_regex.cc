// libFuzzer target: the pattern engine never crashes on any pattern or text (team configs can put
// patterns into data rules), and where std::regex accepts the same pattern, both agree.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <regex>
#include <string>
#include <string_view>

#include "core/regex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // First byte: pattern length; then the pattern; the rest is the text.
  size_t pattern_size = std::min<size_t>(data[0] % 128, size - 1);
  std::string pattern(reinterpret_cast<const char*>(data + 1), pattern_size);
  std::string text(reinterpret_cast<const char*>(data + 1 + pattern_size), size - 1 - pattern_size);
  auto compiled = pcl::core::Regex::Compile(pattern);
  if (!compiled) return 0;
  bool ours = compiled->Search(text);
  // std::regex backtracks: compare only where it surely finishes (short pattern and text, no
  // quantified group, so no nested repetition).
  if (pattern.size() > 24 || text.size() > 16) return 0;
  for (size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] == ')' && std::string_view("*+?{").find(pattern[i + 1]) != std::string_view::npos) return 0;
  }
  try {
    bool theirs = std::regex_search(text, std::regex(pattern, std::regex::ECMAScript));
    if (ours != theirs) std::abort();
  } catch (const std::regex_error&) {
    // std::regex rejects a pattern this engine reads; SearchPattern never asks std::regex then.
  }
  return 0;
}
