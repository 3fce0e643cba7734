// Reads a file from disk safely and parses it with the right front end.
#pragma once

#include <string>

#include "parsers/parse_result.h"

namespace pcl::parsers {

struct LoadOptions {
  ParseLimits limits;
  model::Format forced_format = model::Format::kUnknown;  ///< --input-format
};

/// Reads `path` (bounded by limits.max_bytes) and parses it. I/O problems, binary content and
/// invalid UTF-8 become findings, never exceptions.
ParseResult LoadFile(const std::string& path, const LoadOptions& options = {});
/// Reads standard input to its end (same limits) and parses it as the file `name` (which decides
/// the format when none is forced, and names the file in findings).
/// Appends what `fd` holds to `text`, to its end or until `text` is longer than `max_bytes` (the
/// caller tells a cut-off by the size): a pipe or a growing file is never read without bound.
/// Returns "" or what went wrong.
std::string ReadUpTo(int fd, size_t max_bytes, std::string& text);

ParseResult LoadStdin(const std::string& name, const LoadOptions& options = {});
/// Parses text already in memory (tests, `diff --git-base`).
ParseResult LoadText(const std::string& path, std::string text, const LoadOptions& options = {});

}  // namespace pcl::parsers
