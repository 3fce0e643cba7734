// Checks on the test suite itself: every Catch2 test case must be one that CTest can run.
#include <catch2/catch.hpp>

#include <regex>

#include "test_support.h"

namespace pcl::testing {
namespace {

// catch_discover_tests registers each test case under its name, and CTest splits a test list at
// ';': a name holding one is registered under a name that matches no test case, so it "passes"
// without running (three did, unnoticed). A comma says the same. A name starting with '-' is read
// by Catch2 as an option when CTest passes it, and that test fails without running.
TEST_CASE("no test case name holds a semicolon or starts with a dash", "[suite]") {
  const std::regex test_case(R"(TEST_CASE\(\s*"([^"]*)\")");
  int cases = 0;
  for (const std::string& file : ListFiles(SourceDir() + "/tests", ".cc")) {
    const std::string text = ReadFile(file);
    for (std::sregex_iterator it(text.begin(), text.end(), test_case), end; it != end; ++it) {
      ++cases;
      INFO(file << ": " << (*it)[1].str());
      CHECK((*it)[1].str().find(';') == std::string::npos);
      CHECK((*it)[1].str().rfind('-', 0) == std::string::npos);
    }
  }
  CHECK(cases > 100);
}

}  // namespace
}  // namespace pcl::testing
