// Baselines through the real binary: bounded and strictly typed reading, saturating counts,
// rule ids checked against the catalogue, and keys that do not depend on how a path was typed.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/cli_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

std::string BrokenV3() {
  return MinimalV3() + "Nope: 1\n";
}

// The one entry `check s.yaml --write-baseline` records for BrokenV3().
nlohmann::json RecordedEntry(const Scratch& s) {
  Outcome written = Run(s.dir(), "check s.yaml --write-baseline recorded.json");
  INFO_OUTCOME(written);
  REQUIRE(written.exit_code == 0);
  nlohmann::json doc = nlohmann::json::parse(ReadFile((s / "recorded.json").string()));
  REQUIRE(doc["findings"].size() == 1);
  return doc["findings"][0];
}

std::string BaselineWith(const nlohmann::json& entries) {
  return nlohmann::json{{"format", "pcluster-lint-baseline"}, {"format_version", 1}, {"findings", entries}}.dump();
}

TEST_CASE("baseline: says how many findings it recorded, in words that agree", "[cli][baseline]") {
  Scratch s("baseline-count");
  Write(s / "s.yaml", BrokenV3());
  Write(s / "clean.yaml", MinimalV3());
  Outcome one = Run(s.dir(), "check s.yaml --write-baseline one.json");
  INFO_OUTCOME(one);
  CHECK(Contains(one.err, "baseline of 1 finding written to one.json"));
  Outcome none = Run(s.dir(), "check clean.yaml --write-baseline none.json");
  CHECK(Contains(none.err, "baseline of 0 findings written to none.json"));
}

TEST_CASE("baseline: reading is bounded and strictly typed (exit 2 naming the entry)", "[cli][baseline]") {
  Scratch s("baseline-strict");
  Write(s / "s.yaml", BrokenV3());
  const nlohmann::json entry = RecordedEntry(s);

  // A device is refused at once; a huge file stops at the size limit.
  Outcome zero = Run(s.dir(), "check s.yaml --baseline /dev/zero");
  INFO_OUTCOME(zero);
  CHECK(zero.exit_code == 2);
  CHECK(Contains(zero.err, "/dev/zero: cannot read baseline: not a regular file"));
  Write(s / "huge.json", "");
  fs::resize_file(s / "huge.json", (64u << 20) + 1);  // sparse: no disk space used
  Outcome huge = Run(s.dir(), "check s.yaml --baseline huge.json");
  INFO_OUTCOME(huge);
  CHECK(huge.exit_code == 2);
  CHECK(Contains(huge.err, "huge.json: baseline is larger than the 64 MiB limit"));
  // A pipe is read (`--baseline <(git show ...)`), but only up to the limit.
  REQUIRE(::mkfifo((s / "pipe.json").c_str(), 0600) == 0);
  Outcome piped = Run(s.dir(), "check s.yaml --baseline pipe.json", "",
                      "{ head -c 70000000 /dev/zero > pipe.json 2>/dev/null & } &&");
  INFO_OUTCOME(piped);
  CHECK(piped.exit_code == 2);
  CHECK(Contains(piped.err, "pipe.json: baseline is larger than the 64 MiB limit"));

  struct Case {
    nlohmann::json second;  ///< the entry after a good one (index 1)
    std::string problem;
  };
  auto with = [&](const char* field, nlohmann::json value) {
    nlohmann::json changed = entry;
    changed[field] = std::move(value);
    return changed;
  };
  nlohmann::json no_rule = entry;
  no_rule.erase("rule");
  const Case cases[] = {
      {with("count", "x"), "\"count\" is not a positive integer"},
      {with("count", nullptr), "\"count\" is not a positive integer"},
      {with("count", nlohmann::json::array({1})), "\"count\" is not a positive integer"},
      {with("count", 0), "\"count\" is not a positive integer"},
      {with("count", -3), "\"count\" is not a positive integer"},
      {with("count", 1.5), "\"count\" is not a positive integer"},
      {with("count", 1e30), "\"count\" is not a positive integer"},
      {with("file", 7), "\"file\" is not a string"},
      {with("pointer", nullptr), "\"pointer\" is not a string"},
      {no_rule, "has no \"rule\""},
      {"just text", "is not an object"},
      {with("rule", "PCL9999"), "names no known rule 'PCL9999'"},
      {with("rule", "PCL003"), "names no known rule 'PCL003'; did you mean 'PCL0003'?"},
  };
  for (const Case& c : cases) {
    Write(s / "bad.json", BaselineWith({entry, c.second}));
    Outcome outcome = Run(s.dir(), "check s.yaml --baseline bad.json");
    INFO(c.second.dump());
    INFO_OUTCOME(outcome);
    CHECK(outcome.exit_code == 2);
    CHECK(Contains(outcome.err, "bad.json: baseline entry 1 (findings[1]) " + c.problem));
  }
}

