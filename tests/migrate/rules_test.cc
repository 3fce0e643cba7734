// The PCL2xxx rule files agree with the migration: builtin, same severity, and their examples
// produce (bad) or do not produce (good) the id through MigrationFindings, as `check` will.
#include <catch2/catch.hpp>

#include <set>

#include "engine/rule_meta.h"
#include "generated/rule_kinds.h"
#include "migrate/migrate.h"
#include "parsers/load.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

std::set<std::string> Ids(const std::string& ini) {
  auto parsed = parsers::LoadText("example.ini", ini);
  std::set<std::string> ids;
  for (const auto& d : migrate::MigrationFindings(parsed.document, {})) ids.insert(d.rule_id);
  return ids;
}

TEST_CASE("PCL2 rule files match the migration and their examples behave", "[migrate][rules]") {
  int rules = 0;
  for (const auto& [id, meta] : engine::RuleCatalog::EmbeddedWithDocs().rules()) {
    if (meta.stage != ids::Stage::kMigration) continue;
    ++rules;
    INFO(id);
    CHECK(meta.implementation == ids::Implementation::kBuiltin);
    REQUIRE_FALSE(meta.bad_examples.empty());
    REQUIRE_FALSE(meta.good_examples.empty());
    for (const auto& bad : meta.bad_examples) {
      INFO("bad example:\n" << bad);
      CHECK(Ids(bad).count(id) == 1);
    }
    for (const auto& good : meta.good_examples) {
      INFO("good example:\n" << good);
      CHECK(Ids(good).count(id) == 0);
    }
  }
  CHECK(rules == 36);
}

TEST_CASE("MigrationFindings reports every blocker of a v2 document at once", "[migrate][rules]") {
  const std::string ini =
      "[cluster default]\n"
      "scheduler = torque\n"
      "tags = not json\n"
      "master_root_volume_size = big\n";
  auto parsed = parsers::LoadText("cluster.ini", ini);
  std::set<std::string> ids;
  for (const auto& d : migrate::MigrationFindings(parsed.document, {})) {
    if (d.severity == model::Severity::kError) ids.insert(d.rule_id);
    CHECK(d.range.begin.line > 0);
  }
  CHECK(ids == std::set<std::string>{"PCL2001", "PCL2002", "PCL2009", "PCL2010", "PCL2016"});
}

}  // namespace
}  // namespace pcl::testing
