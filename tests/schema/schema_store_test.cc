// The bundled schemas: all 17 are valid draft-07 documents (valijson checks them against the
// meta-schema) and are parsed once per process.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "core/release.h"
#include "data/embedded.h"
#include "pipeline/runner.h"
#include "schema/schema_check.h"
#include "schema/schema_store.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

TEST_CASE("all 17 releases are bundled, oldest first", "[schema]") {
  const auto& versions = schema::KnownVersions();
  REQUIRE(versions.size() == 17);
  CHECK(versions.front() == "3.0");
  CHECK(versions.back() == "3.16");
  for (size_t i = 0; i < versions.size(); ++i) CHECK(versions[i] == "3." + std::to_string(i));
  CHECK(schema::IsKnownVersion("3.7"));
  CHECK(schema::IsKnownVersion("3.13"));
  CHECK_FALSE(schema::IsKnownVersion("3.17"));
  CHECK_FALSE(schema::IsKnownVersion("2.11"));
  CHECK_FALSE(schema::IsKnownVersion(""));
  CHECK(core::CompareReleaseText("3.9", "3.10") < 0);
  CHECK(core::CompareReleaseText("3.12", "3.12") == 0);
}

TEST_CASE("every schema is a valid draft-07 schema", "[schema]") {
  // The draft-07 meta-schema (json-schema.org), kept as a fixture because nothing may be fetched.
  auto meta_json = nlohmann::json::parse(ReadFile(SourceDir() + "/fixtures/schema/draft-07.metaschema.json"));
  valijson::Schema meta;
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter meta_adapter(meta_json);
  REQUIRE_NOTHROW(parser.populateSchema(meta_adapter, meta));
  for (const std::string& version : schema::KnownVersions()) {
    INFO("schema " << version);
    const schema::SchemaBundle* bundle = schema::FindSchema(version);
    REQUIRE(bundle);
    CHECK(bundle->load_error.empty());
    CHECK(bundle->document.value("$schema", "") == "http://json-schema.org/draft-07/schema#");
    CHECK(bundle->document.value("$id", "") ==
          "https://pcluster-lint.dev/schemas/cluster-config-" + version + ".schema.json");
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter adapter(bundle->document);
    bool valid = validator.validate(meta, adapter, &results);
    for (const auto& error : results) {
      std::string where;
      for (const auto& part : error.context) where += part;
      UNSCOPED_INFO(where << ": " << error.description);
    }
    CHECK(valid);
  }
}

// Counts `description`/`title` keywords (not property names) in a schema.
int Annotations(const nlohmann::json& schema) {
  if (!schema.is_object()) return 0;
  int count = 0;
  for (const auto& [key, value] : schema.items()) {
    if (key == "description" || key == "title") {
      ++count;
    } else if (key == "properties" && value.is_object()) {
      for (const auto& [name, sub] : value.items()) count += Annotations(sub);
    } else if (value.is_array()) {
      for (const auto& sub : value) count += Annotations(sub);
    } else {
      count += Annotations(value);
    }
  }
  return count;
}

TEST_CASE("the packed schemas leave out annotations and `schema` prints the full text", "[schema]") {
  const schema::SchemaBundle* bundle = schema::FindSchema(core::kDefaultTargetRelease);
  REQUIRE(bundle);
  CHECK(Annotations(bundle->document) == 0);
  auto text = data::FindEmbedded(std::string("schemas/cluster-config-") + core::kDefaultTargetRelease + ".schema.json");
  REQUIRE(text);
  CHECK(Annotations(nlohmann::json::parse(*text)) > 100);
}

TEST_CASE("a schema is parsed once and shared", "[schema]") {
  CHECK(schema::FindSchema("3.5") == schema::FindSchema("3.5"));
  CHECK(schema::FindSchema("3.99") == nullptr);
  CHECK(schema::VersionHistory().contains("keys"));
}