TEST_CASE("baseline: counts saturate instead of overflowing", "[cli][baseline]") {
  Scratch s("baseline-saturate");
  Write(s / "s.yaml", BrokenV3());
  nlohmann::json entry = RecordedEntry(s);
  entry["count"] = 2147483647;
  Write(s / "int.json", BaselineWith({entry, entry}));
  entry["count"] = 18446744073709551615ULL;
  Write(s / "max.json", BaselineWith({entry, entry, entry}));
  for (const char* file : {"int.json", "max.json"}) {
    Outcome outcome = Run(s.dir(), std::string("check s.yaml --baseline ") + file);
    INFO(file);
    INFO_OUTCOME(outcome);
    CHECK(outcome.exit_code == 0);
    CHECK(Contains(outcome.out, "1 file checked: no findings"));
  }
}

TEST_CASE("baseline: keys are relative to the repository root, however the path is typed", "[cli][baseline]") {
  Scratch s("baseline-paths");
  REQUIRE(RunShell("git init -q '" + (s / "repo").string() + "'").exit_code == 0);
  Write(s / "repo/clusters/prod.yaml", BrokenV3());
  Outcome written = Run(s / "repo", "check clusters/prod.yaml --write-baseline .pcluster-lint-baseline.json");
  INFO_OUTCOME(written);
  REQUIRE(written.exit_code == 0);
  CHECK(Contains(ReadFile((s / "repo/.pcluster-lint-baseline.json").string()), "\"file\": \"clusters/prod.yaml\""));

  const std::string absolute = (s / "repo/clusters/prod.yaml").string();
  struct Case {
    fs::path dir;
    std::string args;
  };
  const Case cases[] = {
      {s / "repo", "check clusters/prod.yaml --baseline .pcluster-lint-baseline.json"},
      {s / "repo", "check ./clusters/../clusters/prod.yaml --baseline .pcluster-lint-baseline.json"},
      {s / "repo", "check '" + absolute + "' --baseline .pcluster-lint-baseline.json"},
      {s / "repo", "check . --baseline .pcluster-lint-baseline.json"},
      {s / "repo/clusters", "check prod.yaml --baseline ../.pcluster-lint-baseline.json"},
      {s / "repo/clusters", "check . --baseline ../.pcluster-lint-baseline.json"},
      {s / "repo/clusters", "check '" + absolute + "' --baseline ../.pcluster-lint-baseline.json"},
  };
  for (const Case& c : cases) {
    Outcome outcome = Run(c.dir, c.args);
    INFO(c.dir.string() << ": " << c.args);
    INFO_OUTCOME(outcome);
    CHECK(outcome.exit_code == 0);
    CHECK(Contains(outcome.out, "1 file checked: no findings"));
  }
  // A new finding in the same file is still reported.
  Write(s / "repo/clusters/prod.yaml", BrokenV3() + "Other: 2\n");
  Outcome fresh = Run(s / "repo/clusters", "check prod.yaml --baseline ../.pcluster-lint-baseline.json");
  INFO_OUTCOME(fresh);
  CHECK(fresh.exit_code == 1);
  CHECK(Contains(fresh.out, "Other"));
  CHECK_FALSE(Contains(fresh.out, "Nope"));

  // SARIF addresses the file the same way from the root and from the subdirectory.
  Outcome from_root = Run(s / "repo", "check --format sarif clusters/prod.yaml");
  Outcome from_sub = Run(s / "repo/clusters", "check --format sarif prod.yaml");
  for (const Outcome* sarif : {&from_root, &from_sub}) {
    INFO_OUTCOME(*sarif);
    CHECK(Contains(sarif->out, "\"uri\": \"clusters/prod.yaml\""));
    CHECK(Contains(sarif->out, "\"uriBaseId\": \"%SRCROOT%\""));
  }

  // Outside git, the directory of the config file is the root.
  Write(s / "plain/.pcluster-lint.yaml", "fail-on: error\n");
  Write(s / "plain/clusters/prod.yaml", BrokenV3());
  Outcome plain = Run(s / "plain", "check clusters/prod.yaml --write-baseline b.json");
  INFO_OUTCOME(plain);
  REQUIRE(plain.exit_code == 0);
  Outcome plain_sub = Run(s / "plain/clusters", "check prod.yaml --baseline ../b.json");
  INFO_OUTCOME(plain_sub);
  CHECK(plain_sub.exit_code == 0);
  Outcome plain_sarif = Run(s / "plain/clusters", "check --format sarif prod.yaml");
  CHECK(Contains(plain_sarif.out, "\"uri\": \"clusters/prod.yaml\""));
}

}  // namespace
}  // namespace pcl::testing
