// Schema verdicts against the official ones on ../shared/corpus (v3 samples, real configs, and the
// official v2→v3 converter outputs). Accepted disagreements are listed in docs/schema-differences.md.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "generated/rule_kinds.h"
#include "model/json_pointer.h"
#include "pipeline/runner.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

struct Verdict {
  std::string file;  // relative to the corpus folder
  bool valid = false;
  std::string official;
};

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(ReadFile(path));
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream fields(line);
    while (std::getline(fields, cell, '\t')) cells.push_back(cell);
    if (!cells.empty() && !cells[0].empty()) rows.push_back(cells);
  }
  return rows;
}

bool HasError(const std::vector<model::Diagnostic>& diagnostics, const std::string& prefix) {
  for (const auto& d : diagnostics) {
    if (d.rule_id.rfind(prefix, 0) == 0 && d.severity == model::Severity::kError && !d.suppressed) return true;
  }
  return false;
}

TEST_CASE("schema verdicts agree with the official ones on the v3 corpus", "[schema][corpus]") {
  auto corpus = CorpusDir();
  if (!corpus) {
    ReportSkipped("../shared/corpus is not present");
    return;
  }
  std::vector<Verdict> verdicts;
  for (const auto& row : ReadTsv(*corpus + "/v3-samples/verdicts.tsv")) {
    if (row.size() >= 2) verdicts.push_back({"v3-samples/" + row[0], row[1] == "0", row.size() > 2 ? row[2] : ""});
  }
  for (const auto& row : ReadTsv(*corpus + "/v3-real-verdicts.tsv")) {
    if (row.size() >= 2) verdicts.push_back({row[0], row[1] == "0", row.size() > 2 ? row[2] : ""});
  }
  REQUIRE(verdicts.size() > 300);
  const std::string accepted = ReadFile(SourceDir() + "/docs/schema-differences.md");
  pipeline::CheckOptions options;
  options.target_version = "3.12";  // the release of the official verdicts (develop, October 2024)
  int checked = 0, agreed = 0, excluded = 0, fallbacks = 0;
  double total_ms = 0;
  for (const Verdict& verdict : verdicts) {
    std::string path = *corpus + "/" + verdict.file;
    if (!fs::exists(path)) continue;
    auto started = std::chrono::steady_clock::now();
    auto result = pipeline::CheckFile(path, options);
    total_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (HasError(result.diagnostics, "PCL0")) {
      ++excluded;  // not valid YAML for the official loader either; not a schema question
      continue;
    }
    ++checked;
    for (const auto& d : result.diagnostics) fallbacks += d.rule_id == "PCL1000" ? 1 : 0;
    bool ours_valid = !HasError(result.diagnostics, "PCL1");
    if (ours_valid == verdict.valid) {
      ++agreed;
      continue;
    }
    std::string name = fs::path(verdict.file).filename().string();
    UNSCOPED_INFO("disagreement: " << verdict.file << " official " << (verdict.valid ? "valid" : "invalid") << " ("
                                   << verdict.official << "), ours:\n"
                                   << FormatFindings(result.diagnostics));
    INFO(verdict.file);
    CHECK(accepted.find(name) != std::string::npos);  // every accepted difference is documented
  }
  REQUIRE(checked > 0);
  double rate = 100.0 * agreed / checked;
  std::cout << "schema corpus agreement: " << agreed << "/" << checked << " (" << rate << "%), " << excluded
            << " excluded as not valid YAML; " << total_ms / (checked + excluded) << " ms per file\n";
  CHECK(rate >= 98.0);
  CHECK(fallbacks == 0);  // every failure is attributed by a specific PCL1 check
}

// Collects the official error locations ("HeadNode/Iam" for `_schema` messages) as pointers.
void OfficialPointers(const nlohmann::json& errors, const std::string& base, std::vector<std::string>& out) {
  if (!errors.is_object()) {
    out.push_back(base);
    return;
  }
  for (const auto& [key, value] : errors.items()) {
    if (key == "_schema" || key == "_yaml" || key == "_exception") {
      out.push_back(base);
    } else if (value.is_object()) {
      OfficialPointers(value, model::AppendPointer(base, key), out);
    } else {
      out.push_back(model::AppendPointer(base, key));
    }
  }
}

bool Within(const std::string& pointer, const std::string& official) {
  return pointer == official || pointer.rfind(official + "/", 0) == 0;
}

TEST_CASE("official v2-to-v3 converter outputs get the official schema verdict", "[schema][corpus]") {
  auto corpus = CorpusDir();
  if (!corpus) {
    ReportSkipped("../shared/corpus is not present");
    return;
  }
  const std::string dir = *corpus + "/v2-expected";
  auto rows = ReadTsv(dir + "/V3-SCHEMA-CHECK.tsv");
  REQUIRE(rows.size() > 100);
  pipeline::CheckOptions options;
  int invalid = 0;
  for (const auto& row : rows) {
    if (row.size() < 2) continue;
    INFO(row[0]);
    auto result = pipeline::CheckFile(dir + "/" + row[0], options);
    REQUIRE_FALSE(HasError(result.diagnostics, "PCL0"));
    if (row[1] == "VALID") {
      INFO(FormatFindings(result.diagnostics));
      CHECK_FALSE(HasError(result.diagnostics, "PCL1"));
      continue;
    }
    ++invalid;
    std::vector<std::string> official;
    OfficialPointers(nlohmann::json::parse(row.size() > 2 ? row[2] : "{}", nullptr, false), "", official);
    bool named = false;
    for (const auto& d : result.diagnostics) {
      if (const ids::RuleInfo* rule = ids::FindRule(d.rule_id); !rule || rule->stage != ids::Stage::kSchema) continue;
      for (const std::string& where : official) named = named || Within(d.pointer, where);
    }
    INFO("official: " << row[2] << "\nours:\n" << FormatFindings(result.diagnostics));
    CHECK(named);
  }
  CHECK(invalid > 30);
}

}  // namespace
}  // namespace pcl::testing
