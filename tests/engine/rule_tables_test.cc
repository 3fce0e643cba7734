// The tables generated from rules/*.yaml (cmake/RuleTables.cmake) agree with the rule files, with
// src/rules/ and with a fresh run of the generator; and the generator fails naming the file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

#include "engine/rule_meta.h"
#include "generated/rule_kinds.h"
#include "rules/native_rules.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

// The catalogue read from the rule files in the source tree (not the copy the build packed).
engine::RuleCatalog SourceCatalog() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& path : ListFiles(SourceDir() + "/rules", ".yaml")) {
    files.emplace_back(fs::relative(path, SourceDir()).string(), ReadFile(path));
  }
  std::vector<std::string> errors;
  engine::RuleCatalog catalog = engine::RuleCatalog::FromFiles(files, errors);
  for (const auto& error : errors) FAIL(error);
  return catalog;
}

std::string SnakeCase(std::string name) {
  for (char& c : name) c = c == '-' ? '_' : c;
  return name;
}

// Runs the generator on `source` into `out`; returns its exit code and what it printed, with
// CMake's line wrapping undone (runs of white space become one space).
ShellResult Generate(const fs::path& source, const fs::path& out) {
  fs::create_directories(out);
  ShellResult run = RunShell("'" PCL_CMAKE "' -DPCL_SOURCE_DIR='" + source.string() + "' -DPCL_OUT_DIR='" +
                             out.string() + "' -P '" + SourceDir() + "/cmake/RuleTables.cmake'");
  std::string flat;
  for (char c : run.err) {
    const bool space = c == ' ' || c == '\n';
    if (!space || (!flat.empty() && flat.back() != ' ')) flat += space ? ' ' : c;
  }
  run.err = flat;
  return run;
}

TEST_CASE("the compiled-in rule ids agree with rules/*.yaml", "[registry][generated]") {
  engine::RuleCatalog catalog = SourceCatalog();
  INFO("a stale build/generated/rule_info.cc: re-run cmake (editing rules/*.yaml re-configures by itself)");
  REQUIRE(std::size(ids::AllRules()) == catalog.rules().size());
  for (const ids::RuleInfo& rule : ids::AllRules()) {
    const engine::RuleMeta* meta = catalog.FindById(std::string(rule.id));
    INFO(rule.id);
    REQUIRE(meta);
    CHECK(meta->name == rule.name);
    CHECK(meta->stage == rule.stage);
    CHECK(meta->implementation == rule.implementation);
    CHECK(meta->severity == rule.severity);
    CHECK(meta->fatal == rule.fatal);
    CHECK(ids::FindRule(rule.id) == &rule);
  }
  CHECK(ids::FindRule("PCL9999") == nullptr);
  CHECK(ids::FindRule("") == nullptr);
}

TEST_CASE("each native rule is src/rules/<id>_<name>.cc with its New<Id><Name> factory", "[registry][generated]") {
  engine::RuleCatalog catalog = SourceCatalog();
  std::set<std::string> expected;
  for (const auto& [id, meta] : catalog.rules()) {
    if (meta.implementation != ids::Implementation::kNative) continue;
    std::string lower = id;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string file = lower + "_" + SnakeCase(meta.name) + ".cc";
    expected.insert(file);
    INFO(id << " " << meta.name << ": src/rules/" << file);
    REQUIRE(fs::exists(SourceDir() + "/src/rules/" + file));
    // NewPcl3001SshOpenToWorld: "Pcl" + digits + the name in PascalCase.
    std::string factory = "NewPcl" + id.substr(3);
    bool upper = true;
    for (char c : meta.name) {
      if (c == '-') {
        upper = true;
        continue;
      }
      factory += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    }
    CHECK(ReadFile(SourceDir() + "/src/rules/" + file).find(factory + "()") != std::string::npos);
  }
  for (const auto& entry : fs::directory_iterator(SourceDir() + "/src/rules")) {
    const std::string file = entry.path().filename().string();
    if (file.rfind("pcl", 0) == 0 && entry.path().extension() == ".cc") {
      INFO(file << " has no rules/PCLnnnn.yaml with implementation: native and this name");
      CHECK(expected.count(file) == 1);
    }
  }
  CHECK(rules::NativeRules().size() == expected.size());
}

TEST_CASE("a fresh run of the rule table generator gives the compiled tables", "[registry][generated]") {
  const fs::path out = fs::temp_directory_path() / ("pcl-rule-tables-" + std::to_string(::getpid()));
  ShellResult run = Generate(SourceDir(), out);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  int compared = 0;
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    if (!entry.is_regular_file()) continue;
    const fs::path name = fs::relative(entry.path(), out);
    INFO(name.string() << " is stale: re-run cmake");
    CHECK(ReadFile(entry.path().string()) == ReadFile((fs::path(PCL_BUILD_DIR) / "generated" / name).string()));
    ++compared;
  }
  CHECK(compared == 8);  // ids/<5 stages>.h, rule_kinds.h, rule_info.cc, native_rule_table.cc
  fs::remove_all(out);
}

TEST_CASE("the rule table generator fails naming the file", "[registry][generated]") {
  const fs::path root = fs::temp_directory_path() / ("pcl-rule-tables-bad-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "rules");
  fs::create_directories(root / "src" / "rules");
  const std::string rule =
      "id: PCL3999\nname: new-check\nseverity: warning\nimplementation: native\nstage: lint\nsummary: x.\n";
  std::ofstream(root / "rules" / "PCL3999.yaml") << rule;
  ShellResult run = Generate(root, root / "out");
  CHECK(run.exit_code != 0);
  CHECK(run.err.find("rules/PCL3999.yaml: native rule PCL3999 (new-check) has no src/rules/pcl3999_new_check.cc") !=
        std::string::npos);

  std::ofstream(root / "src" / "rules" / "pcl3999_new_check.cc") << "\n";
  std::ofstream(root / "src" / "rules" / "pcl3998_orphan.cc") << "\n";
  run = Generate(root, root / "out");
  CHECK(run.exit_code != 0);
  CHECK(run.err.find("src/rules/pcl3998_orphan.cc: no rules/PCLnnnn.yaml") != std::string::npos);

  fs::remove(root / "src" / "rules" / "pcl3998_orphan.cc");
  std::ofstream(root / "rules" / "PCL3999.yaml") << rule << "stage: later\n";
  run = Generate(root, root / "out");
  CHECK(run.exit_code != 0);
  CHECK(run.err.find("rules/PCL3999.yaml: stage must be one of") != std::string::npos);

  std::ofstream(root / "rules" / "PCL3999.yaml") << rule;
  run = Generate(root, root / "out");
  CHECK(run.exit_code == 0);
  CHECK(ReadFile((root / "out" / "native_rule_table.cc").string()).find("{\"PCL3999\", NewPcl3999NewCheck}") !=
        std::string::npos);
  fs::remove_all(root);
}

}  // namespace
}  // namespace pcl::testing
