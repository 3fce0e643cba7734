// The rule catalogue over the real-world corpus: counts by rule (noise made visible), and no
// error-severity rule finding on a file the official schema accepts unless listed with a reason.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "engine/engine_support.h"
#include "generated/rule_kinds.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

// (rule id, corpus file) pairs that fire an error on a schema-valid file, because the rule mirrors
// an official validator that runs after the schema and would fail that file too; the reasons are
// in tests/rules/corpus_accepted_errors.tsv.
std::set<std::pair<std::string, std::string>> AcceptedErrors() {
  std::set<std::pair<std::string, std::string>> accepted;
  std::stringstream lines(ReadFile(SourceDir() + "/tests/rules/corpus_accepted_errors.tsv"));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    size_t second = line.find('\t', tab + 1);
    REQUIRE(second != std::string::npos);  // every entry says why
    accepted.insert({line.substr(0, tab), line.substr(tab + 1, second - tab - 1)});
  }
  return accepted;
}

// file (relative to the corpus) → official rc, from both verdict tables.
std::map<std::string, int> OfficialVerdicts(const std::string& corpus) {
  std::map<std::string, int> verdicts;
  auto read = [&](const std::string& table, const std::string& prefix) {
    std::stringstream lines(ReadFile(table));
    std::string line;
    while (std::getline(lines, line)) {
      size_t tab = line.find('\t');
      if (tab == std::string::npos || line.rfind("file\t", 0) == 0) continue;
      std::string rc = line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);
      if (!rc.empty() && std::isdigit(static_cast<unsigned char>(rc[0])))
        verdicts[prefix + line.substr(0, tab)] = std::stoi(rc);
    }
  };
  read(corpus + "/v3-real-verdicts.tsv", "");
  read(corpus + "/v3-samples/verdicts.tsv", "v3-samples/");
  return verdicts;
}

TEST_CASE("rules over the corpus: counts by rule, no errors on schema-valid files", "[rules][corpus]") {
  auto corpus = CorpusDir();
  if (!corpus) {
    ReportSkipped("../shared/corpus not found");
    return;
  }
  auto rules = OnlyRules({"ALL"});
  std::map<std::string, int> by_rule;
  std::map<std::string, int> verdicts = OfficialVerdicts(*corpus);
  int files = 0;
  std::vector<std::string> unexpected;
  const auto accepted = AcceptedErrors();
  std::set<std::pair<std::string, std::string>> seen;
  for (const char* dir : {"v3-real", "v3-samples"}) {
    for (const std::string& path : ListFiles(*corpus + "/" + dir, ".yaml")) {
      std::string relative = fs::relative(path, *corpus).string();
      ++files;
      pipeline::CheckOptions options;
      options.rules = rules.get();
      pipeline::FileResult result = pipeline::CheckFile(path, options);
      auto verdict = verdicts.find(relative);
      bool officially_valid = verdict != verdicts.end() && verdict->second == 0;
      for (const auto& d : result.diagnostics) {
        ++by_rule[d.rule_id];
        const ids::RuleInfo* rule = ids::FindRule(d.rule_id);
        const bool input_or_schema = !rule || rule->stage == ids::Stage::kInput || rule->stage == ids::Stage::kSchema;
        if (!officially_valid || d.severity != model::Severity::kError || input_or_schema) continue;
        seen.insert({d.rule_id, relative});
        if (!accepted.count({d.rule_id, relative})) {
          unexpected.push_back(relative + ":" + std::to_string(d.range.begin.line) + " " + d.rule_id + " " + d.message);
        }
      }
    }
  }
  std::cout << "corpus: " << files << " v3 files; findings by rule:";
  for (const auto& [id, count] : by_rule) std::cout << " " << id << "=" << count;
  std::cout << std::endl;
  for (const auto& u : unexpected) UNSCOPED_INFO(u);
  CHECK(unexpected.empty());
  for (const auto& [rule, file] : accepted) {
    INFO("stale entry in tests/rules/corpus_accepted_errors.tsv: " << rule << " " << file);
    CHECK(seen.count({rule, file}) == 1);
  }
}

}  // namespace
}  // namespace pcl::testing
