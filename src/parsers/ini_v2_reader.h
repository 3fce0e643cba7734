// configparser's line reader for v2 INI files: sections, raw option values, comments, findings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"
#include "model/source.h"

namespace pcl::parsers::ini {

/// A half-open byte span [begin, end) of the source text.
struct Span {
  size_t begin = 0;
  size_t end = 0;
};

/// One option as configparser's `_read` stores it, before interpolation.
struct RawOption {
  std::string name;   ///< After optionxform (lower-cased).
  std::string value;  ///< Lines joined with "\n", trailing blank lines dropped.
  Span key;           ///< The name as written.
  Span value_span;    ///< First character of the value to the end of its last non-blank line.
  /// Blank lines seen since the last text line; they count only if more text follows.
  size_t pending_newlines = 0;
};

/// A section; repeated headers of one name (an error, or [DEFAULT]) share it.
struct RawSection {
  std::string name;
  Span name_span;    ///< Inside the brackets of its first header.
  Span header_span;  ///< The first header from '[' to ']'.
  std::vector<RawOption> options;
  std::unordered_map<std::string, size_t> index;  ///< Option name → position in `options`.

  const RawOption* Find(const std::string& option) const {
    auto it = index.find(option);
    return it == index.end() ? nullptr : &options[it->second];
  }
};

/// What the reader found. Sections are in the order of their first header, [DEFAULT] included.
struct RawIni {
  std::vector<RawSection> sections;
  std::optional<size_t> defaults;  ///< Index of [DEFAULT] in `sections`, if the file has one.
  /// configparser would raise while reading (ParsingError, MissingSectionHeaderError,
  /// DuplicateSectionError, DuplicateOptionError).
  bool fatal = false;
};

/// Reads `source` line by line as configparser's `_read` does with inline comments "#" and ";".
/// Unlike configparser it does not stop at the first fatal problem: every one becomes a finding.
RawIni ReadIni(const model::SourceFile& source, std::vector<model::Diagnostic>& diagnostics,
               std::vector<model::Comment>& comments);

}  // namespace pcl::parsers::ini
