// Golden tests of every --format on a multi-file, multi-rule run, and SARIF against its schema.
// fixtures/report/<case>/files lists the inputs; expected.<format> holds each rendering
// (UPDATE_EXPECTED=1 rewrites them).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "pipeline/runner.h"
#include "report/report.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

// A made-up checkout, so the expected SARIF does not depend on where the tests run:
// the inputs are read as if `configs/...` were given in /checkout/deploy.
constexpr char kFakeRoot[] = "/checkout";
constexpr char kFakeWorkingDir[] = "/checkout/deploy";

report::RunReport CheckCase(const fs::path& dir) {
  report::RunReport run;
  run.target_version = "3.12";
  std::istringstream list(ReadFile((dir / "files").string()));
  std::string path;
  pipeline::CheckOptions options;
  while (std::getline(list, path)) {
    if (path.empty()) continue;
    pipeline::FileResult result = pipeline::CheckText(path, ReadFile((dir / path).string()), options);
    run.files.push_back(path);
    if (result.document.source) run.sources[path] = result.document.source;
    for (auto& d : result.diagnostics) run.diagnostics.push_back(std::move(d));
  }
  return run;
}

report::RenderOptions FakeCheckout() {
  report::RenderOptions options;
  options.working_dir = kFakeWorkingDir;
  options.repo_root = kFakeRoot;
  return options;
}

std::string RenderAs(const std::string& format, const report::RunReport& run) {
  std::ostringstream out;
  REQUIRE(report::Render(format, run, FakeCheckout(), out));
  return out.str();
}

std::vector<fs::path> Cases() {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(fs::path(SourceDir()) / "fixtures" / "report")) {
    if (fs::exists(entry.path() / "files")) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

TEST_CASE("Every format matches its golden file", "[report][fixtures]") {
  const bool update = std::getenv("UPDATE_EXPECTED") != nullptr;
  std::vector<fs::path> cases = Cases();
  REQUIRE_FALSE(cases.empty());
  for (const fs::path& dir : cases) {
    report::RunReport run = CheckCase(dir);
    for (const std::string& format : report::FormatNames()) {
      SECTION(dir.filename().string() + " " + format) {
        fs::path expected = dir / ("expected." + format);
        std::string actual = RenderAs(format, run);
        if (update) {
          std::ofstream(expected, std::ios::binary) << actual;
        } else {
          INFO("golden file: " << expected.string());
          CHECK(actual == ReadFile(expected.string()));
        }
      }
    }
  }
}

TEST_CASE("SARIF output validates against the SARIF 2.1.0 schema", "[report][sarif]") {
  fs::path schema_file = fs::path(SourceDir()) / ".." / "shared" / "vendor-data" / "sarif-schema-2.1.0.json";
  if (!fs::exists(schema_file)) {
    ReportSkipped("../shared/vendor-data/sarif-schema-2.1.0.json not found");
    return;
  }
  nlohmann::json schema_json = nlohmann::json::parse(ReadFile(schema_file.string()));
  valijson::Schema schema;
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);

  for (const fs::path& dir : Cases()) {
    report::RunReport run = CheckCase(dir);
    nlohmann::json sarif = nlohmann::json::parse(RenderAs("sarif", run));
    // Guard against validating a trivial document: the case must span several files and rules.
    const nlohmann::json& results = sarif["runs"][0]["results"];
    std::set<std::string> files, rules;
    for (const auto& result : results) {
      files.insert(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>());
      rules.insert(result["ruleId"].get<std::string>());
    }
    CHECK(files.size() >= 3);
    CHECK(rules.size() >= 3);

    valijson::Validator validator;
    valijson::ValidationResults errors;
    valijson::adapters::NlohmannJsonAdapter target(sarif);
    bool valid = validator.validate(schema, target, &errors);
    std::string messages;
    valijson::ValidationResults::Error error;
    while (errors.popError(error)) {
      std::string context;
      for (const std::string& part : error.context) context += part;
      messages += context + ": " + error.description + "\n";
    }
    INFO(dir.filename().string() << ":\n" << messages);
    CHECK(valid);
  }
}

}  // namespace
}  // namespace pcl::testing
