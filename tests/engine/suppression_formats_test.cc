// Suppression directives in v2 INI and TOML files, and a v2 directive carried by migrate to the
// v3 key its setting became.
#include <catch2/catch.hpp>

#include "engine/engine_support.h"
#include "migrate/migrate.h"
#include "pipeline/runner.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

// A complete v2 config; update_check is dropped by migration (PCL2022, a warning).
std::string V2Ini(const std::string& directive_line, const std::string& trailing = "") {
  return "[aws]\naws_region_name = us-east-1\n\n[global]\ncluster_template = default\n" + directive_line +
         "update_check = true" + trailing +
         "\n\n[cluster default]\nkey_name = a\nbase_os = alinux2\n"
         "scheduler = slurm\nvpc_settings = public\nqueue_settings = q1\n\n[vpc public]\n"
         "master_subnet_id = subnet-0123456789abcdef0\nssh_from = 0.0.0.0/0\n\n[queue q1]\n"
         "compute_resource_settings = cr1\n\n[compute_resource cr1]\ninstance_type = t3.micro\n";
}

TEST_CASE("INI suppressions: line before, end of line, reasonless, unused", "[engine][suppression]") {
  auto rules = OnlyRules({"PCL0", "PCL2022"});
  CHECK(Findings(CheckWith(*rules, "c.ini", V2Ini("")), "PCL2022") ==
        "6:1 PCL2022 update_check = true is no longer supported in ParallelCluster 3 and is left out "
        "(v3 has no update check setting)\n");
  CHECK(Findings(CheckWith(*rules, "c.ini", V2Ini("# pcluster-lint: disable=PCL2022 -- no v3 equivalent\n"))).empty());
  CHECK(Findings(CheckWith(*rules, "c.ini", V2Ini("", " ; pcluster-lint: disable=setting-no-longer-supported -- ok")))
            .empty());
  CHECK(Findings(CheckWith(*rules, "c.ini", V2Ini("; pcluster-lint: disable=PCL2022\n"))) ==
        "6:1 PCL0013 suppression without a reason; add '-- why this is fine'\n");
  CHECK(Findings(CheckWith(*rules, "c.ini", V2Ini("; pcluster-lint: disable=PCL0003 -- x\n"))) ==
        "6:1 PCL0014 unused suppression: nothing here triggers PCL0003\n"
        "7:1 PCL2022 update_check = true is no longer supported in ParallelCluster 3 and is left out "
        "(v3 has no update check setting)\n");
}

TEST_CASE("TOML suppressions apply to the key below and file-wide", "[engine][suppression]") {
  auto rules = OnlyRules({"PCL0", "PCL2022"});
  const std::string body =
      "[aws]\naws_region_name = \"us-east-1\"\n\n[global]\ncluster_template = \"default\"\nupdate_check = true\n\n"
      "[cluster.default]\nkey_name = \"a\"\nbase_os = \"alinux2\"\nscheduler = \"slurm\"\nvpc_settings = \"public\"\n"
      "queue_settings = \"q1\"\n\n[vpc.public]\nmaster_subnet_id = \"subnet-0123456789abcdef0\"\n\n"
      "[queue.q1]\ncompute_resource_settings = \"cr1\"\n\n[compute_resource.cr1]\ninstance_type = \"t3.micro\"\n";
  CHECK_FALSE(Findings(CheckWith(*rules, "c.toml", body), "PCL2022").empty());
  CHECK(Findings(CheckWith(*rules, "c.toml", "# pcluster-lint: disable-file=PCL2022 -- legacy\n" + body)).empty());
}

TEST_CASE("a v2 suppression follows its setting into the migrated YAML", "[engine][suppression][migrate]") {
  std::string ini = V2Ini("");
  const std::string ssh = "ssh_from = 0.0.0.0/0\n";
  ini.replace(ini.find(ssh), ssh.size(), "# pcluster-lint: disable=PCL3001 -- bastion only, behind a NACL\n" + ssh);
  parsers::ParseResult parsed = ParseIni(ini);
  migrate::MigrateOptions options;
  options.header_comments = false;
  migrate::MigrationResult migrated = migrate::Migrate(parsed.document, parsed.diagnostics, options);
  REQUIRE(migrated.ok);
  INFO(migrated.yaml);
  CHECK(migrated.yaml.find("# pcluster-lint: disable=PCL3001 -- bastion only, behind a NACL") != std::string::npos);
  auto rules = OnlyRules({"PCL3001"});
  pipeline::FileResult checked = CheckWith(*rules, "cluster.yaml", migrated.yaml);
  REQUIRE(checked.diagnostics.size() == 1);
  CHECK(checked.diagnostics[0].rule_id == "PCL3001");
  CHECK(checked.diagnostics[0].suppressed);
  CHECK(checked.diagnostics[0].suppression_reason == "bastion only, behind a NACL");
}

}  // namespace
}  // namespace pcl::testing
