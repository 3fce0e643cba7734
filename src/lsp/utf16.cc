// LSP positions count UTF-16 code units; ours count bytes. Conversions for one line of UTF-8 text.
#include "lsp/utf16.h"

namespace pcl::lsp {
namespace {

// Bytes of the UTF-8 sequence starting with `lead` (invalid leads count as one byte, so any
// input advances).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

int Utf16Length(std::string_view line, size_t bytes) {
  if (bytes > line.size()) bytes = line.size();
  int units = 0;
  for (size_t i = 0; i < bytes;) {
    size_t length = SequenceLength(static_cast<unsigned char>(line[i]));
    units += length == 4 ? 2 : 1;  // characters above U+FFFF are surrogate pairs
    i += length;
  }
  return units;
}

size_t ByteOffsetOfUtf16(std::string_view line, int units) {
  size_t i = 0;
  for (int seen = 0; i < line.size() && seen < units;) {
    size_t length = SequenceLength(static_cast<unsigned char>(line[i]));
    seen += length == 4 ? 2 : 1;
    i += length;
  }
  return i < line.size() ? i : line.size();
}

}  // namespace pcl::lsp
