// Every rule reference is checked against the catalogue: a selector that matches no rule would
// silently turn a gate off (`select: [PCL9999]` checks nothing), so it is an error with a
// did-you-mean, in the config file (with its line) and in suppression comments (PCL0015).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "engine/engine_support.h"
#include "pipeline/config.h"
#include "pipeline/selection.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

TEST_CASE("selectors that match no rule are unknown, with a did-you-mean", "[engine][selection]") {
  for (const char* known : {"ALL", "PCL3", "PCL30", "PCL300", "PCL3001", "ssh-open-to-world"}) {
    INFO(known);
    CHECK(pipeline::UnknownSelector(known).empty());
  }
  CHECK(pipeline::UnknownSelector("PCL") == "unknown rule 'PCL'; did you mean ALL?");
  CHECK(pipeline::UnknownSelector("PCL6013") ==
        "unknown rule 'PCL6013'; did you mean PCL6012 (head-node-undersized) or PCL6014 (awsbatch-os-unsupported)?");
  CHECK(pipeline::UnknownSelector("PCL9999", "'select'") ==
        "unknown rule 'PCL9999' in 'select' (no rule id starts with PCL9999)");
  CHECK(pipeline::UnknownSelector("PCL9") == "unknown rule 'PCL9' (no rule id starts with PCL9)");
  CHECK(pipeline::UnknownSelector("pcl3001") == "unknown rule 'pcl3001'; did you mean PCL3001 (ssh-open-to-world)?");
  CHECK(pipeline::UnknownSelector("ssh-opn-to-world") ==
        "unknown rule 'ssh-opn-to-world'; did you mean PCL3001 (ssh-open-to-world)?");
  CHECK(pipeline::UnknownSelector("no-such-thing-at-all") == "unknown rule 'no-such-thing-at-all'");
}

std::string LoadError(const std::string& text) {
  fs::path file = fs::temp_directory_path() / ("pcl-ruleref-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(file) << text;
  std::string error;
  auto loaded = pipeline::LoadConfig(file.string(), error);
  fs::remove(file);
  CHECK_FALSE(loaded);
  return error.substr(error.find(".yaml:") + 6);  // line:col: message
}

TEST_CASE("config file: unknown rules in select, ignore, severity, options, per-path-ignores", "[engine][config]") {
  CHECK(LoadError("select: [PCL9999]\n") == "1:10: unknown rule 'PCL9999' in 'select' (no rule id starts with PCL9999)");
  CHECK(LoadError("target-version: \"3.9\"\nignore:\n  - PCL0003\n  - PCL6013\n") ==
        "4:5: unknown rule 'PCL6013' in 'ignore'; did you mean PCL6012 (head-node-undersized) or PCL6014 "
        "(awsbatch-os-unsupported)?");
  CHECK(LoadError("severity:\n  duplicate-keys: warning\n") ==
        "2:3: unknown rule 'duplicate-keys' in 'severity'; did you mean PCL0003 (duplicate-key)?");
  CHECK(LoadError("options:\n  PCL7014x: {}\n") == "2:3: unknown rule 'PCL7014x' in 'options' (options take one rule's id or name)");
  CHECK(LoadError("per-path-ignores:\n  \"legacy/*.yaml\": [PCL77]\n") ==
        "2:21: unknown rule 'PCL77' in 'legacy/*.yaml' (no rule id starts with PCL77)");
}

TEST_CASE("suppression naming no rule: PCL0015 with a did-you-mean, not 'unused'", "[engine][suppression]") {
  auto rules = OnlyRules({"PCL0"});
  auto result = CheckWith(*rules, "s.yaml", "a: 1\na: 2 # pcluster-lint: disable=PCL9999,PCL0003 -- x\n"
                                            "b: 1 # pcluster-lint: disable=duplicate-keys -- x\n");
  CHECK(Findings(result) ==
        "2:1 PCL0003 duplicate key 'a' (first defined at line 1, column 1)\n"
        "2:6 PCL0015 unknown rule 'PCL9999' in suppression (no rule id starts with PCL9999)\n"
        "3:6 PCL0015 unknown rule 'duplicate-keys' in suppression; did you mean PCL0003 (duplicate-key)?\n");
}

}  // namespace
}  // namespace pcl::testing
