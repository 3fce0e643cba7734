// Registry invariants: every rule has well-formed metadata, fixtures, and examples that behave.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "engine/engine_support.h"
#include "engine/rule_meta.h"
#include "model/embedded.h"
#include "rules/native_rules.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

// Rules whose findings cannot come from one input file, with the reason. Everything else needs
// fixtures/rules/<ID>/ with a firing and a non-firing case.
const std::map<std::string, std::string>& FixtureExemptions() {
  static const std::map<std::string, std::string> kExempt = {
      {"PCL0002", "needs a crashing rule; covered by engine_test 'a rule that throws'"},
      {"PCL0007", "about a path that cannot be read; covered by fixtures/cli/check-missing-file"},
      {"PCL0009", "emitted by `diff` for v2 input; covered by fixtures/diff"},
      // Removed again when the configparser-compatible INI front end lands (its fixtures are ready).
      {"PCL0004", "v2 INI front end not merged yet"},
      {"PCL0010", "v2 INI front end not merged yet"},
  };
  return kExempt;
}

bool IsDiffRule(const std::string& id) { return id.rfind("PCL8", 0) == 0; }

// Examples of v2 rules are INI; everything else is v3 YAML.
std::string ExamplePath(const std::string& id) { return id.rfind("PCL2", 0) == 0 ? "example.ini" : "example.yaml"; }

TEST_CASE("every embedded rule file is valid metadata", "[registry]") {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& file : model::EmbeddedFiles()) {
    if (file.path.rfind("rules/", 0) == 0) files.emplace_back(file.path, file.data);
  }
  std::vector<std::string> errors;
  auto catalog = engine::RuleCatalog::FromFiles(files, errors);
  for (const auto& e : errors) UNSCOPED_INFO(e);
  CHECK(errors.empty());
  CHECK(catalog.rules().size() == files.size());
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
    CHECK(meta->implementation == "native");
  }
  for (const auto& [id, meta] : engine::RuleCatalog::Embedded().rules()) {
    if (meta.implementation == "native") CHECK(table.count(id) == 1);
  }
}

TEST_CASE("every rule has a firing and a non-firing fixture", "[registry]") {
  const fs::path root = fs::path(SourceDir()) / "fixtures" / "rules";
  for (const auto& [id, meta] : engine::RuleCatalog::Embedded().rules()) {
    if (FixtureExemptions().count(id) || IsDiffRule(id)) continue;
    INFO(id << ": add fixtures/rules/" << id << "/bad-<case>.<ext> (+ .expected) and good-<case>.<ext>");
    int bad = 0, good = 0;
    if (fs::is_directory(root / id)) {
      for (const auto& entry : fs::directory_iterator(root / id)) {
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
  for (const auto& [id, meta] : engine::RuleCatalog::Embedded().rules()) {
    if (IsDiffRule(id) || (meta.bad_examples.empty() && meta.good_examples.empty())) continue;
    // Everything runs, as for a user: suppression rules need the rules they suppress.
    auto rules = OnlyRules({"ALL"});
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
