// libFuzzer target: the v2 → v3 migrator (and the schema check of its output) on any INI bytes.
#include <cstddef>
#include <cstdint>
#include <string>

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
  return 0;
}
