// Running the real binary in a scratch directory, bounded, for the CLI tests (hostile inputs, writes).
#include "cli/cli_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#ifndef __has_feature
#define __has_feature(x) 0
#endif

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__) || __has_feature(address_sanitizer)
constexpr const char* kLimits = "ulimit -t 30 || exit 97";  // ASan reserves terabytes of address space
#else
constexpr const char* kLimits = "ulimit -v 2000000 && ulimit -t 30 || exit 97";  // 2 GB, 30 s of CPU
#endif

}  // namespace

Scratch::Scratch(const std::string& name)
    : dir_(fs::temp_directory_path() / ("pcl-adversarial-" + std::to_string(::getpid()) + "-" + name)) {
  fs::remove_all(dir_);
  fs::create_directories(dir_);
}

Scratch::~Scratch() {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir_, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_symlink()) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::remove_all(dir_, ec);
}

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

Outcome Run(const fs::path& dir, const std::string& args, const std::string& stdin_file, const std::string& before) {
  const fs::path out_file = dir.parent_path() / (dir.filename().string() + ".stdout");
  const fs::path err_file = dir.parent_path() / (dir.filename().string() + ".stderr");
  // `wait` lets what `before` started in the background (a FIFO's reader) finish first.
  std::string command = "cd '" + dir.string() + "' && { " + kLimits + "; } && " + (before.empty() ? "" : before + " ") +
                        (stdin_file.empty() ? "" : "cat '" + stdin_file + "' | ") +
                        "NO_COLOR=1 GITHUB_ACTIONS= timeout -s KILL 120 '" + std::string(PCL_BINARY) + "' " + args +
                        " >'" + out_file.string() + "' 2>'" + err_file.string() + "'" +
                        (stdin_file.empty() ? " </dev/null" : "") + "; code=$?; wait; exit $code";
  int status = std::system(command.c_str());
  Outcome outcome;
  // timeout exits 137 after a SIGKILL; a crash in the child shows as 128 + signal through sh.
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  outcome.exit_code = code > 128 ? -1 : code;
  outcome.out = ReadFile(out_file.string());
  outcome.err = ReadFile(err_file.string());
  fs::remove(out_file);
  fs::remove(err_file);
  return outcome;
}

bool Contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

std::string MinimalV3() {
  return ReadFile(SourceDir() + "/fixtures/examples/minimal.yaml");
}
std::string ClusterIni() {
  return ReadFile(SourceDir() + "/fixtures/examples/v2/cluster.ini");
}

int TempFilesIn(const fs::path& dir) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name[0] == '.' && Contains(name, ".tmp")) ++count;
  }
  return count;
}

}  // namespace pcl::testing
