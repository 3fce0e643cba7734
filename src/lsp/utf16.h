// LSP positions count UTF-16 code units; ours count bytes. Conversions for one line of UTF-8 text.
#pragma once

#include <string_view>

namespace pcl::lsp {

/// UTF-16 code units in the first `bytes` bytes of `line` (clamped to the line).
int Utf16Length(std::string_view line, size_t bytes);
/// The byte offset in `line` of UTF-16 unit `units`; past the end gives the line's length, and
/// a unit inside a surrogate pair rounds up to the end of that character.
size_t ByteOffsetOfUtf16(std::string_view line, int units);

}  // namespace pcl::lsp
