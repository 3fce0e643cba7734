// Orchestrates the check of one file: load/parse → schema and rules (v3) or migration blockers (v2)
// → selection → suppressions → sort.
#include "pipeline/runner.h"

#include <future>
#include <set>

#include "engine/rule_meta.h"
#include "generated/ids/input.h"
#include "generated/rule_kinds.h"
#include "migrate/migrate.h"
#include "pipeline/registry.h"
#include "pipeline/rejected.h"
#include "pipeline/suppression.h"
#include "schema/schema_check.h"

namespace pcl::pipeline {
namespace {

model::Diagnostic NotAMapping(const model::Document& doc) {
  model::Diagnostic d;
  d.rule_id = ids::kDocumentNotAMapping;
  d.range = doc.root.range;
  if (!d.range.begin.Known()) d.range.begin = d.range.end = {1, 1};
  d.message = doc.root.kind == model::NodeKind::kNull
                  ? "the file is empty; a cluster config is a mapping (Image, HeadNode, Scheduling, ...)"
                  : "a cluster config is a mapping of keys, not a " + std::string(model::NodeKindName(doc.root.kind));
  return d;
}

// Drops findings of rules that are off for this path and applies severity overrides.
void ApplySelection(const Selection& selection, const std::string& path, std::vector<model::Diagnostic>& diagnostics) {
  std::vector<model::Diagnostic> kept;
  const engine::RuleCatalog& catalog = engine::RuleCatalog::Embedded();
  for (auto& d : diagnostics) {
    if (!selection.EnabledFor(d.rule_id, path)) continue;
    if (d.file.empty()) d.file = path;
    if (const engine::RuleMeta* meta = catalog.FindById(d.rule_id)) d.severity = selection.SeverityOf(*meta);
    kept.push_back(std::move(d));
  }
  diagnostics = std::move(kept);
}

FileResult Finish(const std::string& path, parsers::ParseResult parsed, const CheckOptions& options) {
  FileResult result;
  result.path = path;
  result.document = std::move(parsed.document);
  result.diagnostics = std::move(parsed.diagnostics);
  const model::Document& doc = result.document;
  const bool v3_mapping = doc.ok && doc.format == model::Format::kYamlV3 && doc.root.kind == model::NodeKind::kMapping;
  if (doc.ok && doc.format == model::Format::kYamlV3 && !v3_mapping) {
    result.diagnostics.push_back(NotAMapping(doc));
  }
  if (v3_mapping) {
    std::string version = options.rules ? options.rules->selection().target_version() : options.target_version;
    // A stage whose rules are all off costs nothing.
    const bool schema_on = !options.rules || options.rules->selection().AnyEnabled(ids::Stage::kSchema);
    std::vector<model::Diagnostic> schema_findings;
    std::vector<model::Diagnostic> rule_findings;
    const bool parallel = schema_on && options.rules && options.parallel_stages;
    if (parallel) {
      // Both stages only read the document. The rules run on the whole tree meanwhile; in the
      // rare file with a wrong-typed node they run again below.
      auto schema_stage =
          std::async(std::launch::async, [&doc, &version] { return schema::CheckSchema(doc, {version}); });
      options.rules->Run(doc, rule_findings);
      schema_findings = schema_stage.get();
    } else if (schema_on) {
      schema_findings = schema::CheckSchema(doc, {version});
    }
    // A node of the wrong type gets its schema finding and nothing else: the rules do not read
    // the list item that holds it, or nothing at all (see RulesView). `ComputeResources:` written
    // as a mapping was read as compute resources named after its keys. With the schema check
    // off, nothing is rejected.
    const std::set<std::string> rejected = WrongTypedPointers(schema_findings);
    DropBelowRejected(rejected, schema_findings);
    if (options.rules && !rejected.empty()) {
      rule_findings.clear();
      if (auto view = RulesView(doc, rejected)) options.rules->Run(*view, rule_findings);
    } else if (options.rules && !parallel) {
      options.rules->Run(doc, rule_findings);
    }
    for (auto* stage : {&schema_findings, &rule_findings}) {
      for (auto& d : *stage) result.diagnostics.push_back(std::move(d));
    }
  }
  const bool v2 = doc.format == model::Format::kIniV2 || doc.format == model::Format::kTomlV2;
  if (doc.ok && v2 && (!options.rules || options.rules->selection().AnyEnabled(ids::Stage::kMigration))) {
    // A v2 file is checked for what blocks or changes its migration (PCL2xxx). No account id
    // is asked for: `check` writes nothing, so role names need no ARN here.
    migrate::MigrateOptions migrate_options;
    migrate_options.require_account = false;
    for (auto& d : migrate::MigrationFindings(doc, migrate_options)) result.diagnostics.push_back(std::move(d));
  }
  static const Selection kDefaults;
  const Selection& selection = options.rules ? options.rules->selection() : kDefaults;
  std::vector<Suppression> suppressions;
  if (options.inline_suppressions && doc.source) suppressions = ReadSuppressions(doc, result.diagnostics);
  ApplySelection(selection, path, result.diagnostics);
  if (options.inline_suppressions && doc.source) {
    ApplySuppressions(doc, suppressions, selection, result.diagnostics);
    ApplySelection(selection, path, result.diagnostics);  // severities of the unused-suppression findings
  }
  model::SortDiagnostics(result.diagnostics);
  return result;
}

}  // namespace

FileResult CheckFile(const std::string& path, const CheckOptions& options) {
  return Finish(path, parsers::LoadFile(path, options.load), options);
}

FileResult CheckStdin(const std::string& name, const CheckOptions& options) {
  return Finish(name, parsers::LoadStdin(name, options.load), options);
}

FileResult CheckText(const std::string& path, std::string text, const CheckOptions& options) {
  return Finish(path, parsers::LoadText(path, std::move(text), options.load), options);
}

std::vector<model::Diagnostic> CheckMigratedYaml(const std::string& output_name, const migrate::MigrationResult& result,
                                                 const model::Document& v2doc, const std::string& target_version,
                                                 const RuleSet* rules) {
  CheckOptions options;
  options.target_version = target_version;
  options.rules = rules;
  FileResult checked = CheckText(output_name, result.yaml, options);
  migrate::NoteV2Origins(result, v2doc, checked.diagnostics);
  return std::move(checked.diagnostics);
}

}  // namespace pcl::pipeline
