// Where findings are for CI services: repo-relative paths, URIs, character columns, stable hashes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/source.h"
#include "report/report.h"

namespace pcl::report {

/// The nearest directory at or above `start` (absolute) that holds a `.git` (directory or file,
/// as in worktrees and submodules); "" if there is none.
std::string FindRepoRoot(const std::string& start);

/// RFC 3986 percent-encoding of a path: unreserved characters and '/' stay, all else is %XX.
std::string PercentEncodePath(std::string_view path);

/// The 1-based character (code point) column of byte column `byte_column` on `line` of `source`:
/// services count characters, the model counts bytes. Unchanged if the line is unknown.
int CharacterColumn(const model::SourceFile* source, int line, int byte_column);

/// FNV-1a 64-bit hash as 16 hex digits: fixed across platforms and releases, unlike std::hash.
std::string StableHash(std::string_view text);

/// Resolves the paths of one report against the working directory and the repository root.
class RepoPaths {
 public:
  explicit RepoPaths(const RenderOptions& options);

  /// The absolute repository root, or "" when unknown.
  const std::string& root() const { return root_; }
  /// `path` relative to the root with '/' separators, or nullopt if it lies outside (or no root).
  std::optional<std::string> Relative(const std::string& path) const;
  /// Repo-relative when possible, else the path as given.
  std::string Display(const std::string& path) const;

 private:
  std::string working_dir_;
  std::string root_;
};

}  // namespace pcl::report
