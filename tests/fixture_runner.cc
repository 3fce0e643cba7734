// Golden CLI tests: each fixtures/cli/<case>/ has `cmd` (arguments), `stdout.expected`,
// optional `stderr.expected`, and `exit_code`. UPDATE_EXPECTED=1 rewrites the expected files.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

// Timing varies run to run; everything else must be byte-identical.
std::string Normalise(std::string text) {
  static const std::regex kMillis(R"(\(\d+ ms\))");
  return std::regex_replace(text, kMillis, "(N ms)");
}

ShellResult Run(const fs::path& dir, const std::string& args) {
  ShellResult outcome =
      RunShell("cd '" + dir.string() + "' && NO_COLOR=1 GITHUB_ACTIONS= '" + std::string(PCL_BINARY) + "' " + args);
  outcome.out = Normalise(outcome.out);
  outcome.err = Normalise(outcome.err);
  return outcome;
}

void Compare(const fs::path& file, const std::string& actual, bool optional) {
  const bool update = std::getenv("UPDATE_EXPECTED") != nullptr;
  if (update) {
    if (!optional || !actual.empty()) std::ofstream(file, std::ios::binary) << actual;
    return;
  }
  std::string expected = fs::exists(file) ? ReadFile(file.string()) : std::string();
  INFO("fixture file: " << file.string());
  CHECK(actual == expected);
}

TEST_CASE("CLI golden fixtures", "[fixtures][cli]") {
  fs::path root = fs::path(SourceDir()) / "fixtures" / "cli";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (fs::exists(entry.path() / "cmd")) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE_FALSE(cases.empty());
  for (const fs::path& dir : cases) {
    SECTION(dir.filename().string()) {
      std::string args = ReadFile((dir / "cmd").string());
      while (!args.empty() && (args.back() == '\n' || args.back() == ' ')) args.pop_back();
      ShellResult outcome = Run(dir, args);
      Compare(dir / "stdout.expected", outcome.out, false);
      Compare(dir / "stderr.expected", outcome.err, true);
      Compare(dir / "exit_code", std::to_string(outcome.exit_code) + "\n", false);
    }
  }
}

}  // namespace
}  // namespace pcl::testing
