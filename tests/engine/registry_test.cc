// Registry invariants: every rule has well-formed metadata, fixtures, and examples that behave.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "data/embedded.h"
#include "engine/engine_support.h"
#include "engine/rule_meta.h"
#include "migrate/migrate.h"
#include "rules/native_rules.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

// Rules whose findings cannot come from one input file, with the reason. Everything else needs
// fixtures/rules/<ID>/ (or its target-<release>/ subfolders) with a firing and a non-firing case.
const std::map<std::string, std::string>& FixtureExemptions() {
  static const std::map<std::string, std::string> kExempt = {
      {"PCL0002", "needs a crashing rule; covered by engine_test 'a rule that throws'"},
      {"PCL0007", "about a path that cannot be read; covered by fixtures/cli/check-missing-file"},
      {"PCL0009", "emitted by `diff` for v2 input; covered by fixtures/diff"},
      {"PCL1000", "fallback for schema keywords no specific rule explains; no known input reaches it"},
      {"PCL2012", "migrate-only (an ARN needs --account-id); covered by fixtures/migrate"},
      {"PCL2013", "migrate-only (an ARN needs a partition); covered by fixtures/migrate"},
  };
  return kExempt;
}

bool IsDiffRule(const std::string& id) {
  return ids::FindRule(id)->stage == ids::Stage::kUpdate;
}

// v2 rules about what `migrate` needs beyond the file (an account id, a partition): `check`
// writes no ARNs, so only `migrate` reports them. Their examples run through the migrator.
bool IsMigrateOnlyRule(const std::string& id) {
  return id == "PCL2012" || id == "PCL2013";
}

std::string MigrateFindings(const std::string& example, const std::string& id) {
  parsers::ParseResult parsed = ParseIni(example);
  migrate::MigrationResult result = migrate::Migrate(parsed.document, parsed.diagnostics, {});
  std::string out;
  for (const auto& d : result.findings) {
    if (d.rule_id == id) out += d.message + "\n";
  }
  return out;
}

// Examples of v2 rules (and of the INI-only input rules) are INI; everything else is v3 YAML.
std::string ExamplePath(const std::string& id) {
  const bool ini = ids::FindRule(id)->stage == ids::Stage::kMigration || id == "PCL0004" || id == "PCL0010";
  return ini ? "example.ini" : "example.yaml";
}

TEST_CASE("every rule file is valid metadata, and the binary embeds them all", "[registry]") {
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& path : ListFiles(SourceDir() + "/rules", ".yaml")) {
    files.emplace_back("rules/" + fs::path(path).filename().string(), ReadFile(path));
  }
  std::vector<std::string> errors;
  auto catalog = engine::RuleCatalog::FromFiles(files, errors);
  for (const auto& e : errors) UNSCOPED_INFO(e);
  CHECK(errors.empty());
  CHECK(catalog.rules().size() == files.size());
  // The embedded pack is the same rules, read the same way.
  const auto& embedded = engine::RuleCatalog::EmbeddedWithDocs().rules();
  REQUIRE(embedded.size() == catalog.rules().size());
  for (const auto& [id, meta] : catalog.rules()) {
    INFO(id);
    REQUIRE(embedded.count(id) == 1);
    const engine::RuleMeta& packed = embedded.at(id);
    CHECK(packed.name == meta.name);
    CHECK(packed.severity == meta.severity);
    CHECK(packed.summary == meta.summary);
    CHECK(packed.options == meta.options);
    CHECK(packed.match == meta.match);
    CHECK(packed.bad_examples == meta.bad_examples);
    CHECK(packed.good_examples == meta.good_examples);
    CHECK(packed.rationale == meta.rationale);
    CHECK(packed.references == meta.references);
    // The catalogue a check loads is the same rule without its documentation.
    const engine::RuleMeta* slim = engine::RuleCatalog::Embedded().FindById(id);
    REQUIRE(slim);
    CHECK(slim->name == meta.name);
    CHECK(slim->severity == meta.severity);
    CHECK(slim->options == meta.options);
    CHECK(slim->match == meta.match);
    CHECK(slim->rationale.empty());
  }
  for (const auto& [id, meta] : catalog.rules()) {
    INFO(id);
    CHECK(meta.source_path == "rules/" + id + ".yaml");
    CHECK_FALSE(meta.rationale.empty());
    CHECK_FALSE(meta.remediation.empty());
    CHECK_FALSE(meta.references.empty());
    for (const auto& ref : meta.references) CHECK(ref.rfind("https://", 0) == 0);
  }
}

