// The README's quick-start test command and .ci/run must stay the same command.
#include <catch2/catch.hpp>

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

}  // namespace
}  // namespace pcl::testing