TEST_CASE("files checked on several threads give the same findings", "[schema]") {
  const std::string text = ReadFile(SourceDir() + "/fixtures/schema/unknown-key.yaml");
  pipeline::CheckOptions options;
  std::string expected = FormatFindings(pipeline::CheckText("a.yaml", text, options).diagnostics);
  REQUIRE_FALSE(expected.empty());
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      pipeline::CheckOptions mine;
      mine.target_version = t % 2 ? "3.12" : "3.11";
      for (int i = 0; i < 20; ++i) got[t] = FormatFindings(pipeline::CheckText("a.yaml", text, mine).diagnostics);
    });
  }
  for (auto& thread : threads) thread.join();
  for (size_t t = 1; t < got.size(); t += 2) CHECK(got[t] == expected);
}

TEST_CASE("the schema generator's checked-in output is up to date", "[schema]") {
  if (std::system("python3 --version >/dev/null 2>&1") != 0) {
    ReportSkipped("python3 is not installed");
    return;
  }
  std::string command = "cd '" + SourceDir() + "' && python3 schemas/generator/generate.py --check >/dev/null 2>&1";
  int status = std::system(command.c_str());
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == 77) {
    ReportSkipped("../shared/spec is missing (generate.py exit 77)");
    return;
  }
  CHECK(code == 0);
}

// Each release after 3.12 is the release before plus a delta file; a row the generator cannot apply, or
// one that does not say where it was read, must stop the build of the schemas rather than be skipped.
TEST_CASE("the schema generator refuses a release delta it cannot apply", "[schema]") {
  if (std::system("python3 --version >/dev/null 2>&1") != 0) {
    ReportSkipped("python3 is not installed");
    return;
  }
  const fs::path deltas = fs::path(SourceDir()) / "schemas" / "generator" / "deltas";
  const std::string header = "op\tpath\ttype\trequired\tconstraints\tupdate_policy\tnotes\tsource\tcertainty\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"enum-add\tImage.Os\t\t\tubuntu2604\t\t\t\tread\n", "every change cites its source"},
      {"remove\tHeadNode.NoSuchKey\t\t\t\t\t\tsomewhere\tread\n", "HeadNode.NoSuchKey not found"},
      {"enum-add\tImage.Os\t\t\talinux2023\t\t\tsomewhere\tread\n", "already allows 'alinux2023'"},
      {"add\tImage.Os\tstr\tno\t\tUNSUPPORTED\t\tsomewhere\tread\n", "Image.Os exists already"},
      {"enum-add\tImage.Os\t\t\tx\t\t\tsomewhere\tguessed\n", "certainty must be one of"},
  };
  const fs::path dir = fs::temp_directory_path() / ("pcl-deltas-" + std::to_string(::getpid()));
  for (const auto& [row, message] : cases) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(deltas)) fs::copy_file(entry.path(), dir / entry.path().filename());
    std::ofstream(dir / "3.16.tsv", std::ios::binary) << header << row;
    ShellResult run = RunShell("cd '" + SourceDir() +
                               "' && python3 schemas/generator/generate.py --check --delta-dir '" + dir.string() + "'");
    if (run.exit_code == 77) {
      fs::remove_all(dir);
      ReportSkipped("../shared/spec is missing (generate.py exit 77)");
      return;
    }
    INFO(row << " -> " << run.err);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find(message) != std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("a patch release names its minor's schema, other text is left for refusal", "[schema]") {
  CHECK(schema::ReleaseOf("3.12.1") == "3.12");
  CHECK(schema::ReleaseOf("v3.12.1") == "3.12");
  CHECK(schema::ReleaseOf("V3.9") == "3.9");
  CHECK(schema::ReleaseOf("3.12") == "3.12");
  CHECK(schema::ReleaseOf("3.12.x") == "3.12.x");
  CHECK(schema::ReleaseOf("3") == "3");
  CHECK(schema::ReleaseOf("latest") == "latest");
  CHECK(schema::ReleaseOf("3.99.1") == "3.99.1");  // unknown: quoted as written when refused
  CHECK(schema::IsKnownVersion(schema::ReleaseOf("3.0.2")));
  CHECK(schema::KnownRange() == "3.0 … 3.16");
}

TEST_CASE("the default target is the newest bundled release", "[schema]") {
  REQUIRE_FALSE(schema::KnownVersions().empty());
  CHECK(schema::KnownVersions().back() == core::kDefaultTargetRelease);
  CHECK(schema::ReleaseOf("3.16.3") == "3.16");
  CHECK(schema::ReleaseOf("v3.14.1") == "3.14");
}

}  // namespace
}  // namespace pcl::testing
