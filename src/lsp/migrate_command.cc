// workspace/executeCommand pcluster-lint.migrate: writes a v2 document's v3 migration beside it,
// as `pcluster-lint migrate` would name it, and never over an existing file.
#include <filesystem>

#include "lsp/features.h"
#include "migrate/migrate.h"
#include "parsers/load.h"
#include "pipeline/output.h"

namespace pcl::lsp {

std::string WriteMigration(const OpenDocument& document, bool& ok, std::string& written_path) {
  ok = false;
  std::filesystem::path input(document.path);
  if (UriToPath(document.uri).empty()) return "only files on disk can be migrated beside themselves";
  parsers::ParseResult parsed = parsers::LoadText(document.path, document.text.text());
  const model::Format format = parsed.document.format;
  if (format != model::Format::kIniV2 && format != model::Format::kTomlV2) {
    return document.path + " is not a ParallelCluster 2 config; nothing to migrate";
  }
  migrate::MigrationResult result = migrate::Migrate(parsed.document, parsed.diagnostics, {});
  if (!result.ok) {
    for (const model::Diagnostic& finding : result.findings) {
      if (finding.severity == model::Severity::kError) {
        return "not migrated: " + finding.rule_id + " " + finding.message + " (line " +
               std::to_string(finding.range.begin.line) + ")";
      }
    }
    return "not migrated: the file could not be read as a v2 config";
  }
  // x.ini / x.toml / x.cfg → x.yaml; `config` → config.yaml (as `pcluster-lint migrate` names it).
  std::filesystem::path output = input.has_extension() ? std::filesystem::path(input).replace_extension(".yaml")
                                                       : std::filesystem::path(input.string() + ".yaml");
  // Never replaces a file, and never the v2 original (a `config` file's sibling could be a link to it).
  pipeline::ProtectedFiles guard;
  guard.AddInput(input.string());
  if (std::string error =
          pipeline::WriteOutput(output.string(), result.yaml, {.replace = false, .mode = 0600, .guard = &guard});
      !error.empty()) {
    return "not migrated: " + error;
  }
  ok = true;
  written_path = output.string();
  return "migration written to " + written_path;
}

}  // namespace pcl::lsp
