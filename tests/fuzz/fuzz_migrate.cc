// libFuzzer target: the v2 → v3 migrator (the schema check of its output, and that its YAML reads
// back as the tree it wrote) on any INI bytes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "../migrate/round_trip.h"
#include "migrate/migrate.h"
#include "parsers/load.h"
#include "pipeline/runner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pcl::parsers::LoadOptions load;
  load.forced_format = pcl::model::Format::kIniV2;
  auto parsed = pcl::parsers::LoadText("fuzz.ini", std::string(reinterpret_cast<const char*>(data), size), load);
  pcl::migrate::MigrateOptions options;
  options.account_id = "123456789012";  // role names become ARNs instead of stopping the migration
  options.force_convert = true;         // the DevSettings-only parameters too
  auto result = pcl::migrate::Migrate(parsed.document, parsed.diagnostics, options);
  // A migration that succeeded must produce YAML our own front end reads and checks.
  if (result.ok) pcl::pipeline::CheckMigratedYaml("fuzz.yaml", result, parsed.document, "3.12");
  // Every value written reads back as the same value and type (YAML 1.1: a string is quoted
  // whenever the reader's resolver would read its plain form as something else).
  if (result.ok && !result.tree.entries.empty()) {
    std::string difference = pcl::roundtrip::ReadBackDifference(result.tree, result.yaml);
    if (!difference.empty()) {
      std::fprintf(stderr, "migrated YAML does not read back as written: %s\n%s", difference.c_str(),
                   result.yaml.c_str());
      __builtin_trap();
    }
  }
  return 0;
}
