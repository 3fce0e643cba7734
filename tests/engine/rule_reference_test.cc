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
  CHECK(LoadError("select: [PCL9999]\n") ==
        "1:10: unknown rule 'PCL9999' in 'select' (no rule id starts with PCL9999)");
  CHECK(LoadError("target-version: \"3.9\"\nignore:\n  - PCL0003\n  - PCL6013\n") ==
        "4:5: unknown rule 'PCL6013' in 'ignore'; did you mean PCL6012 (head-node-undersized) or PCL6014 "
        "(awsbatch-os-unsupported)?");
  CHECK(LoadError("severity:\n  duplicate-keys: warning\n") ==
        "2:3: unknown rule 'duplicate-keys' in 'severity'; did you mean PCL0003 (duplicate-key)?");
  CHECK(LoadError("options:\n  PCL7014x: {}\n") ==
        "2:3: unknown rule 'PCL7014x' in 'options' (options take one rule's id or name)");
  CHECK(LoadError("per-path-ignores:\n  \"legacy/*.yaml\": [PCL77]\n") ==
        "2:21: unknown rule 'PCL77' in 'legacy/*.yaml' (no rule id starts with PCL77)");
}

// Option values are checked against the types the rules declare (rules/*.yaml), with the line.
TEST_CASE("config file: option values of the wrong type or out of range", "[engine][config][options]") {
  CHECK(
      LoadError("options:\n  PCL3001:\n    min_prefix_length: \"eight\"\n") ==
      "3:24: option 'min_prefix_length' of PCL3001 (ssh-open-to-world) must be an integer from 0 to 32, not \"eight\"");
  CHECK(LoadError("options:\n  ssh-open-to-world:\n    min_prefix_length: 33\n") ==
        "3:24: option 'min_prefix_length' of PCL3001 (ssh-open-to-world) must be an integer from 0 to 32, not 33");
  CHECK(LoadError("options:\n  PCL3001: {report_default: yes please}\n") ==
        "2:29: option 'report_default' of PCL3001 (ssh-open-to-world) must be true or false, not \"yes please\"");
  CHECK(LoadError("options:\n  PCL7014:\n    required_keys: team\n") ==
        "3:20: option 'required_keys' of PCL7014 (missing-required-tags) must be a list of strings, not \"team\"");
  CHECK(LoadError("options:\n  PCL7001:\n    today: \"2026-13-01\"\n") ==
        "3:12: option 'today' of PCL7001 (os-end-of-life) must be a date written YYYY-MM-DD, not \"2026-13-01\"");
  CHECK(LoadError("options:\n  PCL7002:\n    eol_dates: {alinux2: soon}\n") ==
        "3:16: option 'eol_dates' of PCL7002 (os-end-of-life-soon) must be a mapping of names to dates written "
        "YYYY-MM-DD, not a mapping");
  CHECK(LoadError("options:\n  PCL6012:\n    max_compute_nodes: -1\n") ==
        "3:24: option 'max_compute_nodes' of PCL6012 (head-node-undersized) must be an integer of at least 0, not -1");
  CHECK(LoadError("options:\n  PCL3001:\n    min_prefix: 8\n") ==
        "3:5: rule PCL3001 has no option 'min_prefix' (its options: min_prefix_length, report_default)");
  CHECK(LoadError("options:\n  PCL0003:\n    nope: 1\n") == "3:5: rule PCL0003 has no option 'nope' (it has none)");
}

TEST_CASE("suppression naming no rule: PCL0015 with a did-you-mean, not 'unused'", "[engine][suppression]") {
  auto rules = OnlyRules({"PCL0"});
  auto result = CheckWith(*rules, "s.yaml",
                          "a: 1\na: 2 # pcluster-lint: disable=PCL9999,PCL0003 -- x\n"
                          "b: 1 # pcluster-lint: disable=duplicate-keys -- x\n");
  CHECK(Findings(result) ==
        "2:1 PCL0003 duplicate key 'a' (first defined at line 1, column 1)\n"
        "2:6 PCL0015 unknown rule 'PCL9999' in suppression (no rule id starts with PCL9999)\n"
        "3:6 PCL0015 unknown rule 'duplicate-keys' in suppression; did you mean PCL0003 (duplicate-key)?\n");
}

}  // namespace
}  // namespace pcl::testing
