// Writing results: stdout or a file, atomically, never onto an input and never over what is not a file.
#pragma once

#include <sys/types.h>

#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "report/report.h"

namespace pcl::pipeline {

/// The regular files one run reads (configs, the config file, a baseline) and writes: an output
/// may land on none of them. Files are told apart by device and inode, so another name for the
/// same file (a link, `./x`, `/dev/stdin` redirected from it) is caught too. Thread-safe.
class ProtectedFiles {
 public:
  /// Records `path` as read by this run, if it is a regular file (devices and pipes hold no data to lose).
  void AddInput(const std::string& path);

  /// What `dev`/`ino` is to this run: "" (nothing), "an input" or "an output".
  std::string RoleOf(dev_t dev, ino_t ino) const;
  void AddOutput(dev_t dev, ino_t ino);

 private:
  mutable std::mutex mutex_;
  std::set<std::pair<dev_t, ino_t>> inputs_;
  std::set<std::pair<dev_t, ino_t>> outputs_;
};

/// How one kind of output is written (see README "Where results are written").
struct OutputRules {
  /// Replace an existing regular file: reports and baselines do; migrate outputs only with --force.
  bool replace = true;
  /// Mode of the file written, whatever the file it replaces had.
  unsigned mode = 0644;
  /// Create missing parent directories (only below a directory the user named: --out-dir).
  bool create_parents = false;
  /// The run's inputs and earlier outputs, which are never written over; nullptr = no check.
  ProtectedFiles* guard = nullptr;
};

/// Writes `content` to `path` ("-" or "" = stdout). A regular file is written to a temp file
/// beside it and renamed into place (through a symbolic link, the link's target is replaced); a
/// device, FIFO, or this process's own stdout/stderr (`/dev/stdout`, `/proc/self/fd/1`) is
/// written through in place, never renamed over. Returns an error message, or "" on success.
std::string WriteOutput(const std::string& path, const std::string& content, const OutputRules& rules);

/// Output assembled piece by piece, then written with WriteOutput: kept in an unnamed temporary
/// file of the system's temp directory (gone when the spool is), so its size costs no memory; kept
/// in memory only when no temporary file can be made.
class Spool {
 public:
  Spool();
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  void Append(std::string_view text);

 private:
  friend struct Content;
  friend std::string WriteOutput(const std::string& path, const Spool& spool, const OutputRules& rules);
  int fd_ = -1;
  std::string memory_;  ///< the content, when there is no temporary file
  std::string error_;   ///< why the temporary file could not take it all
};

/// WriteOutput of everything `spool` was given, by the same rules, without holding it in memory.
std::string WriteOutput(const std::string& path, const Spool& spool, const OutputRules& rules);

/// Where baseline keys and SARIF/GitHub paths start, whatever form the user typed a path in: the
/// git checkout around the working directory (the nearest directory holding `.git`), else the
/// directory of the config file the run read, else "" (none).
std::string ProjectRoot(const std::optional<std::string>& config_path);

/// Whether coloured output should be used on stdout (a TTY, NO_COLOR unset, TERM not dumb).
bool UseColour();

/// The --format a command uses: `requested`, or when none was given, `github` inside GitHub
/// Actions (GITHUB_ACTIONS=true) for a report on stdout, else `text`.
std::string ResolveFormat(const std::string& requested, bool to_stdout);

/// Renders findings in `format` (check, migrate and diff share this); `colour_ok` allows colour
/// in text output when the terminal does too; `root` is where SARIF and GitHub paths start
/// (nullopt = the git checkout around the working directory).
std::string RenderFindings(const std::string& format, const report::RunReport& run, bool colour_ok, bool quiet,
                           const std::optional<std::string>& root = std::nullopt);

}  // namespace pcl::pipeline