TEST_CASE("native rules and native metadata match one to one", "[registry]") {
  std::set<std::string> table;
  std::string previous;
  for (const auto& entry : rules::NativeRules()) {
    CHECK(previous < entry.id);  // the table is sorted and has no duplicates
    previous = entry.id;
    table.insert(entry.id);
    const engine::RuleMeta* meta = engine::RuleCatalog::Embedded().FindById(entry.id);
    INFO(entry.id);
    REQUIRE(meta);
    CHECK(meta->implementation == ids::Implementation::kNative);
  }
  for (const auto& [id, meta] : engine::RuleCatalog::Embedded().rules()) {
    if (meta.implementation == ids::Implementation::kNative) CHECK(table.count(id) == 1);
  }
}

TEST_CASE("every rule has a firing and a non-firing fixture", "[registry]") {
  const fs::path root = fs::path(SourceDir()) / "fixtures" / "rules";
  for (const auto& [id, meta] : engine::RuleCatalog::Embedded().rules()) {
    if (FixtureExemptions().count(id) || IsDiffRule(id)) continue;
    INFO(id << ": add fixtures/rules/" << id << "/bad-<case>.<ext> (+ .expected) and good-<case>.<ext>");
    int bad = 0, good = 0;
    if (fs::is_directory(root / id)) {
      for (const auto& entry : fs::recursive_directory_iterator(root / id)) {
        std::string name = entry.path().filename().string();
        if (entry.path().extension() == ".expected" || name == "select") continue;
        if (name.rfind("bad-", 0) == 0) {
          ++bad;
          fs::path expected = entry.path();
          expected.replace_extension(".expected");
          CHECK(fs::exists(expected));
        }
        if (name.rfind("good-", 0) == 0) ++good;
      }
    }
    CHECK(bad > 0);
    CHECK(good > 0);
  }
}

TEST_CASE("rule examples behave as labelled", "[registry]") {
  for (const auto& [id, meta] : engine::RuleCatalog::EmbeddedWithDocs().rules()) {
    if (IsDiffRule(id) || (meta.bad_examples.empty() && meta.good_examples.empty())) continue;
    // Everything runs, as for a user: suppression rules need the rules they suppress. A rule that
    // applies to some releases only (applies_to since/until) shows its examples at its first release
    // when the default target is outside its range.
    pipeline::LintConfig config;
    const core::Release target = *core::Release::Parse(pipeline::Selection().target_version());
    if ((meta.since && target < *meta.since) || (meta.until && target >= *meta.until)) {
      config.target_version = meta.since ? meta.since->ToString() : "3.0";
    }
    auto rules = OnlyRules({"ALL"}, config);
    if (IsMigrateOnlyRule(id)) {
      for (const auto& example : meta.bad_examples) CHECK_FALSE(MigrateFindings(example, id).empty());
      for (const auto& example : meta.good_examples) CHECK(MigrateFindings(example, id).empty());
      continue;
    }
    for (const auto& example : meta.bad_examples) {
      INFO(id << " bad example:\n" << example);
      CHECK_FALSE(Findings(CheckWith(*rules, ExamplePath(id), example), id).empty());
    }
    for (const auto& example : meta.good_examples) {
      INFO(id << " good example:\n" << example);
      CHECK(Findings(CheckWith(*rules, ExamplePath(id), example), id).empty());
    }
  }
}

}  // namespace
}  // namespace pcl::testing
