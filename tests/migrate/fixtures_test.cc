// Migration fixtures: fixtures/migrate/<case>/input.ini|input.toml [+ args] → expected.yaml (byte
// for byte, absent when the migration must fail) + expected.notes (`line:col ID message`).
// UPDATE_EXPECTED=1 rewrites the expected files.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "migrate/migrate.h"
#include "parsers/load.h"
#include "pipeline/runner.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

migrate::MigrateOptions ReadArgs(const fs::path& file) {
  migrate::MigrateOptions options;
  if (!fs::exists(file)) return options;
  std::istringstream words(ReadFile(file.string()));
  std::string word;
  while (words >> word) {
    if (word == "--force-convert") options.force_convert = true;
    if (word == "--no-header") options.header_comments = false;
    if (word == "--account-id") words >> options.account_id;
    if (word == "--partition") words >> options.partition;
    if (word == "--cluster-template") words >> options.cluster_template;
  }
  return options;
}

fs::path InputOf(const fs::path& dir) {
  return fs::exists(dir / "input.toml") ? dir / "input.toml" : dir / "input.ini";
}

struct Outcome {
  migrate::MigrationResult result;
  parsers::ParseResult parsed;
};

Outcome Run(const fs::path& dir) {
  Outcome out;
  const fs::path input = InputOf(dir);
  // Relative names keep the findings independent of where the repository is.
  out.parsed = parsers::LoadText(input.filename().string(), ReadFile(input.string()));
  out.result = migrate::Migrate(out.parsed.document, out.parsed.diagnostics, ReadArgs(dir / "args"));
  return out;
}

std::vector<fs::path> Cases() {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(fs::path(SourceDir()) / "fixtures" / "migrate")) {
    if (entry.is_directory() && fs::exists(InputOf(entry.path()))) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

void Compare(const fs::path& file, const std::string& actual, bool present) {
  if (std::getenv("UPDATE_EXPECTED")) {
    if (present) {
      std::ofstream(file, std::ios::binary) << actual;
    } else {
      fs::remove(file);
    }
    return;
  }
  INFO("fixture file: " << file.string());
  CHECK(fs::exists(file) == present);
  if (present) CHECK(ReadFile(file.string()) == actual);
}

TEST_CASE("migration fixtures", "[migrate][fixtures]") {
  const std::vector<fs::path> cases = Cases();
  REQUIRE(cases.size() >= 20);
  for (const fs::path& dir : cases) {
    SECTION(dir.filename().string()) {
      Outcome out = Run(dir);
      Compare(dir / "expected.yaml", out.result.yaml, out.result.ok);
      Compare(dir / "expected.notes", FormatFindings(out.result.findings), true);
      if (!out.result.ok) continue;
      // Every expected.yaml must be a valid v3 config for the schema.
      for (const auto& d : pipeline::CheckMigratedYaml("expected.yaml", out.result, out.parsed.document, "3.12")) {
        INFO(d.range.begin.line << ":" << d.range.begin.column << " " << d.rule_id << " " << d.message);
        CHECK(d.severity != model::Severity::kError);
      }
    }
  }
}

TEST_CASE("a TOML v2 config converts exactly like its INI twin", "[migrate][fixtures]") {
  int twins = 0;
  for (const fs::path& dir : Cases()) {
    if (!fs::exists(dir / "same-as")) continue;
    std::string other = ReadFile((dir / "same-as").string());
    while (!other.empty() && (other.back() == '\n' || other.back() == ' ')) other.pop_back();
    INFO(dir.filename().string() << " vs " << other);
    Outcome toml = Run(dir);
    Outcome ini = Run(dir.parent_path() / other);
    CHECK(toml.parsed.document.format == model::Format::kTomlV2);
    CHECK(toml.result.ok);
    CHECK(toml.result.yaml == ini.result.yaml);
    ++twins;
  }
  CHECK(twins >= 1);
}

}  // namespace
}  // namespace pcl::testing
