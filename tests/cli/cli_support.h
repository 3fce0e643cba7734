// Running the real binary in a scratch directory, bounded, for the CLI tests (hostile inputs, writes).
#pragma once

#include <filesystem>
#include <string>

#include "test_support.h"

namespace pcl::testing {

/// What one run of the binary printed and how it ended.
struct Outcome {
  std::string out;
  std::string err;
  int exit_code = -1;  ///< -1 when killed by a signal (crash, limit, wall-clock kill)
};

/// A scratch directory of its own per test case, removed (permissions restored) at the end.
class Scratch {
 public:
  explicit Scratch(const std::string& name);
  ~Scratch();
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path operator/(const std::string& name) const { return dir_ / name; }

 private:
  std::filesystem::path dir_;
};

/// Writes `text` to `path`, creating its directories.
void Write(const std::filesystem::path& path, const std::string& text);

/// Runs `pcluster-lint ARGS` in `dir` under memory/CPU limits and a wall-clock kill, with stdin
/// piped from `stdin_file` if given. `before` runs first in the same shell (e.g. starting a reader).
Outcome Run(const std::filesystem::path& dir, const std::string& args, const std::string& stdin_file = "",
            const std::string& before = "");

bool Contains(const std::string& text, const std::string& what);

std::string MinimalV3();
std::string ClusterIni();

/// Files in `dir` whose names start with '.' and hold ".tmp" (leftovers of an atomic write).
int TempFilesIn(const std::filesystem::path& dir);

}  // namespace pcl::testing

#define INFO_OUTCOME(o) \
  INFO("exit " << (o).exit_code << "\nstdout:\n" << (o).out.substr(0, 2000) << "\nstderr:\n" << (o).err.substr(0, 2000))
