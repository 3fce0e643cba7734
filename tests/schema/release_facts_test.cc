// The release facts table (schemas/release-facts.json): it reads, and it agrees with every other table
// that names releases (the schemas, versions.json, update-policies.json, docs/releases.md).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/release.h"
#include "data/embedded.h"
#include "model/iso_date.h"
#include "schema/release_facts.h"
#include "schema/schema_check.h"
#include "schema/schema_store.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

nlohmann::json EmbeddedJson(const char* path) {
  auto text = data::FindEmbedded(path);
  REQUIRE(text);
  return nlohmann::json::parse(*text);
}

core::Release R(const char* text) {
  return *core::Release::Parse(text);
}

TEST_CASE("every table names the same releases and the newest is the default target", "[schema][releases]") {
  const auto& facts = schema::ReleaseFacts::Embedded();
  CHECK(facts.releases() == schema::KnownVersions());
  CHECK(EmbeddedJson("schemas/update-policies.json")["releases"].get<std::vector<std::string>>() == facts.releases());
  std::vector<std::string> os_releases;
  // A named value: items() refers into what it iterates.
  const nlohmann::json per_release = EmbeddedJson("schemas/versions.json")["enums"]["/Image/Os"]["per_release"];
  for (const auto& [release, values] : per_release.items()) {
    os_releases.push_back(release);
  }
  std::sort(os_releases.begin(), os_releases.end(),
            [](const std::string& a, const std::string& b) { return core::CompareReleaseText(a, b) < 0; });
  CHECK(os_releases == facts.releases());
  REQUIRE_FALSE(facts.releases().empty());
  CHECK(facts.releases().back() == core::kDefaultTargetRelease);
  // docs/releases.md has a row per release: adding 3.17 means documenting it.
  const std::string doc = ReadFile(SourceDir() + "/docs/releases.md");
  for (const std::string& release : facts.releases()) {
    INFO(release);
    CHECK(doc.find("\n| " + release + " |") != std::string::npos);
  }
}

TEST_CASE("the OS lifecycle agrees with the schemas' Image/Os values", "[schema][releases]") {
  const auto& facts = schema::ReleaseFacts::Embedded();
  // The embedded table is packed without provenance; the file keeps a source for every OS.
  std::string error;
  const auto written = schema::ReleaseFacts::FromJson(ReadFile(SourceDir() + "/schemas/release-facts.json"), error);
  INFO(error);
  REQUIRE(written);
  const nlohmann::json values = EmbeddedJson("schemas/versions.json")["enums"]["/Image/Os"]["values"];
  CHECK(values.size() == facts.os().size());
  for (const auto& value : values) {
    const std::string os = value["value"];
    INFO(os);
    const schema::OsFacts* known = facts.FindOs(os);
    REQUIRE(known);
    CHECK(known->added == value.value("added", ""));
    CHECK(known->removed == value.value("removed", ""));
    CHECK(model::ParseIsoDate(known->end_of_life));
    REQUIRE(written->FindOs(os));
    CHECK_FALSE(written->FindOs(os)->source.empty());
    CHECK(written->FindOs(os)->end_of_life == known->end_of_life);
  }
  // The compiled-in table says what the file says.
  CHECK(written->releases() == facts.releases());
  for (const std::string& release : facts.releases()) {
    for (const char* arch : {"x86_64", "arm64"}) {
      CHECK(written->DcvOses(arch, R(release.c_str())) == facts.DcvOses(arch, R(release.c_str())));
    }
  }
  CHECK(facts.OsAccepted("ubuntu2404", R("3.13")));
  CHECK_FALSE(facts.OsAccepted("ubuntu2404", R("3.12")));
  CHECK(facts.OsAccepted("ubuntu2004", R("3.13.2")));
  CHECK_FALSE(facts.OsAccepted("ubuntu2004", R("3.14")));
  CHECK_FALSE(facts.OsAccepted("windows", R("3.16")));
  CHECK(facts.OsRefused("ubuntu2004", R("3.14")));
  CHECK(facts.OsRefused("ubuntu2404", R("3.12")));
  CHECK_FALSE(facts.OsRefused("ubuntu2404", R("3.13")));
  CHECK_FALSE(facts.OsRefused("windows", R("3.16")));  // unknown: the schema check's business, not a removal
}

TEST_CASE("every DCV run of the release facts names its source", "[schema][releases]") {
  const nlohmann::json written = nlohmann::json::parse(ReadFile(SourceDir() + "/schemas/release-facts.json"));
  int runs = 0;
  for (const auto& [arch, list] : written["dcv"].items()) {
    if (!list.is_array()) continue;  // "$comment"
    for (const auto& run : list) {
      INFO(arch << " since " << run.value("since", ""));
      CHECK_FALSE(run.value("source", "").empty());
      ++runs;
    }
  }
  CHECK(runs > 0);
}

TEST_CASE("DCV support follows the release and the architecture", "[schema][releases]") {
  const auto& facts = schema::ReleaseFacts::Embedded();
  CHECK(facts.DcvSupported("alinux2023", "x86_64", R("3.13")) == false);
  CHECK(facts.DcvSupported("alinux2023", "x86_64", R("3.14.1")) == true);
  CHECK(facts.DcvSupported("ubuntu2204", "arm64", R("3.11")) == false);
  CHECK(facts.DcvSupported("ubuntu2204", "arm64", R("3.12")) == true);
  CHECK(facts.DcvSupported("alinux2", "arm64", R("3.8")) == std::nullopt);  // not read before 3.9
  CHECK(facts.DcvOses("arm64", R("3.11")) == std::vector<std::string>{"alinux2", "rhel8", "rhel9", "rocky8", "rocky9"});
}

TEST_CASE("a malformed release facts table is refused with the reason", "[schema][releases]") {
  std::string error;
  CHECK_FALSE(schema::ReleaseFacts::FromJson("[]", error));
  CHECK(error == "not a JSON object");
  CHECK_FALSE(schema::ReleaseFacts::FromJson(R"({"releases": [{"release": "three"}]})", error));
  CHECK(error == "releases: 'three' is not a release");
  CHECK_FALSE(schema::ReleaseFacts::FromJson(R"({"os": {"x": {"removed": "3.1"}}})", error));
  CHECK(error == "os: x needs an added release (and removed, if any, must be a release)");
  CHECK_FALSE(schema::ReleaseFacts::FromJson(R"({"dcv": {"arm64": [{"since": "3.4"}, {"since": "3.2"}]}})", error));
  CHECK(error == "dcv: arm64 runs need a since release, in increasing order");
  CHECK(schema::ReleaseFacts::FromJson(R"({"dcv": {"$comment": "x", "arm64": [{"since": "3.4"}]}})", error));
}

}  // namespace
}  // namespace pcl::testing
