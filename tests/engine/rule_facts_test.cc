// Rules that read an offline fact table say so (`facts:` in their YAML), and explain names the table's date.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "core/instance_types.h"
#include "engine/rule_explain.h"
#include "engine/rule_meta.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

const char kRule[] =
    "id: PCL3999\nname: new-check\nseverity: warning\nimplementation: native\nstage: lint\nsummary: x.\n";

TEST_CASE("a rule's facts tables are checked when the catalogue loads", "[engine][facts]") {
  std::vector<std::string> errors;
  auto catalog = engine::RuleCatalog::FromFiles(
      {{"rules/PCL3999.yaml", std::string(kRule) + "facts: [instance-types]\n"}}, errors);
  CHECK(errors.empty());
  REQUIRE(catalog.FindById("PCL3999"));
  CHECK(catalog.FindById("PCL3999")->facts == std::vector<std::string>{"instance-types"});
  engine::RuleCatalog::FromFiles({{"rules/PCL3999.yaml", std::string(kRule) + "facts: [ec2]\n"}}, errors);
  CHECK(errors == std::vector<std::string>{"rules/PCL3999.yaml: unknown facts table 'ec2' (known: instance-types)"});
}

TEST_CASE("explain names the date of the instance-type table a rule reads", "[engine][facts]") {
  std::vector<std::string> errors;
  auto catalog = engine::RuleCatalog::FromFiles(
      {{"rules/PCL3999.yaml", std::string(kRule) + "facts: [instance-types]\n"}}, errors);
  REQUIRE(catalog.FindById("PCL3999"));
  const std::string text = engine::ExplainText(*catalog.FindById("PCL3999"));
  CHECK(text.find("Instance-type facts: the EC2 table of " + std::string(core::InstanceTableDate())) !=
        std::string::npos);
}

// A native rule that reads the instance-type table (directly or through the helpers made for it) must
// declare it, or explain would not show its date.
TEST_CASE("every rule that reads the instance-type table declares facts: instance-types", "[engine][facts]") {
  const auto& catalog = engine::RuleCatalog::EmbeddedWithDocs();
  const fs::path rules = fs::path(SourceDir()) / "src" / "rules";
  for (const auto& entry : fs::directory_iterator(rules)) {
    const std::string file = entry.path().filename().string();
    if (file.rfind("pcl", 0) != 0 || entry.path().extension() != ".cc") continue;
    const std::string source = ReadFile(entry.path().string());
    // The table itself, or the rule helpers whose whole purpose is its facts.
    bool reads_table = false;
    for (const char* header : {"core/instance_types.h", "rules/util/instance_facts.h", "rules/util/compute_facts.h"}) {
      reads_table = reads_table || source.find(header) != std::string::npos;
    }
    if (!reads_table) continue;
    std::string id = "PCL" + file.substr(3, 4);
    INFO(file);
    const engine::RuleMeta* meta = catalog.FindById(id);
    REQUIRE(meta);
    CHECK(std::find(meta->facts.begin(), meta->facts.end(), "instance-types") != meta->facts.end());
  }
}

}  // namespace
}  // namespace pcl::testing
