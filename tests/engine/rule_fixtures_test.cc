// Rule fixtures: fixtures/rules/<ID>/bad-*.<ext> must give exactly <case>.expected; good-* nothing.
// Only the rule under test runs (plus the always-on input rules and any extra selectors listed in
// an optional fixtures/rules/<ID>/select file). An optional fixtures/rules/<ID>/config.yaml (a
// .pcluster-lint.yaml) sets options, e.g. a fixed date. Cases in a subfolder target-<release>/ run with
// that target release (both sides of a release boundary); the others with the config's target, by
// default the newest release. UPDATE_EXPECTED=1 rewrites the .expected files; PCL_RULE=PCL3001 runs (and
// rewrites) only that rule's fixtures.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engine_support.h"
#include "pipeline/config.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

// The rule folder of a case (fixtures/rules/<ID>), and the target release its subfolder names, if any.
struct CaseFolder {
  fs::path rule_dir;
  std::string target;
};

CaseFolder FolderOf(const fs::path& file) {
  const fs::path parent = file.parent_path();
  const std::string name = parent.filename().string();
  if (name.rfind("target-", 0) == 0) return {parent.parent_path(), name.substr(7)};
  return {parent, ""};
}

TEST_CASE("rule fixtures give exactly the expected findings", "[fixtures][rules]") {
  const fs::path root = fs::path(SourceDir()) / "fixtures" / "rules";
  const bool update = std::getenv("UPDATE_EXPECTED") != nullptr;
  const char* only = std::getenv("PCL_RULE");
  std::vector<fs::path> cases;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && entry.path().extension() != ".expected" && name != "select" &&
        name != "config.yaml" && (name.rfind("bad-", 0) == 0 || name.rfind("good-", 0) == 0) &&
        (!only || FolderOf(entry.path()).rule_dir.filename() == only)) {
      cases.push_back(entry.path());
    }
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE_FALSE(cases.empty());
  for (const fs::path& file : cases) {
    const CaseFolder folder = FolderOf(file);
    const std::string id = folder.rule_dir.filename().string();
    std::vector<std::string> selectors = {id};
    if (fs::exists(folder.rule_dir / "select")) {
      std::stringstream extra(ReadFile((folder.rule_dir / "select").string()));
      for (std::string word; extra >> word;) selectors.push_back(word);
    }
    pipeline::LintConfig config;
    if (fs::exists(folder.rule_dir / "config.yaml")) {
      std::string error;
      auto loaded = pipeline::LoadConfig((folder.rule_dir / "config.yaml").string(), error);
      INFO(error);
      REQUIRE(loaded);
      config = *loaded;
    }
    if (!folder.target.empty()) config.target_version = folder.target;
    auto rules = OnlyRules(selectors, config);
    // Paths relative to the fixture folder keep the expected text independent of the checkout.
    std::string text = ReadFile(file.string());
    pipeline::FileResult result = CheckWith(*rules, file.filename().string(), text);
    std::string actual = Findings(result);
    INFO(file.string());
    if (file.filename().string().rfind("good-", 0) == 0) {
      CHECK(Findings(result, id).empty());
      continue;
    }
    fs::path expected = file;
    expected.replace_extension(".expected");
    if (update) {
      std::ofstream(expected, std::ios::binary) << actual;
      continue;
    }
    CHECK(Findings(result, id) != "");
    CHECK(actual == ReadFile(expected.string()));
  }
}

}  // namespace
}  // namespace pcl::testing
