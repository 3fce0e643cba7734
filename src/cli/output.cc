// Writing results: stdout or a file, atomically, never clobbering what the user did not ask to replace.
#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace pcl::cli {
namespace {

// Moves `temp` to `path`. Without `overwrite`, a file created at `path` since the check (a race)
// is kept too: the move fails with EEXIST instead of replacing it.
int Publish(const char* temp, const char* path, bool overwrite) {
  if (overwrite) return std::rename(temp, path);
  if (::renameat2(AT_FDCWD, temp, AT_FDCWD, path, RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return -1;
  if (::link(temp, path) != 0) return -1;  // file systems without RENAME_NOREPLACE
  ::unlink(temp);
  return 0;
}

}  // namespace

std::string WriteOutput(const std::string& path, const std::string& content, bool overwrite, unsigned mode) {
  if (path.empty() || path == "-") {
    std::cout << content;
    std::cout.flush();
    return std::cout ? "" : "cannot write to standard output";
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (fs::is_directory(status)) return path + ": is a directory";
  if (fs::exists(status) && !overwrite) return path + ": already exists (use --force to replace it)";
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) return dir.string() + ": cannot create directory: " + ec.message();
  }
  std::string temp = (dir / ("." + target.filename().string() + ".tmpXXXXXX")).string();
  int fd = mkstemp(temp.data());
  if (fd < 0) return path + ": cannot create a temporary file: " + std::strerror(errno);
  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string error = path + ": write failed: " + std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return error;
    }
    written += static_cast<size_t>(n);
  }
  // Keep the mode of a file we replace; new files get `mode`.
  struct stat existing;
  unsigned final_mode = ::stat(path.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : mode;
  ::fchmod(fd, final_mode);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(temp.c_str());
    return path + ": write failed: " + std::strerror(errno);
  }
  if (Publish(temp.c_str(), path.c_str(), overwrite) != 0) {
    std::string error = errno == EEXIST ? path + ": already exists (use --force to replace it)"
                                        : path + ": cannot replace: " + std::strerror(errno);
    ::unlink(temp.c_str());
    return error;
  }
  return "";
}

bool UseColour() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::strcmp(term, "dumb") == 0) return false;
  return ::isatty(STDOUT_FILENO) != 0;
}

std::string ResolveFormat(const std::string& requested, bool to_stdout) {
  if (!requested.empty()) return requested;
  // Inside GitHub Actions, annotations on stdout become inline comments on the diff (as yamllint).
  const char* actions = std::getenv("GITHUB_ACTIONS");
  return to_stdout && actions && std::strcmp(actions, "true") == 0 ? "github" : "text";
}

std::string RenderFindings(const std::string& format, const report::RunReport& run, bool colour_ok, bool quiet) {
  report::RenderOptions render;
  render.text = {colour_ok && UseColour(), quiet, true};
  std::ostringstream out;
  report::Render(format, run, render, out);
  return out.str();
}

}  // namespace pcl::cli
