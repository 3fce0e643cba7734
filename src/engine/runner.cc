// Orchestrates the check of one file: load/parse → (later: schema, rules) → severities → sort.
#include "engine/runner.h"

#include "engine/rule_meta.h"
#include "parsers/rule_ids.h"
#include "schema/schema_check.h"

namespace pcl::engine {
namespace {

FileResult Finish(const std::string& path, parsers::ParseResult parsed, const CheckOptions& options) {
  FileResult result;
  result.path = path;
  result.document = std::move(parsed.document);
  result.diagnostics = std::move(parsed.diagnostics);
  const model::Document& doc = result.document;
  if (doc.ok && doc.format == model::Format::kYamlV3 && doc.root.kind != model::NodeKind::kMapping) {
    model::Diagnostic d;
    d.rule_id = parsers::kNotAMapping;
    d.range = doc.root.range;
    if (!d.range.begin.Known()) d.range.begin = d.range.end = {1, 1};
    d.message = doc.root.kind == model::NodeKind::kNull
                    ? "the file is empty; a cluster config is a mapping (Image, HeadNode, Scheduling, ...)"
                    : "a cluster config is a mapping of keys, not a " +
                          std::string(model::NodeKindName(doc.root.kind));
    result.diagnostics.push_back(std::move(d));
  } else if (doc.ok && doc.format == model::Format::kYamlV3) {
    for (auto& d : schema::CheckSchema(doc, {options.target_version})) result.diagnostics.push_back(std::move(d));
  }
  ApplyRuleDefaults(path, result.diagnostics);
  model::SortDiagnostics(result.diagnostics);
  return result;
}

}  // namespace

void ApplyRuleDefaults(const std::string& path, std::vector<model::Diagnostic>& diagnostics) {
  const RuleCatalog& catalog = RuleCatalog::Embedded();
  for (model::Diagnostic& d : diagnostics) {
    if (d.file.empty()) d.file = path;
    if (const RuleMeta* meta = catalog.FindById(d.rule_id)) d.severity = meta->severity;
  }
}

FileResult CheckFile(const std::string& path, const CheckOptions& options) {
  return Finish(path, parsers::LoadFile(path, options.load), options);
}

FileResult CheckText(const std::string& path, std::string text, const CheckOptions& options) {
  return Finish(path, parsers::LoadText(path, std::move(text), options.load), options);
}

}  // namespace pcl::engine
