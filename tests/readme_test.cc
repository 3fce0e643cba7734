// The README's quick-start test command and .ci/run must stay the same command.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "test_support.h"

namespace pcl::testing {
namespace {

std::string LineAfter(const std::string& text, const std::string& marker) {
  size_t at = text.find(marker);
  if (at == std::string::npos) return "";
  size_t start = text.find('\n', at + marker.size() - 1) + 1;
  return text.substr(start, text.find('\n', start) - start);
}

TEST_CASE(".ci/run runs the README's test command exactly", "[readme]") {
  std::string readme = ReadFile(SourceDir() + "/README.md");
  std::string ci = ReadFile(SourceDir() + "/.ci/run");
  std::string ci_command = LineAfter(ci, "README-TEST-COMMAND");
  REQUIRE_FALSE(ci_command.empty());
  std::string readme_command = LineAfter(readme, "Build and run every test:\n\n```sh");
  CHECK(readme_command == ci_command);
}

// The rule table between the README markers is `pcluster-lint rules --format markdown`.
// UPDATE_EXPECTED=1 rewrites it.
TEST_CASE("the README rule table matches rules/", "[readme]") {
  const std::string path = SourceDir() + "/README.md";
  std::string readme = ReadFile(path);
  const std::string begin = "<!-- rules-table:begin -->\n";
  const std::string end = "<!-- rules-table:end -->";
  size_t from = readme.find(begin);
  size_t to = readme.find(end);
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  from += begin.size();
  std::string generated;
  FILE* pipe = ::popen((std::string("'") + PCL_BINARY + "' rules --format markdown").c_str(), "r");
  REQUIRE(pipe);
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) generated.append(buffer, n);
  REQUIRE(::pclose(pipe) == 0);
  if (std::getenv("UPDATE_EXPECTED")) {
    readme.replace(from, to - from, generated);
    std::ofstream(path, std::ios::binary) << readme;
    return;
  }
  INFO("regenerate with UPDATE_EXPECTED=1 build/tests/pcl_tests \"[readme]\"");
  CHECK(readme.substr(from, to - from) == generated);
}

}  // namespace
}  // namespace pcl::testing
