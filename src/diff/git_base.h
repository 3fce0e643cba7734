// Reads a file's content at a git revision by running the `git` binary (for `diff --git-base REF`).
#pragma once

#include <string>
#include <vector>

namespace pcl::diff {

/// What running one command produced.
struct ProcessResult {
  int exit_code = -1;  ///< -1: could not be started or did not exit normally
  std::string out;
  std::string err;
  bool truncated = false;  ///< stdout went past the limit and was cut
};

/// Runs `argv` (argv[0] looked up on PATH, no shell; stdin is /dev/null) and collects its output.
/// stdout is kept up to `max_out` bytes; the rest is drained and dropped.
ProcessResult RunProcess(const std::vector<std::string>& argv, size_t max_out = 16 * 1024 * 1024);

/// A file as it was at a revision.
struct BaseVersion {
  bool ok = false;      ///< false: `error` says what went wrong with git (exit 2)
  bool exists = false;  ///< the file is in the revision's tree
  /// "FILE@REF" (FILE as given), the old file's name: a path that reports relativise like the new
  /// file's ("clusters/prod.yaml@HEAD" from the repository root, whatever the working directory).
  std::string label;
  std::string text;
  std::string error;
};

/// The content of `file` (a path on disk, inside a git work tree) at revision `ref`.
BaseVersion ReadAtRevision(const std::string& file, const std::string& ref, size_t max_bytes = 16 * 1024 * 1024);

}  // namespace pcl::diff
