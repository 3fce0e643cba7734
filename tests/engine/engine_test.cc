// Engine units: pointer patterns, data rules, crash isolation, selection, config, baseline, suppressions.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "engine/data_rule.h"
#include "engine/engine_support.h"
#include "engine/pointer_pattern.h"
#include "pipeline/baseline.h"
#include "pipeline/config.h"
#include "pipeline/selection.h"
#include "pipeline/suppression.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

const char kCluster[] =
    "Region: us-east-1\n"
    "Scheduling:\n"
    "  Scheduler: slurm\n"
    "  SlurmQueues:\n"
    "    - Name: q1\n"
    "      ComputeResources:\n"
    "        - Name: a\n"
    "          MinCount: 5\n"
    "          MaxCount: 2\n"
    "        - Name: b\n"
    "          MinCount: 0\n"
    "          MaxCount: 4\n";

engine::RuleMeta MinMaxRule() {
  engine::RuleMeta meta;
  meta.id = "PCL9001";
  meta.name = "min-above-max";
  meta.summary = "MinCount above MaxCount.";
  meta.implementation = ids::Implementation::kData;
  meta.options = {{"limit", 3}};
  meta.match = nlohmann::json::parse(R"({
    "at": "/Scheduling/SlurmQueues/*/ComputeResources/*",
    "document-when": {"properties": {"Scheduling": {"properties": {"Scheduler": {"const": "slurm"}}}}},
    "when": {"required": ["MinCount"]},
    "assert": {"properties": {"MinCount": {"maximum": "{{options.limit}}"}}},
    "message": "{field.Name}: MinCount {field.MinCount} is above {options.limit} in {parent.Name}",
    "report": "/MinCount"})");
  return meta;
}

TEST_CASE("pointer patterns match every node in document order", "[engine]") {
  auto parsed = ParseYaml(kCluster);
  auto matches = engine::MatchPattern(parsed.document.root, "/Scheduling/SlurmQueues/*/ComputeResources/*/Name");
  REQUIRE(matches.size() == 2);
  CHECK(matches[0].pointer == "/Scheduling/SlurmQueues/0/ComputeResources/0/Name");
  CHECK(matches[1].node->text == "b");
  CHECK(engine::MatchPattern(parsed.document.root, "").size() == 1);
  CHECK(engine::MatchPattern(parsed.document.root, "/Nope/*").empty());
  CHECK_FALSE(engine::IsValidPattern("Scheduling"));
}

TEST_CASE("a data rule substitutes options, fills the message and reports where asked", "[engine]") {
  engine::RuleMeta meta = MinMaxRule();
  std::string error;
  auto rule = engine::DataRule::Create(meta, meta.options, error);
  REQUIRE(rule);
  auto parsed = ParseYaml(kCluster);
  std::vector<model::Diagnostic> out;
  engine::RuleContext context(parsed.document, meta, meta.options, "3.12",
                              [&](model::Diagnostic d) { out.push_back(std::move(d)); });
  rule->Check(context);
  REQUIRE(out.size() == 1);
  CHECK(out[0].message == "a: MinCount 5 is above 3 in q1");
  CHECK(out[0].pointer == "/Scheduling/SlurmQueues/0/ComputeResources/0/MinCount");
  CHECK(out[0].range.begin == model::Position{8, 21});
}

TEST_CASE("a data rule with a bad match block is refused with a reason", "[engine]") {
  engine::RuleMeta meta = MinMaxRule();
  meta.match.erase("assert");
  std::string error;
  CHECK_FALSE(engine::DataRule::Create(meta, meta.options, error));
  CHECK(error.find("assert") != std::string::npos);
  meta = MinMaxRule();
  meta.match["colour"] = "red";
  CHECK_FALSE(engine::DataRule::Create(meta, meta.options, error));
  CHECK(error.find("colour") != std::string::npos);
}

TEST_CASE("selection: the more specific selector wins, fatal input rules stay on", "[engine]") {
  pipeline::LintConfig file;
  file.ignore = {"PCL0"};
  pipeline::LintConfig cli;
  cli.select = std::vector<std::string>{"PCL0003", "PCL00"};
  auto selection = pipeline::Selection::Resolve(file, cli);
  CHECK(selection.Enabled("PCL0003"));  // exact select beats prefix ignore
  CHECK(selection.Enabled("PCL0005"));  // "PCL00" is more specific than "PCL0"
  CHECK(selection.Enabled("PCL0001"));  // syntax errors can never be turned off
  pipeline::LintConfig ignore_dup;
  ignore_dup.ignore = {"duplicate-key"};
  auto by_name = pipeline::Selection::Resolve(ignore_dup, {});
  CHECK_FALSE(by_name.Enabled("PCL0003"));
  CHECK(by_name.Enabled("PCL0005"));
}

