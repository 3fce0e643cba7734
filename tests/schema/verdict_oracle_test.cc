// Our schema evaluator (schema/match.h) against valijson, the library it replaced for speed: the
// same verdict on every bundled fixture for every release, and on the corpus for the default one.
#include <catch2/catch.hpp>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "core/release.h"
#include "schema/coerce.h"
#include "schema/match.h"
#include "schema/schema_check.h"
#include "schema/schema_store.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

struct Oracle {
  explicit Oracle(const nlohmann::json& document) {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    parser.populateSchema(adapter, schema);
  }
  bool Valid(const nlohmann::json& instance) {
    valijson::adapters::NlohmannJsonAdapter adapter(instance);
    return validator.validate(schema, adapter, nullptr);
  }
  valijson::Schema schema;
  valijson::Validator validator;
};

// Compares both verdicts on every YAML file in `files`; returns how many were invalid.
int CompareVerdicts(const std::vector<std::string>& files, const std::string& version) {
  const schema::SchemaBundle* bundle = schema::FindSchema(version);
  REQUIRE(bundle);
  Oracle oracle(bundle->document);
  int invalid = 0;
  for (const std::string& file : files) {
    parsers::ParseResult parsed = ParseYaml(ReadFile(file));
    if (!parsed.document.ok) continue;
    std::vector<schema::Problem> problems;
    nlohmann::json instance = schema::CoerceToJson(parsed.document.root, bundle->document, {"", "", ""}, problems);
    bool ours = schema::Matches(bundle->document, instance);
    INFO(file << " against " << version);
    CHECK(ours == oracle.Valid(instance));
    invalid += ours ? 0 : 1;
  }
  return invalid;
}

std::vector<std::string> FixtureYaml() {
  std::vector<std::string> files = ListFiles(SourceDir() + "/fixtures/schema", ".yaml");
  for (const std::string& file : ListFiles(SourceDir() + "/fixtures/rules", ".yaml")) {
    if (file.find("/PCL1") != std::string::npos || file.find("/PCL3") != std::string::npos) files.push_back(file);
  }
  for (const std::string& file : ListFiles(SourceDir() + "/fixtures/examples", ".yaml")) files.push_back(file);
  return files;
}

TEST_CASE("the schema evaluator agrees with valijson on every fixture for every release", "[schema]") {
  std::vector<std::string> files = FixtureYaml();
  REQUIRE(files.size() > 50);
  for (const std::string& version : schema::KnownVersions()) {
    // Both outcomes must be exercised, or agreement would prove little.
    int invalid = CompareVerdicts(files, version);
    CHECK(invalid > 20);
    CHECK(invalid < static_cast<int>(files.size()));
  }
}

TEST_CASE("the schema evaluator agrees with valijson on the corpus", "[schema][corpus]") {
  auto corpus = CorpusDir();
  if (!corpus) {
    ReportSkipped("../shared/corpus is not present");
    return;
  }
  std::vector<std::string> files;
  for (const char* folder : {"/v3-samples", "/v3-real", "/v2-expected"}) {
    for (const std::string& file : ListFiles(*corpus + folder, ".yaml")) files.push_back(file);
  }
  REQUIRE(files.size() > 300);
  int invalid = CompareVerdicts(files, core::kDefaultTargetRelease);
  CHECK(invalid > 10);
}

TEST_CASE("bundled schemas use only keywords the evaluator knows", "[schema]") {
  for (const std::string& version : schema::KnownVersions()) {
    INFO(version);
    CHECK(schema::UnsupportedKeyword(schema::FindSchema(version)->document) == "");
  }
  CHECK(schema::UnsupportedKeyword(nlohmann::json::parse(R"({"properties": {"a": {"format": "date"}}})")) == "format");
  CHECK(schema::UnsupportedKeyword(nlohmann::json::parse(R"({"anyOf": [{"type": "string"}, {"$ref": "#/x"}]})")) ==
        "$ref");
  CHECK(schema::UnsupportedKeyword(nlohmann::json::parse(R"({"items": [{"type": "string"}]})")) == "items (as a list)");
  CHECK(schema::UnsupportedKeyword(nlohmann::json::parse(R"({"not": {"pattern": "x", "description": "d"}})")) == "");
}

TEST_CASE("a failure nothing explains is placed at the deepest failing value", "[schema]") {
  auto schema = nlohmann::json::parse(R"({"properties": {"Queues": {"type": "array", "items": {
      "properties": {"Name": {"type": "string", "maxLength": 3}}}}, "Region": {"type": "string"}}})");
  auto bad = nlohmann::json::parse(R"({"Region": "x", "Queues": [{"Name": "ok"}, {"Name": "toolong"}]})");
  CHECK(schema::DeepestFailure(schema, bad, "") == "/Queues/1/Name");
  CHECK(schema::DeepestFailure(schema, nlohmann::json::parse(R"({"Region": 1})"), "") == "/Region");
  // A failure of the object itself (no child to blame) stays at the object.
  schema["required"] = {"Region"};
  CHECK(schema::DeepestFailure(schema, nlohmann::json::object(), "") == "");
}

}  // namespace
}  // namespace pcl::testing
