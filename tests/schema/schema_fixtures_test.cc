// Golden schema findings: fixtures/schema/<case>.yaml against <case>.expected ("line:col ID message"
// per line). A first line "# target-version: 3.N" checks the case against that release.
// UPDATE_EXPECTED=1 rewrites the .expected files.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "generated/rule_kinds.h"
#include "pipeline/runner.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

std::string TargetOf(const std::string& text) {
  const std::string marker = "# target-version: ";
  if (text.rfind(marker, 0) != 0) return "3.12";
  size_t end = text.find('\n');
  return text.substr(marker.size(), end == std::string::npos ? std::string::npos : end - marker.size());
}

TEST_CASE("schema fixtures give exactly the expected findings", "[schema][fixtures]") {
  const fs::path root = fs::path(SourceDir()) / "fixtures" / "schema";
  std::vector<std::string> cases = ListFiles(root.string(), ".yaml");
  REQUIRE(cases.size() >= 14);
  const bool update = std::getenv("UPDATE_EXPECTED") != nullptr;
  for (const std::string& file : cases) {
    SECTION(fs::path(file).filename().string()) {
      std::string text = ReadFile(file);
      pipeline::CheckOptions options;
      options.target_version = TargetOf(text);
      auto result = pipeline::CheckText(fs::path(file).filename().string(), text, options);
      std::string actual = FormatFindings(result.diagnostics);
      for (const auto& d : result.diagnostics) CHECK_FALSE(d.rule_id.empty());
      fs::path expected_file = fs::path(file).replace_extension(".expected");
      if (update) {
        std::ofstream(expected_file, std::ios::binary) << actual;
        continue;
      }
      INFO("fixture " << file << " (UPDATE_EXPECTED=1 rewrites the .expected file)");
      REQUIRE(fs::exists(expected_file));
      CHECK(actual == ReadFile(expected_file.string()));
    }
  }
}

TEST_CASE("every schema finding carries a pointer to an existing node or a missing key", "[schema]") {
  const fs::path root = fs::path(SourceDir()) / "fixtures" / "schema";
  for (const std::string& file : ListFiles(root.string(), ".yaml")) {
    std::string text = ReadFile(file);
    pipeline::CheckOptions options;
    options.target_version = TargetOf(text);
    auto result = pipeline::CheckText("x.yaml", text, options);
    for (const auto& d : result.diagnostics) {
      if (const ids::RuleInfo* rule = ids::FindRule(d.rule_id); !rule || rule->stage != ids::Stage::kSchema) continue;
      INFO(file << ": " << d.message);
      CHECK((d.pointer.empty() || d.pointer[0] == '/'));
      CHECK(d.range.begin.line > 0);
      if (d.rule_id != "PCL1002") CHECK(model::FindByPointer(result.document.root, d.pointer) != nullptr);
    }
  }
}

}  // namespace
}  // namespace pcl::testing
