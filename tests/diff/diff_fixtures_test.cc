// Golden `diff` runs: fixtures/diff/<case>/{old.yaml,new.yaml,expected[,args]}; UPDATE_EXPECTED=1 rewrites.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

// Runs the binary in `dir`; returns stdout followed by an "exit code: N" line.
std::string RunIn(const fs::path& dir, const std::string& args) {
  std::string command =
      "cd '" + dir.string() + "' && NO_COLOR=1 '" + std::string(PCL_BINARY) + "' " + args + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  int status = ::pclose(pipe);
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out + "exit code: " + std::to_string(code) + "\n";
}

std::string ArgsFor(const fs::path& dir) {
  if (!fs::exists(dir / "args")) return "diff old.yaml new.yaml";
  std::string args = ReadFile((dir / "args").string());
  while (!args.empty() && (args.back() == '\n' || args.back() == ' ')) args.pop_back();
  return args;
}

TEST_CASE("diff golden fixtures", "[diff][fixtures]") {
  fs::path root = fs::path(SourceDir()) / "fixtures" / "diff";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory()) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE_FALSE(cases.empty());
  const bool update = std::getenv("UPDATE_EXPECTED") != nullptr;
  for (const fs::path& dir : cases) {
    SECTION(dir.filename().string()) {
      std::string actual = RunIn(dir, ArgsFor(dir));
      if (update) {
        std::ofstream(dir / "expected", std::ios::binary) << actual;
        continue;
      }
      INFO("fixture: " << dir.string());
      CHECK(actual == ReadFile((dir / "expected").string()));
      // What to do is said in words: ParallelCluster's internal policy names never show.
      CHECK(actual.find("update policy") == std::string::npos);
      CHECK(actual.find("MANAGED_FSX") == std::string::npos);
    }
  }
}

TEST_CASE("diff output is byte-for-byte reproducible", "[diff][fixtures]") {
  fs::path root = fs::path(SourceDir()) / "fixtures" / "diff";
  for (const char* name : {"storage-renamed", "json-format", "many-changes"}) {
    fs::path dir = root / name;
    REQUIRE(fs::exists(dir));
    std::string first = RunIn(dir, ArgsFor(dir));
    std::string second = RunIn(dir, ArgsFor(dir));
    CHECK(first == second);
  }
}

}  // namespace
}  // namespace pcl::testing
