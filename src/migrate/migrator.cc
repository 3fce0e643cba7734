// Orchestrates a migration: validation, the translators in the official section order, the
// migration report, comments, the YAML text, and the v2 origins of findings on the result.
#include <map>
#include <set>

#include "engine/rule_meta.h"
#include "generated/ids/input.h"
#include "generated/rule_kinds.h"
#include "migrate/ledger.h"
#include "migrate/migrate.h"
#include "migrate/translators.h"
#include "migrate/yaml_emit.h"
#include "model/json_pointer.h"

namespace pcl::migrate {
namespace {

using ConvertFn = void (*)(Context&, OutNode&);

// migration.md §3: the top-level keys in the order the official converter writes them.
constexpr ConvertFn kSections[] = {ConvertRegion,         ConvertImage,
                                   ConvertCustomS3Bucket, ConvertAdditionalResources,
                                   ConvertClusterIam,     ConvertAdditionalPackages,
                                   ConvertTags,           ConvertSharedStorage,
                                   ConvertMonitoring,     ConvertHeadNode,
                                   ConvertScheduling,     ConvertDevSettings};

// The parser's interpolation findings matter only for values that are read: configparser
// raises when such a value is read, not before.
bool Relevant(const model::Diagnostic& d, const Context& ctx) {
  if (d.rule_id != ids::kInvalidInterpolation) return true;
  auto tokens = model::SplitPointer(d.pointer);
  if (!tokens || tokens->size() != 2) return true;
  return ctx.read_keys().count({(*tokens)[0], (*tokens)[1]}) > 0;
}

}  // namespace

MigrationResult Migrate(const model::Document& v2doc, const std::vector<model::Diagnostic>& parse_findings,
                        const MigrateOptions& options) {
  MigrationResult result;
  Context ctx(v2doc, options);
  std::vector<std::string> trailer;
  const bool usable = v2doc.root.kind == model::NodeKind::kMapping;
  if (usable && Validate(ctx)) {
    result.cluster_section = ctx.cluster;
    OutNode root = OutNode::Map();
    for (ConvertFn convert : kSections) convert(ctx, root);
    result.keys = BuildLedger(ctx, root);
    trailer = CarryComments(ctx, result.keys, root);
    result.tree = std::move(root);
  }
  for (const model::Diagnostic& d : parse_findings) {
    if (Relevant(d, ctx)) result.findings.push_back(d);
  }
  for (model::Diagnostic& d : ctx.findings) result.findings.push_back(std::move(d));
  const std::string path = v2doc.source ? v2doc.source->path() : std::string();
  engine::ApplyRuleDefaults(path, result.findings);
  model::SortDiagnostics(result.findings);
  bool blocked = !usable || !v2doc.ok || result.cluster_section.empty();
  for (const model::Diagnostic& d : result.findings) {
    if (d.severity == model::Severity::kError && !d.suppressed) blocked = true;
  }
  result.ok = !blocked;
  if (result.ok) {
    result.yaml = EmitYaml(result.tree, ctx.header);
    if (!trailer.empty()) {
      result.yaml += "\n";
      for (const std::string& line : trailer) result.yaml += CommentText(line) + "\n";
    }
  }
  return result;
}

std::vector<model::Diagnostic> MigrationFindings(const model::Document& v2doc, const MigrateOptions& options) {
  MigrateOptions quiet = options;
  quiet.header_comments = false;
  return Migrate(v2doc, {}, quiet).findings;
}

void NoteV2Origins(const MigrationResult& result, const model::Document& v2doc,
                   std::vector<model::Diagnostic>& checked) {
  std::map<KeyRef, model::Range> ranges;
  for (const KeyFate& fate : result.keys) ranges[{fate.section, fate.key}] = fate.key_range;
  const std::string v2_path = v2doc.source ? v2doc.source->path() : std::string();
  for (model::Diagnostic& d : checked) {
    // Point back at the v2 setting the value came from (or the nearest one above it).
    auto tokens = model::SplitPointer(d.pointer);
    if (!tokens) continue;
    for (bool exact = true;; exact = false) {
      std::string pointer;
      for (const std::string& token : *tokens) pointer = model::AppendPointer(pointer, token);
      const OutNode* node = FindOut(result.tree, pointer);
      if (node && !node->origins.empty()) {
        const KeyRef& origin = node->origins.front();
        auto where = ranges.find(origin);
        const model::Range range = where == ranges.end() ? model::Range{} : where->second;
        const ids::RuleInfo* rule = ids::FindRule(d.rule_id);
        if (exact && range.begin.Known() && rule && rule->stage == ids::Stage::kSchema) {
          // A value the target release's schema refuses is the v2 setting's problem: report it there, where
          // the user edits, and keep the converted line as the note.
          d.notes.push_back({"converted to this v3 value", d.file, d.range.begin});
          d.message =
              origin.key + " in [" + origin.section + "] converts to a value the v3 schema refuses: " + d.message;
          d.file = v2_path;
          d.range = range;
        } else {
          d.notes.push_back({"converted from " + origin.key + " in [" + origin.section + "]", v2_path, range.begin});
        }
        break;
      }
      if (tokens->empty()) break;
      tokens->pop_back();
    }
  }
}

}  // namespace pcl::migrate
