// User content (keys, values, file names) made safe to print on a terminal or in a CI log.
#include "report/escape.h"

#include <cstdint>

namespace pcl::report {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// Length of the valid UTF-8 sequence at text[i] and its code point; 0 if it is not one.
size_t Utf8At(std::string_view text, size_t i, uint32_t& code) {
  const unsigned char b = static_cast<unsigned char>(text[i]);
  size_t length = b < 0x80                 ? 1
                  : b >= 0xC2 && b <= 0xDF ? 2
                  : b >= 0xE0 && b <= 0xEF ? 3
                  : b >= 0xF0 && b <= 0xF4 ? 4
                                           : 0;
  if (length == 0 || i + length > text.size()) return 0;
  code = length == 1 ? b : b & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    const unsigned char next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) return 0;
    code = (code << 6) | (next & 0x3F);
  }
  const uint32_t min = length == 2 ? 0x80 : length == 3 ? 0x800 : length == 4 ? 0x10000 : 0;
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

// C1 controls (U+0080–U+009F: some terminals take U+009B as CSI) and the bidirectional
// overrides and isolates that can make a line read differently from what it holds.
bool IsHiddenControl(uint32_t code) {
  return (code >= 0x80 && code <= 0x9F) || (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) ||
         code == 0x200E || code == 0x200F;
}

}  // namespace

std::string Visible(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    uint32_t code = 0;
    const size_t length = Utf8At(text, i, code);
    if (length == 0) {  // not UTF-8: the byte itself
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
      ++i;
      continue;
    }
    if (code == '\n') {
      out += "\\n";
    } else if (code == '\r') {
      out += "\\r";
    } else if (code == '\t') {
      out += "\\t";
    } else if (code < 0x20 || code == 0x7F) {
      out += "\\x";
      out += kHex[code >> 4];
      out += kHex[code & 0xF];
    } else if (IsHiddenControl(code)) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 0xF];
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string VisiblePath(std::string_view path) {
  std::string out = Visible(path);
  // GitHub's runner takes "::cmd" and "##[cmd" lines as commands (after leading blanks, to be safe);
  // a backslash here is an escaped control character.
  const bool unsafe = !out.empty() && (out[0] == ':' || out[0] == '#' || out[0] == ' ' || out[0] == '\\');
  return unsafe ? "./" + out : out;
}

}  // namespace pcl::report
