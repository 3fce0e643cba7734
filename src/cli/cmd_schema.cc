// `pcluster-lint schema [--target-version 3.N]`: print the bundled JSON Schema of a release.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/output.h"
#include "model/embedded.h"
#include "schema/schema_check.h"
#include "schema/schema_store.h"

namespace pcl::cli {
namespace {

int RunSchema(const std::string& version) {
  if (!schema::IsKnownVersion(version)) {
    std::string known;
    for (const std::string& release : schema::KnownVersions()) known += (known.empty() ? "" : ", ") + release;
    std::cerr << "pcluster-lint: unknown ParallelCluster release '" << version << "'; known: " << known << "\n";
    return kExitUsage;
  }
  auto text = model::FindEmbedded("schemas/cluster-config-" + version + ".schema.json");
  if (!text) {
    std::cerr << "pcluster-lint: internal error: the schema of " << version << " is not bundled\n";
    return kExitInternal;
  }
  // The bundled file as is (byte for byte), so it can be saved and given to an editor.
  std::string error = WriteOutput("-", std::string(*text), {});
  if (!error.empty()) {
    std::cerr << "pcluster-lint: " << error << "\n";
    return kExitUsage;
  }
  return kExitClean;
}

}  // namespace

void AddSchemaCommand(CLI::App& app, int& exit_code) {
  auto version = std::make_shared<std::string>(schema::kDefaultTargetVersion);
  CLI::App* cmd = app.add_subcommand("schema", "Print the bundled JSON Schema of a ParallelCluster release.");
  cmd->add_option("--target-version", *version, "ParallelCluster release, 3.0 … 3.12 (default: the newest)")
      ->transform(schema::ReleaseOf);
  cmd->callback([version, &exit_code] { exit_code = RunSchema(*version); });
}

}  // namespace pcl::cli
