// Reads input files safely (size, binary, UTF-8) and dispatches to the front end for their format.
#include "parsers/load.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string_view>

#include "generated/ids/input.h"
#include "parsers/detect.h"
#include "parsers/ini_v2.h"
#include "parsers/toml_v2.h"
#include "parsers/yaml_v3.h"

namespace pcl::parsers {
namespace {

using model::Diagnostic;

ParseResult Failure(const std::string& path, std::string text, const char* id, std::string message,
                    model::Position where = {}) {
  ParseResult result;
  result.document.source = std::make_shared<model::SourceFile>(path, std::move(text));
  Diagnostic d;
  d.rule_id = id;
  d.file = path;
  d.message = std::move(message);
  d.range = {where, where};
  result.diagnostics.push_back(std::move(d));
  return result;
}

// Offset of the first byte that is not well-formed UTF-8, or npos.
size_t FindInvalidUtf8(const std::string& text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    unsigned char c = text[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra = 0;
    unsigned int min = 0;
    if ((c & 0xE0) == 0xC0) {
      extra = 1;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      min = 0x10000;
    } else {
      return i;
    }
    unsigned int code = c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
      if (i + k >= n) return i;
      unsigned char next = text[i + k];
      if ((next & 0xC0) != 0x80) return i;
      code = (code << 6) | (next & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    i += extra + 1;
  }
  return std::string::npos;
}

// Start of the first line longer than `limit` bytes, if any (CR, LF and CRLF end lines).
std::optional<size_t> FindLongLine(std::string_view text, size_t limit) {
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    if (end - start > limit) return start;
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace

ParseResult LoadText(const std::string& path, std::string text, const LoadOptions& options) {
  if (text.size() > options.limits.max_bytes) {
    return Failure(path, "", ids::kInputLimitExceeded,
                   "file is larger than the " + std::to_string(options.limits.max_bytes >> 20) +
                       " MiB limit for a cluster config");
  }
  // A UTF-8 byte order mark is invisible in editors; drop it so columns match what users see.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  // Windows editors save "Unicode" text as UTF-16 (rarely UTF-32): name it, rather than calling
  // the file binary. FF FE 00 00 is UTF-32LE, not UTF-16 text starting with a NUL.
  if (text.rfind(std::string("\xFF\xFE\0\0", 4), 0) == 0 || text.rfind(std::string("\0\0\xFE\xFF", 4), 0) == 0) {
    return Failure(path, "", ids::kInvalidEncoding,
                   "file is UTF-32 encoded (it starts with a UTF-32 byte order mark); save it as UTF-8");
  }
  if (text.rfind("\xFF\xFE", 0) == 0 || text.rfind("\xFE\xFF", 0) == 0) {
    return Failure(path, "", ids::kInvalidEncoding,
                   "file is UTF-16 encoded (it starts with a UTF-16 byte order mark); save it as UTF-8");
  }
  if (size_t nul = text.find('\0'); nul != std::string::npos) {
    auto source = model::SourceFile(path, text);
    return Failure(path, std::move(text), ids::kInvalidEncoding,
                   "file contains NUL bytes; it looks binary, not like a cluster config", source.PositionOf(nul));
  }
  if (size_t bad = FindInvalidUtf8(text); bad != std::string::npos) {
    auto source = model::SourceFile(path, text);
    return Failure(path, std::move(text), ids::kInvalidEncoding, "file is not valid UTF-8 (first bad byte here)",
                   source.PositionOf(bad));
  }
  if (auto line = FindLongLine(text, options.limits.max_line_bytes)) {
    auto source = model::SourceFile(path, text);
    return Failure(
        path, std::move(text), ids::kInputLimitExceeded,
        "line is longer than the " + std::to_string(options.limits.max_line_bytes >> 10) + " KiB limit for one line",
        source.PositionOf(*line));
  }
  model::Format format =
      options.forced_format != model::Format::kUnknown ? options.forced_format : DetectFormat(path, text);
  auto source = std::make_shared<model::SourceFile>(path, std::move(text));
  switch (format) {
    case model::Format::kYamlV3: return ParseYamlV3(source, options.limits);
    case model::Format::kIniV2: return ParseIniV2(source, options.limits);
    case model::Format::kTomlV2: return ParseTomlV2(source, options.limits);
    case model::Format::kUnknown: break;
  }
  ParseResult result = Failure(path, "", ids::kUnknownFormat,
                               "cannot tell the format: not a v3 YAML mapping, nor a v2 INI/TOML file "
                               "with [section] headers (use --input-format to say)");
  result.document.source = source;
  return result;
}

std::string ReadUpTo(int fd, size_t max_bytes, std::string& text) {
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::string("error while reading the file: ") + std::strerror(errno);
    if (n == 0) return "";
    text.append(buffer, static_cast<size_t>(n));
    if (text.size() > max_bytes) return "";  // stop reading huge files early
  }
}

ParseResult LoadFile(const std::string& path, const LoadOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return Failure(path, "", ids::kUnreadableFile, "file does not exist");
  if (fs::is_directory(status)) return Failure(path, "", ids::kUnreadableFile, "is a directory, not a file");
  // A device or socket may never end (or never open); a pipe such as `<(git show ...)` is read.
  const bool pipe = fs::is_fifo(status);
  if (!fs::is_regular_file(status) && !pipe) {
    return Failure(path, "", ids::kUnreadableFile, "is not a regular file (a device or socket)");
  }
  // O_NONBLOCK: opening a named pipe that has no writer must not wait for one.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    return Failure(path, "", ids::kUnreadableFile, std::string("cannot open file: ") + std::strerror(errno));
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string text;
  std::string error = ReadUpTo(fd, options.limits.max_bytes, text);
  ::close(fd);
  if (!error.empty()) return Failure(path, "", ids::kUnreadableFile, std::move(error));
  if (pipe && text.empty()) {
    return Failure(path, "", ids::kUnreadableFile, "is a named pipe with nothing written to it");
  }
  return LoadText(path, std::move(text), options);
}

ParseResult LoadStdin(const std::string& name, const LoadOptions& options) {
  std::string text;
  std::string error = ReadUpTo(STDIN_FILENO, options.limits.max_bytes, text);
  if (!error.empty()) return Failure(name, "", ids::kUnreadableFile, "standard input: " + error);
  return LoadText(name, std::move(text), options);
}

}  // namespace pcl::parsers
