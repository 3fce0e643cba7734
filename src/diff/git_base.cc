// Runs git with posix_spawn (no shell, so refs and paths are never interpreted) and reads blobs at a ref.
#include "diff/git_base.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

extern char** environ;

namespace pcl::diff {
namespace {

std::string Trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  return text;
}

// `git -C DIR ...`: git resolves the work tree and relative paths from DIR.
ProcessResult Git(const std::string& directory, std::vector<std::string> args, size_t max_out = 64 * 1024) {
  args.insert(args.begin(), {"git", "-C", directory});
  return RunProcess(args, max_out);
}

std::string FirstLine(const std::string& text) {
  std::string trimmed = Trim(text);
  size_t end = trimmed.find('\n');
  return end == std::string::npos ? trimmed : trimmed.substr(0, end);
}

}  // namespace

ProcessResult RunProcess(const std::vector<std::string>& argv, size_t max_out) {
  ProcessResult result;
  if (argv.empty()) return result;
  int out_pipe[2];
  int err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return result;
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return result;
  }
  std::vector<std::string> args = argv;
  std::vector<char*> raw;
  for (std::string& arg : args) raw.push_back(arg.data());
  raw.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid = 0;
  int spawn_error = ::posix_spawnp(&pid, raw[0], &actions, nullptr, raw.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (spawn_error != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    result.err = std::string("cannot run ") + raw[0] + ": " + std::strerror(spawn_error);
    return result;
  }
  // Read both pipes together so a chatty stderr cannot block the child while we wait on stdout.
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  char buffer[65536];
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
        continue;
      }
      std::string& sink = i == 0 ? result.out : result.err;
      size_t limit = i == 0 ? max_out : 64 * 1024;
      size_t room = sink.size() < limit ? limit - sink.size() : 0;
      sink.append(buffer, std::min<size_t>(room, static_cast<size_t>(n)));
      if (i == 0 && static_cast<size_t>(n) > room) result.truncated = true;
    }
  }
  for (pollfd& fd : fds) {
    if (fd.fd >= 0) ::close(fd.fd);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

BaseVersion ReadAtRevision(const std::string& file, const std::string& ref, size_t max_bytes) {
  namespace fs = std::filesystem;
  BaseVersion base;
  // A ref that starts with '-' would be read as an option by git.
  if (ref.empty() || ref[0] == '-') {
    base.error = "invalid git revision '" + ref + "'";
    return base;
  }
  fs::path path(file);
  std::string directory = path.has_parent_path() ? path.parent_path().string() : ".";
  std::string name = path.filename().string();
  if (name.empty() || name == "." || name == "..") {
    base.error = file + ": not a file";
    return base;
  }
  ProcessResult top = Git(directory, {"rev-parse", "--show-toplevel"});
  if (top.exit_code != 0) {
    std::string why = FirstLine(top.err);
    base.error = file + ": not in a git work tree" + (why.empty() ? "" : " (" + why + ")");
    return base;
  }
  ProcessResult commit = Git(directory, {"rev-parse", "--verify", "--quiet", ref + "^{commit}"});
  if (commit.exit_code != 0) {
    base.error = "unknown git revision '" + ref + "' in " + Trim(top.out);
    return base;
  }
  ProcessResult prefix = Git(directory, {"rev-parse", "--show-prefix"});
  if (prefix.exit_code != 0) {
    base.error = file + ": git rev-parse --show-prefix failed: " + FirstLine(prefix.err);
    return base;
  }
  std::string repo_path = Trim(prefix.out) + name;
  std::string spec = ref + ":" + repo_path;
  base.label = file + "@" + ref;
  ProcessResult type = Git(directory, {"cat-file", "-t", spec});
  if (type.exit_code != 0) {  // not in that revision: nothing to compare with
    base.ok = true;
    return base;
  }
  if (Trim(type.out) != "blob") {
    base.error = spec + ": is a " + Trim(type.out) + ", not a file";
    return base;
  }
  // The blob's bytes exactly (`git show` would do the same for a blob; cat-file never filters).
  ProcessResult blob = Git(directory, {"cat-file", "blob", spec}, max_bytes + 1);
  if (blob.exit_code != 0) {
    base.error = "git cat-file blob " + spec + " failed: " + FirstLine(blob.err);
    return base;
  }
  if (blob.truncated || blob.out.size() > max_bytes) {
    base.error = spec + ": larger than the " + std::to_string(max_bytes >> 20) + " MiB limit for a cluster config";
    return base;
  }
  base.ok = true;
  base.exists = true;
  base.text = std::move(blob.out);
  return base;
}

}  // namespace pcl::diff
