// `pcluster-lint schema` is no stricter than ParallelCluster's loader: string forms of integers,
// numbers and booleans that the checker accepts (coerce.h) pass the exported schema too, for
// editors that validate with it (yaml-language-server reads `MaxCount: "10"` as a string).
#include <catch2/catch.hpp>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "core/release.h"
#include "data/embedded.h"
#include "schema/coerce.h"
#include "schema/lenient_export.h"
#include "schema/match.h"
#include "schema/schema_check.h"
#include "schema/schema_store.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

using json = nlohmann::json;

struct Validator {
  explicit Validator(const json& document) {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    parser.populateSchema(adapter, schema);
  }
  bool Valid(const json& instance) {
    valijson::adapters::NlohmannJsonAdapter adapter(instance);
    return validator.validate(schema, adapter, nullptr);
  }
  valijson::Schema schema;
  valijson::Validator validator;
};

json Bundled() {
  auto text = data::FindEmbedded(std::string("schemas/cluster-config-") + core::kDefaultTargetRelease + ".schema.json");
  REQUIRE(text);
  return json::parse(*text);
}

constexpr char kStrings[] =
    "Image:\n  Os: alinux2023\nHeadNode:\n  InstanceType: t3.micro\n  Ssh:\n    KeyName: team\n"
    "  Networking:\n    SubnetId: subnet-0123456789abcdef0\nScheduling:\n  Scheduler: slurm\n  SlurmQueues:\n"
    "    - Name: q1\n      ComputeResources:\n        - Name: cr\n          InstanceType: c5.large\n"
    "          MinCount: \"0\"\n          MaxCount: \"10\"\n          Efa:\n            Enabled: \"no\"\n"
    "      Networking:\n        SubnetIds:\n          - subnet-0123456789abcdef0\n";

}  // namespace

TEST_CASE("the exported schema accepts the string forms the checker accepts", "[schema]") {
  ShellResult printed = RunShell(std::string(PCL_BINARY) + " schema");
  REQUIRE(printed.exit_code == 0);
  json exported = json::parse(printed.out);
  CHECK(exported == schema::LenientSchema(Bundled()));
  Validator lenient(exported);
  Validator strict(Bundled());

  parsers::ParseResult parsed = ParseYaml(kStrings);
  REQUIRE(parsed.document.ok);
  // The checker reads "10" as 10 and "no" as false: no schema finding.
  CHECK(schema::CheckSchema(parsed.document, {}).empty());
  json as_written = model::ToJson(parsed.document.root);  // what yaml-language-server sees
  REQUIRE(as_written["Scheduling"]["SlurmQueues"][0]["ComputeResources"][0]["MaxCount"] == "10");
  CHECK_FALSE(strict.Valid(as_written));  // the bundled schema alone is stricter
  CHECK(lenient.Valid(as_written));

  // What ParallelCluster rejects stays rejected.
  for (const char* bad : {"\"ten\"", "\"1.5.2\""}) {
    std::string text = kStrings;
    text.replace(text.find("\"10\""), 4, bad);
    INFO(bad);
    CHECK_FALSE(lenient.Valid(model::ToJson(ParseYaml(text).document.root)));
  }
  std::string not_bool = kStrings;
  not_bool.replace(not_bool.find("\"no\""), 4, "\"nope\"");
  CHECK_FALSE(lenient.Valid(model::ToJson(ParseYaml(not_bool).document.root)));
}

TEST_CASE("the exported schema accepts every fixture the checker's schema verdict accepts", "[schema]") {
  const schema::SchemaBundle* bundle = schema::FindSchema(core::kDefaultTargetRelease);
  REQUIRE(bundle);
  Validator lenient(schema::LenientSchema(Bundled()));
  std::vector<std::string> files = ListFiles(SourceDir() + "/fixtures", ".yaml");
  int accepted = 0;
  for (const std::string& file : files) {
    parsers::ParseResult parsed = ParseYaml(ReadFile(file));
    if (!parsed.document.ok || parsed.document.root.kind != model::NodeKind::kMapping) continue;
    std::vector<schema::Problem> problems;
    json coerced = schema::CoerceToJson(parsed.document.root, bundle->document, {"", "", ""}, problems);
    if (!problems.empty() || !schema::Matches(bundle->document, coerced)) continue;
    ++accepted;
    INFO(file);
    CHECK(lenient.Valid(model::ToJson(parsed.document.root)));
  }
  CHECK(accepted > 50);
}

}  // namespace pcl::testing