TEST_CASE("selection: today reaches the date rules, --today > a rule's option > the file's today", "[engine]") {
  const engine::RuleCatalog& catalog = engine::RuleCatalog::Embedded();
  const engine::RuleMeta* eol = catalog.FindById("PCL7001");
  const engine::RuleMeta* soon = catalog.FindById("PCL7002");
  const engine::RuleMeta* other = catalog.FindById("PCL7014");
  REQUIRE(eol);
  REQUIRE(soon);
  REQUIRE(other);
  pipeline::LintConfig file;
  file.today = "2025-01-01";
  auto from_file = pipeline::Selection::Resolve(file, {});
  CHECK(from_file.OptionsOf(*eol)["today"] == "2025-01-01");
  CHECK(from_file.OptionsOf(*soon)["today"] == "2025-01-01");
  CHECK_FALSE(from_file.OptionsOf(*other).contains("today"));  // only rules that have the option
  file.options["PCL7001"] = {{"today", "2020-01-01"}};
  auto rule_option = pipeline::Selection::Resolve(file, {});
  CHECK(rule_option.OptionsOf(*eol)["today"] == "2020-01-01");
  CHECK(rule_option.OptionsOf(*soon)["today"] == "2025-01-01");
  pipeline::LintConfig cli;
  cli.today = "2030-06-30";
  auto from_cli = pipeline::Selection::Resolve(file, cli);
  CHECK(from_cli.OptionsOf(*eol)["today"] == "2030-06-30");
  CHECK(from_cli.OptionsOf(*soon)["today"] == "2030-06-30");
  std::string error;
  fs::path bad = fs::temp_directory_path() / ("pcl-today-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(bad) << "today: 2026-02-30\n";
  CHECK_FALSE(pipeline::LoadConfig(bad.string(), error));
  CHECK(error.find(":1:8: 'today' must be a date written YYYY-MM-DD") != std::string::npos);
  std::ofstream(bad) << "today: 2026-02-28\n";
  auto good = pipeline::LoadConfig(bad.string(), error = "");
  REQUIRE(good);
  CHECK(good->today == "2026-02-28");
  fs::remove(bad);
}

TEST_CASE("severity overrides and per-path ignores apply to findings", "[engine]") {
  pipeline::LintConfig config;
  config.severity["PCL0005"] = "info";
  config.per_path_ignores.push_back({"legacy/*.yaml", {"PCL0003"}});
  auto rules = OnlyRules({"PCL0"}, config);
  auto multi = CheckWith(*rules, "a.yaml", "a: 1\n---\nb: 2\n");
  REQUIRE(multi.diagnostics.size() == 1);
  CHECK(multi.diagnostics[0].severity == model::Severity::kInfo);
  CHECK(Findings(CheckWith(*rules, "legacy/old.yaml", "a: 1\na: 2\n")).empty());
  CHECK_FALSE(Findings(CheckWith(*rules, "new/old.yaml", "a: 1\na: 2\n")).empty());
}

TEST_CASE("config file: discovery up to the repository root, validation with positions", "[engine]") {
  fs::path root = fs::temp_directory_path() / ("pcl-config-" + std::to_string(::getpid()));
  fs::create_directories(root / "repo" / ".git");
  fs::create_directories(root / "repo" / "a" / "b");
  std::ofstream(root / "repo" / ".pcluster-lint.yaml")
      << "target-version: \"3.9\"\nignore: [PCL0005]\nseverity:\n  duplicate-key: warning\nfail-on: warning\n";
  auto found = pipeline::DiscoverConfig((root / "repo" / "a" / "b").string());
  REQUIRE(found);
  CHECK(fs::path(*found) == root / "repo" / ".pcluster-lint.yaml");
  // Above the repository root nothing is searched.
  std::ofstream(root / ".pcluster-lint.yaml") << "ignore: [PCL0003]\n";
  fs::remove(root / "repo" / ".pcluster-lint.yaml");
  CHECK_FALSE(pipeline::DiscoverConfig((root / "repo" / "a").string()));
  std::string error;
  std::ofstream(root / "bad.yaml") << "ignore: [PCL0005]\nselct: [PCL0003]\n";
  CHECK_FALSE(pipeline::LoadConfig((root / "bad.yaml").string(), error));
  CHECK(error.find("bad.yaml:2:1: unknown key 'selct'") != std::string::npos);
  std::ofstream(root / "bad2.yaml") << "options:\n  PCL0003:\n    nope: 1\n";
  CHECK_FALSE(pipeline::LoadConfig((root / "bad2.yaml").string(), error = ""));
  CHECK(error.find("has no option 'nope'") != std::string::npos);
  std::ofstream(root / "good.yaml") << "target-version: \"3.9\"\nselect: [ALL]\nfail-on: info\n";
  auto good = pipeline::LoadConfig((root / "good.yaml").string(), error = "");
  REQUIRE(good);
  CHECK(good->target_version == "3.9");
  pipeline::LintConfig cli;
  cli.target_version = "3.11";
  CHECK(pipeline::Selection::Resolve(*good, cli).target_version() == "3.11");  // command line wins
  CHECK(pipeline::Selection::Resolve(*good, {}).fail_on() == "info");
  fs::remove_all(root);
}

TEST_CASE("a baselined finding moved by an unrelated edit stays baselined", "[engine]") {
  auto rules = OnlyRules({"PCL0"});  // the input rules: these snippets are not whole configs
  auto before = CheckWith(*rules, "c.yaml", "DevSettings:\n  KeyName: a\n  KeyName: b\n");
  REQUIRE(before.diagnostics.size() == 1);
  pipeline::Baseline baseline = pipeline::Baseline::FromFindings(before.diagnostics);
  std::string error;
  fs::path file = fs::temp_directory_path() / ("pcl-baseline-" + std::to_string(::getpid()) + ".json");
  std::ofstream(file) << baseline.ToJson();
  auto loaded = pipeline::Baseline::Load(file.string(), "", error);
  fs::remove(file);
  REQUIRE(loaded);
  auto after = CheckWith(*rules, "c.yaml", "# a new comment\nRegion: x\nDevSettings:\n  KeyName: a\n  KeyName: b\n");
  REQUIRE(after.diagnostics.size() == 1);
  CHECK(after.diagnostics[0].range.begin.line == 5);
  loaded->Filter(after.diagnostics);
  CHECK(after.diagnostics.empty());
  auto fresh = CheckWith(*rules, "c.yaml", "DevSettings:\n  KeyName: a\n  KeyName: b\n  Other: 1\n  Other: 2\n");
  loaded->Filter(fresh.diagnostics);
  CHECK(Findings(fresh) == "5:3 PCL0003 duplicate key 'Other' (first defined at line 4, column 3)\n");
}

TEST_CASE("YAML suppressions: line, subtree, file-wide, unused, reasonless, invalid", "[engine][suppression]") {
  auto rules = OnlyRules({"PCL0"});  // the input rules: these snippets are not whole configs
  auto own_line = CheckWith(*rules, "s.yaml",
                            "HeadNode:\n  # pcluster-lint: disable=PCL0003 -- legacy key kept\n  Ssh:\n"
                            "    KeyName: a\n    KeyName: b\n");
  CHECK(Findings(own_line).empty());
  REQUIRE(own_line.diagnostics.size() == 1);
  CHECK(own_line.diagnostics[0].suppressed);
  CHECK(own_line.diagnostics[0].suppression_reason == "legacy key kept");

  auto trailing = CheckWith(*rules, "s.yaml", "a: 1\na: 2 # pcluster-lint: disable=duplicate-key -- test\n");
  CHECK(Findings(trailing).empty());

  auto file_wide = CheckWith(*rules, "s.yaml", "# pcluster-lint: disable-file=PCL0003 -- generated\na: 1\na: 2\n");
  CHECK(Findings(file_wide).empty());

  auto unused = CheckWith(*rules, "s.yaml", "a: 1 # pcluster-lint: disable=PCL0003 -- nothing\n");
  CHECK(Findings(unused) == "1:6 PCL0014 unused suppression: nothing here triggers PCL0003\n");

  auto reasonless = CheckWith(*rules, "s.yaml", "a: 1\na: 2 # pcluster-lint: disable=PCL0003\n");
  CHECK(Findings(reasonless) == "2:6 PCL0013 suppression without a reason; add '-- why this is fine'\n");

  auto invalid = CheckWith(*rules, "s.yaml", "a: 1 # pcluster-lint: disable PCL0003\n");
  CHECK(Findings(invalid, "PCL0015") ==
        "1:6 PCL0015 malformed directive; write '# pcluster-lint: disable=PCL1234 -- reason'\n");

  // A directive for a rule that is turned off is not reported as unused.
  auto off = OnlyRules({"PCL0005"});
  CHECK(Findings(CheckWith(*off, "s.yaml", "a: 1 # pcluster-lint: disable=PCL0003 -- x\n")).empty());
}

TEST_CASE("turning inline suppressions off ignores every directive", "[engine][suppression]") {
  auto rules = OnlyRules({"PCL0"});  // the input rules: these snippets are not whole configs
  pipeline::CheckOptions options;
  options.rules = rules.get();
  options.inline_suppressions = false;
  auto result = pipeline::CheckText("s.yaml", "a: 1\na: 2 # pcluster-lint: disable=PCL0003 -- x\n", options);
  CHECK(Findings(result) == "2:1 PCL0003 duplicate key 'a' (first defined at line 1, column 1)\n");
}

TEST_CASE("the schema check and the rules give the same findings on one thread or two", "[engine]") {
  auto rules = OnlyRules({"ALL"});
  const std::string text = std::string(kCluster) + "Unknown: 1\n";
  pipeline::CheckOptions serial;
  serial.rules = rules.get();
  pipeline::CheckOptions parallel = serial;
  parallel.parallel_stages = true;
  const std::string expected = Findings(pipeline::CheckText("c.yaml", text, serial));
  CHECK(expected.find("PCL1001") != std::string::npos);  // a schema finding
  CHECK(expected.find("PCL6004") != std::string::npos);  // and a rule finding (MinCount > MaxCount)
  CHECK(Findings(pipeline::CheckText("c.yaml", text, parallel)) == expected);
}

}  // namespace
}  // namespace pcl::testing
