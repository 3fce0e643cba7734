// Schema check of a v3 document: coerce → schema verdict → explain failures → native checks.
#include "schema/schema_check.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/release.h"
#include "model/json_pointer.h"
#include "model/pointer_index.h"
#include "schema/coerce.h"
#include "schema/explain.h"
#include "schema/match.h"
#include "schema/native_checks.h"
#include "schema/problem.h"
#include "schema/schema_store.h"

namespace pcl::schema {
namespace {

using model::Diagnostic;
using model::Node;

// Finds the node for `pointer`, falling back to the nearest existing ancestor.
const Node* Resolve(const model::PointerIndex& nodes, const Node& root, std::string pointer,
                    const model::MapEntry** entry) {
  while (true) {
    *entry = nullptr;
    if (const Node* node = nodes.Find(pointer, entry)) return node;
    if (pointer.empty()) return &root;
    pointer.resize(pointer.rfind('/'));
  }
}

model::Range RangeOf(const model::PointerIndex& nodes, const Node& root, const std::string& pointer, Anchor anchor) {
  const model::MapEntry* entry = nullptr;
  const Node* node = Resolve(nodes, root, pointer, &entry);
  model::Range range = node->range;
  if (entry && (anchor != Anchor::kValue || !range.begin.Known())) range = entry->key_range;
  // The root mapping starts at its first key; a finding about the file as a whole goes to 1:1.
  if (!range.begin.Known() || (node == &root && anchor == Anchor::kMapping)) range.begin = range.end = {1, 1};
  return range;
}

// Where byte `offset` of a string value is in the file, when the YAML form maps text to source
// one to one: a literal block (`|`, each content line is a source line less the block's
// indentation, which the first non-blank line sets) or a plain or single-quoted scalar on one
// line without escapes. Otherwise the value's start.
model::Range OffsetInValue(const model::SourceFile& source, const Node& node, size_t offset, model::Range range) {
  const std::string& text = node.text;
  if (node.kind != model::NodeKind::kString || offset >= text.size() || !range.begin.Known()) return range;
  size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = (offset == 0 || line_start == std::string::npos) ? 0 : line_start + 1;
  const int value_line = static_cast<int>(std::count(text.begin(), text.begin() + line_start, '\n'));
  const int column_in_line = static_cast<int>(offset - line_start);
  model::Position at;
  if (node.style == model::ScalarStyle::kLiteral) {
    at.line = range.begin.line + 1 + value_line;
    if (at.line > source.LineCount()) return range;
    size_t indent = std::string_view::npos;  // deeper lines keep their extra spaces in the value
    for (int line = range.begin.line + 1; line <= at.line && indent == std::string_view::npos; ++line) {
      std::string_view text_line = source.Line(line);
      if (text_line.find_first_not_of(" \r") != std::string_view::npos) indent = text_line.find_first_not_of(' ');
    }
    if (indent == std::string_view::npos) return range;
    at.column = static_cast<int>(indent) + 1 + column_in_line;
  } else if (range.end.line == range.begin.line && text.find('\n') == std::string::npos &&
             (node.style == model::ScalarStyle::kPlain ||
              (node.style == model::ScalarStyle::kSingleQuoted && text.find('\'') == std::string::npos))) {
    at.line = range.begin.line;
    at.column = range.begin.column + (node.style == model::ScalarStyle::kSingleQuoted ? 1 : 0) + column_in_line;
  } else {
    return range;
  }
  return {at, {at.line, at.column + 1}};
}

// The last resort when the document fails the schema but the explainer could not say why: one
// finding at the deepest failing value rather than none. No known input reaches it.
Problem FallbackProblem(const nlohmann::json& schema, const nlohmann::json& instance) {
  Problem problem;
  problem.rule_id = ids::kSchemaViolation;
  problem.pointer = problem.anchor_pointer = DeepestFailure(schema, instance, "");
  problem.message = (problem.pointer.empty() ? std::string("the config") : "the value at " + problem.pointer) +
                    " does not match the schema, and no more specific reason was found";
  problem.anchor = Anchor::kValue;
  return problem;
}

// Drops a cross-field problem when one of the keys it involves has its own finding (fix that
// first; the official tool runs cross-field checks only on otherwise clean objects), and exact
// duplicates (one finding per problem).
std::vector<Problem> Prune(std::vector<Problem> problems) {
  std::set<std::string> field_pointers;
  std::set<std::string> wrong_types;
  for (const Problem& problem : problems) {
    if (!problem.cross_field) field_pointers.insert(problem.pointer);
    if (problem.rule_id == std::string(ids::kWrongType)) wrong_types.insert(problem.pointer);
  }
  std::vector<Problem> kept;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::set<std::string> coerced;
  for (Problem& problem : problems) {
    if (problem.cross_field) {
      bool shadowed = false;
      for (const std::string& pointer : problem.involved) shadowed = shadowed || field_pointers.count(pointer);
      for (const std::string& pointer : problem.reads) shadowed = shadowed || wrong_types.count(pointer);
      if (shadowed) continue;
    }
    // An overlong value reported by the coercion pass also fails its pattern: report it once.
    if (problem.rule_id == std::string(ids::kLengthOutOfRange)) coerced.insert(problem.pointer);
    if (problem.rule_id == std::string(ids::kPatternMismatch) && coerced.count(problem.pointer)) continue;
    if (!seen.insert({problem.rule_id, problem.message, problem.anchor_pointer}).second) continue;
    kept.push_back(std::move(problem));
  }
  return kept;
}

std::vector<Problem> FindProblems(const model::Document& document, const SchemaBundle& bundle,
                                  const std::string& target) {
  const Path root{"", "", ""};
  std::vector<Problem> problems;
  nlohmann::json instance = CoerceToJson(document.root, bundle.document, root, problems);
  // The evaluator decides; the explainer only runs (and words the failures) when there are some.
  if (!Matches(bundle.document, instance)) {
    size_t before = problems.size();
    ExplainContext context{document.root, target, problems};
    Explain(bundle.document, instance, root, context);
    if (problems.size() == before && before == 0) problems.push_back(FallbackProblem(bundle.document, instance));
  }
  RunNativeChecks(instance, bundle.document, target, problems);
  return problems;
}

}  // namespace

bool IsKnownVersion(const std::string& version) {
  for (const std::string& known : KnownVersions()) {
    if (known == version) return true;
  }
  return false;
}

std::string ReleaseOf(std::string_view version) {
  std::optional<core::Release> release = core::Release::Parse(version);
  if (!release) return std::string(version);
  std::string feature = release->FeatureRelease().ToString();
  return IsKnownVersion(feature) ? feature : std::string(version);
}

std::string KnownRange() {
  const std::vector<std::string>& known = KnownVersions();
  if (known.empty()) return "none bundled";
  return known.front() + " … " + known.back();
}

std::vector<Diagnostic> CheckSchema(const model::Document& document, const SchemaOptions& options) {
  std::vector<Diagnostic> diagnostics;
  const SchemaBundle* bundle = FindSchema(options.target_version);
  if (!bundle || !document.ok) return diagnostics;
  std::vector<Problem> problems;
  try {
    problems = FindProblems(document, *bundle, options.target_version);
  } catch (const std::exception& e) {
    // Only a defect of the bundled schema could get here; report it instead of aborting the run.
    Problem problem;
    problem.message = std::string("the schema check failed: ") + e.what();
    problems = {problem};
  }

  const model::PointerIndex nodes(document.root);
  for (const Problem& problem : Prune(std::move(problems))) {
    Diagnostic diagnostic;
    diagnostic.rule_id = problem.rule_id;
    diagnostic.message = problem.message;
    diagnostic.file = document.path();
    diagnostic.pointer = problem.pointer;
    diagnostic.range = RangeOf(nodes, document.root, problem.anchor_pointer, problem.anchor);
    if (problem.value_offset != std::string::npos && document.source) {
      if (const Node* node = nodes.Find(problem.anchor_pointer)) {
        diagnostic.range = OffsetInValue(*document.source, *node, problem.value_offset, diagnostic.range);
      }
    }
    if (!problem.note_pointer.empty()) {
      model::Note note;
      note.message = problem.note_message;
      note.file = document.path();
      note.position = RangeOf(nodes, document.root, problem.note_pointer, Anchor::kValue).begin;
      diagnostic.notes.push_back(std::move(note));
    }
    diagnostics.push_back(std::move(diagnostic));
  }
  return diagnostics;
}

}  // namespace pcl::schema
