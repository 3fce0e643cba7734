// Writing results: stdout or a file, atomically, never onto an input and never over what is not a file.
#include "pipeline/output.h"

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

#include "report/escape.h"
#include "report/locations.h"

namespace pcl::pipeline {
namespace {

namespace fs = std::filesystem;

// Short and fixed, so it fits beside a file whose own name is as long as the file system allows.
constexpr char kTempName[] = ".pcl.tmp.XXXXXX";

// Messages name paths as the user's text: a control character in a name is shown, not sent to the terminal.
std::string Shown(const std::string& path) {
  return report::Visible(path);
}

std::string SystemError(const std::string& path, const std::string& what, int error) {
  return Shown(path) + ": " + what + ": " + std::strerror(error);
}

bool WriteAll(int fd, std::string_view content) {
  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    written += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

// What an output holds: a string, or all that a spool was given, copied from its file in chunks.
struct Content {
  const std::string* text = nullptr;
  const Spool* spool = nullptr;

  // Calls `sink(piece)` for each piece in order; false as soon as it does.
  template <typename Sink>
  bool Each(Sink sink) const {
    if (text) return sink(std::string_view(*text));
    if (spool->fd_ < 0) return sink(std::string_view(spool->memory_));
    std::string buffer(1 << 16, '\0');
    for (off_t at = 0;;) {
      ssize_t n = ::pread(spool->fd_, buffer.data(), buffer.size(), at);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return n == 0;
      if (!sink(std::string_view(buffer.data(), static_cast<size_t>(n)))) return false;
      at += n;
    }
  }
};

namespace {

bool WriteAll(int fd, const Content& content) {
  return content.Each([&](std::string_view piece) { return WriteAll(fd, piece); });
}

std::string WriteToStream(std::ostream& out, const Content& content, const std::string& name) {
  content.Each([&](std::string_view piece) { return static_cast<bool>(out << piece); });
  out.flush();
  return out ? "" : "cannot write to " + Shown(name);
}

// This process's stdout or stderr when `st` is the file it is open on (`-o /dev/stdout`, a link to
// /proc/self/fd/1): written through the stream, never replaced, even when it is a regular file.
std::ostream* OwnStream(const struct stat& st) {
  for (int fd : {STDOUT_FILENO, STDERR_FILENO}) {
    struct stat own;
    if (::fstat(fd, &own) == 0 && own.st_dev == st.st_dev && own.st_ino == st.st_ino) {
      return fd == STDOUT_FILENO ? &std::cout : &std::cerr;
    }
  }
  return nullptr;
}

// A device or FIFO is written into as it is: renaming a file over it would replace it.
std::string WriteThrough(const std::string& path, const struct stat& st, const Content& content) {
  if (S_ISSOCK(st.st_mode)) return Shown(path) + ": is a socket, not a file; nothing written";
  int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return SystemError(path, "cannot open for writing", errno);
  bool ok = WriteAll(fd, content);
  int error = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    error = errno;
  }
  return ok ? "" : SystemError(path, "write failed", error);
}

// The directory that receives the temp file must exist already, unless the user asked for it.
std::string CheckDirectory(const fs::path& dir, bool create) {
  struct stat st;
  if (::stat(dir.c_str(), &st) == 0) return S_ISDIR(st.st_mode) ? "" : Shown(dir.string()) + ": is not a directory";
  if (errno != ENOENT) return SystemError(dir.string(), "cannot use directory", errno);
  if (!create) return Shown(dir.string()) + ": no such directory (create it first)";
  std::error_code ec;
  fs::create_directories(dir, ec);
  return ec ? Shown(dir.string()) + ": cannot create directory: " + ec.message() : "";
}

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

// Writes a new regular file `target` beside itself and renames it into place.
std::string Replace(const std::string& shown, const std::string& target, const Content& content,
                    const OutputRules& rules) {
  fs::path target_path(target);
  fs::path dir = target_path.has_parent_path() ? target_path.parent_path() : fs::path(".");
  if (std::string error = CheckDirectory(dir, rules.create_parents); !error.empty()) return error;
  std::string temp = (dir / kTempName).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return SystemError(shown, "cannot create a temporary file", errno);
  auto fail = [&](const std::string& what, int error) {
    ::unlink(temp.c_str());
    return SystemError(shown, what, error);
  };
  if (!WriteAll(fd, content)) {
    int error = errno;
    ::close(fd);
    return fail("write failed", error);
  }
  ::fchmod(fd, rules.mode);  // not the replaced file's mode: that could be 0666 or setuid
  if (::fsync(fd) != 0) {
    int error = errno;
    ::close(fd);
    return fail("write failed", error);
  }
  if (::close(fd) != 0) return fail("write failed", errno);
  // Examined again just before the rename: what appeared there meanwhile is not renamed over.
  struct stat now;
  if (::stat(target.c_str(), &now) == 0 &&
      (!S_ISREG(now.st_mode) || (rules.guard && !rules.guard->RoleOf(now.st_dev, now.st_ino).empty()))) {
    ::unlink(temp.c_str());
    return Shown(shown) + ": changed while the output was written; nothing replaced";
  }
  if (Publish(temp.c_str(), target.c_str(), rules.replace) != 0) {
    if (errno == EEXIST) {
      ::unlink(temp.c_str());
      return Shown(shown) + ": already exists (use --force to replace it)";
    }
    return fail("cannot replace", errno);
  }
  // The rename is durable only once the directory is on disk too.
  if (int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  if (rules.guard && ::stat(target.c_str(), &now) == 0) rules.guard->AddOutput(now.st_dev, now.st_ino);
  return "";
}

// The rules of WriteOutput (see output.h), for either kind of content.
std::string WriteContent(const std::string& path, const Content& content, const OutputRules& rules) {
  if (path.empty() || path == "-") return WriteToStream(std::cout, content, "standard output");
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    const int error = errno;
    struct stat link;
    if (::lstat(path.c_str(), &link) == 0) {  // a dangling link, or a loop of links
      return SystemError(path, "is a symbolic link that leads nowhere", error);
    }
    // A missing parent is reported by Replace, which names the directory.
    if (error != ENOENT && error != ENOTDIR) return SystemError(path, "cannot write", error);
    return Replace(path, path, content, rules);
  }
  if (S_ISDIR(st.st_mode)) return Shown(path) + ": is a directory";
  if (rules.guard) {
    if (std::string role = rules.guard->RoleOf(st.st_dev, st.st_ino); !role.empty()) {
      return Shown(path) + ": is " + role + " of this run; write it elsewhere";
    }
  }
  if (std::ostream* own = OwnStream(st)) return WriteToStream(*own, content, path);
  if (!S_ISREG(st.st_mode)) return WriteThrough(path, st, content);
  if (!rules.replace) return Shown(path) + ": already exists (use --force to replace it)";
  // Through a symbolic link the file it leads to is replaced; the link stays a link.
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  return Replace(path, ec ? path : real.string(), content, rules);
}

}  // namespace

void ProtectedFiles::AddInput(const std::string& path) {
  struct stat st;
  if (path.empty() || path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
  std::lock_guard lock(mutex_);
  inputs_.emplace(st.st_dev, st.st_ino);
}

std::string ProtectedFiles::RoleOf(dev_t dev, ino_t ino) const {
  std::lock_guard lock(mutex_);
  if (inputs_.count({dev, ino})) return "an input";
  if (outputs_.count({dev, ino})) return "an output";
  return "";
}

void ProtectedFiles::AddOutput(dev_t dev, ino_t ino) {
  std::lock_guard lock(mutex_);
  outputs_.emplace(dev, ino);
}

Spool::Spool() {
  // Unnamed from the start (O_TMPFILE) or right after it is made: nothing is left behind.
  std::error_code ec;
  const fs::path dir = fs::temp_directory_path(ec);
  if (ec) return;
  fd_ = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd_ >= 0) return;
  std::string name = (dir / kTempName).string();
  fd_ = ::mkstemp(name.data());
  if (fd_ >= 0) ::unlink(name.c_str());
}

Spool::~Spool() {
  if (fd_ >= 0) ::close(fd_);
}

void Spool::Append(std::string_view text) {
  if (fd_ < 0) {
    memory_ += text;
  } else if (error_.empty() && !WriteAll(fd_, text)) {
    error_ = std::string("cannot keep the output in a temporary file: ") + std::strerror(errno);
  }
}

std::string WriteOutput(const std::string& path, const std::string& content, const OutputRules& rules) {
  return WriteContent(path, Content{&content, nullptr}, rules);
}

std::string WriteOutput(const std::string& path, const Spool& spool, const OutputRules& rules) {
  if (!spool.error_.empty()) return Shown(path) + ": " + spool.error_ + "; nothing written";
  return WriteContent(path, Content{nullptr, &spool}, rules);
}

std::string ProjectRoot(const std::optional<std::string>& config_path) {
  std::error_code ec;
  const fs::path working_dir = fs::current_path(ec);
  if (std::string root = report::FindRepoRoot(working_dir.string()); !root.empty()) return root;
  if (!config_path || config_path->empty()) return "";
  fs::path config = fs::path(*config_path).is_absolute() ? fs::path(*config_path) : working_dir / *config_path;
  return config.lexically_normal().parent_path().string();
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

std::string RenderFindings(const std::string& format, const report::RunReport& run, bool colour_ok, bool quiet,
                           const std::optional<std::string>& root) {
  report::RenderOptions render;
  render.text = {colour_ok && UseColour(), quiet, true};
  render.repo_root = root;
  std::ostringstream out;
  report::Render(format, run, render, out);
  return out.str();
}

}  // namespace pcl::pipeline
