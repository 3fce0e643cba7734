// The --report JSON written file by file (ReportJsonWriter) is the document nlohmann::json would
// print for the whole run: same keys, same order, same two-space indentation, byte for byte.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "migrate/migrate.h"
#include "migrate/migration_report.h"
#include "parsers/load.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

migrate::MigrationResult MigrateFixture(const std::string& name) {
  parsers::ParseResult parsed = parsers::LoadFile(SourceDir() + "/fixtures/migrate/" + name + "/input.ini");
  return migrate::Migrate(parsed.document, parsed.diagnostics, {});
}

std::string Written(const std::vector<migrate::FileOutcome>& files) {
  migrate::ReportJsonWriter writer;
  std::string text = writer.Begin("warning");
  for (const auto& file : files) text += writer.Add(file);
  return text + writer.End();
}

TEST_CASE("the --report JSON written file by file is the whole document as dump(2) prints it", "[migrate][report]") {
  const migrate::MigrationResult converted = MigrateFixture("slurm-single-queue");
  const migrate::MigrationResult blocked = MigrateFixture("error-all-at-once");
  REQUIRE_FALSE(converted.keys.empty());
  REQUIRE_FALSE(blocked.findings.empty());

  migrate::FileOutcome a;
  a.input = "in/a.ini";
  a.output = "out/a.yaml";
  a.status = migrate::FileStatus::kConverted;
  a.result = &converted;
  migrate::FileOutcome b;
  b.input = "in/\"b\"\n.ini";  // escaped in the JSON: the line breaks stay between tokens
  b.reason = "PCL2001 1:1 blocked";
  b.result = &blocked;
  b.findings = blocked.findings;
  migrate::FileOutcome c;  // unreadable: no result
  c.input = "in/c.ini";
  c.reason = "cannot read";

  for (const auto& files : std::vector<std::vector<migrate::FileOutcome>>{{}, {a}, {a, b, c}}) {
    INFO(files.size() << " files");
    const std::string text = Written(files);
    const auto doc = nlohmann::ordered_json::parse(text);
    CHECK(text == doc.dump(2));
    CHECK(doc["format_version"] == 2);
    CHECK(doc["fail_on"] == "warning");
    REQUIRE(doc["files"].size() == files.size());
    for (size_t i = 0; i < files.size(); ++i) {
      CHECK(doc["files"][i]["input"] == files[i].input);
      CHECK(doc["files"][i]["keys"].size() == (files[i].result ? files[i].result->keys.size() : 0));
      CHECK(doc["files"][i]["findings"].size() == files[i].findings.size());
    }
  }
}

}  // namespace
}  // namespace pcl::testing
