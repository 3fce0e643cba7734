// Positions, ranges and the text of one input file, with a line index.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pcl::model {

/// A 1-based line and column (columns count bytes). Line 0 means "unknown".
struct Position {
  int line = 0;
  int column = 0;

  bool Known() const { return line > 0; }
  auto operator<=>(const Position&) const = default;
};

/// A half-open span of text: `begin` is the first character, `end` one past the last.
struct Range {
  Position begin;
  Position end;

  auto operator<=>(const Range&) const = default;
};

/// The text of one input, shared by its document and its diagnostics.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  /// The text of line `line` (1-based) without its line break; empty if out of range.
  std::string_view Line(int line) const;
  int LineCount() const { return static_cast<int>(line_starts_.size()); }
  /// The position of byte `offset` in the text.
  Position PositionOf(size_t offset) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<size_t> line_starts_;
};

using SourcePtr = std::shared_ptr<const SourceFile>;

}  // namespace pcl::model
