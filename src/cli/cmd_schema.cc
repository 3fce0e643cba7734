// `pcluster-lint schema [--target-version 3.N]`: print the bundled JSON Schema of a release.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "data/embedded.h"
#include "pipeline/output.h"
#include "schema/lenient_export.h"
#include "schema/schema_check.h"
#include "schema/schema_store.h"

namespace pcl::cli {

int RunSchema(const std::string& version) {
  if (!schema::IsKnownVersion(version)) {
    std::string known;
    for (const std::string& release : schema::KnownVersions()) known += (known.empty() ? "" : ", ") + release;
    std::cerr << "pcluster-lint: unknown ParallelCluster release '" << version << "'; known: " << known << "\n";
    return kExitUsage;
  }
  auto text = data::FindEmbedded("schemas/cluster-config-" + version + ".schema.json");
  if (!text) {
    std::cerr << "pcluster-lint: internal error: the schema of " << version << " is not bundled\n";
    return kExitInternal;
  }
  // For editors: as lenient as ParallelCluster's loader (a value the checker accepts must not be
  // marked by yaml-language-server), with its descriptions for hover.
  nlohmann::json bundled = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!bundled.is_object()) {
    std::cerr << "pcluster-lint: internal error: the bundled schema of " << version << " is not JSON\n";
    return kExitInternal;
  }
  std::string error = pipeline::WriteOutput("-", schema::LenientSchema(bundled).dump(2) + "\n", {});
  if (!error.empty()) {
    std::cerr << "pcluster-lint: " << error << "\n";
    return kExitUsage;
  }
  return kExitClean;
}

}  // namespace pcl::cli
