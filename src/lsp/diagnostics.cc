// Findings as LSP Diagnostic objects (range in UTF-16, severity, code = rule id, notes, tags).
#include "lsp/diagnostics.h"

#include <algorithm>

namespace pcl::lsp {
namespace {

using json = nlohmann::json;

json ToLspPosition(LspPosition position) {
  return {{"line", position.line}, {"character", position.character}};
}

int LspSeverity(model::Severity severity) {
  switch (severity) {
    case model::Severity::kError: return 1;
    case model::Severity::kWarning: return 2;
    case model::Severity::kInfo: return 3;
  }
  return 1;
}

// DiagnosticTag: 1 Unnecessary (shown faded), 2 Deprecated (shown struck through).
json TagsOf(const std::string& rule_id) {
  static const std::vector<std::string> kUnnecessary = {"PCL0014" /* unused-suppression */,
                                                        "PCL1012" /* duplicate-list-item */};
  static const std::vector<std::string> kDeprecated = {
      "PCL1011" /* key-removed-in-release */, "PCL7001" /* os-end-of-life */, "PCL7002" /* os-end-of-life-soon */};
  json tags = json::array();
  if (std::find(kUnnecessary.begin(), kUnnecessary.end(), rule_id) != kUnnecessary.end()) tags.push_back(1);
  if (std::find(kDeprecated.begin(), kDeprecated.end(), rule_id) != kDeprecated.end()) tags.push_back(2);
  return tags;
}

}  // namespace

json ToLspRange(const LineText& text, const model::Range& range) {
  LspPosition start = text.FromModel(range.begin.line, range.begin.column);
  LspPosition end = range.end.Known() ? text.FromModel(range.end.line, range.end.column) : start;
  if (end.line < start.line || (end.line == start.line && end.character < start.character)) end = start;
  return {{"start", ToLspPosition(start)}, {"end", ToLspPosition(end)}};
}

json ToLspDiagnostic(const model::Diagnostic& finding, const Analysis& analysis, const std::string& uri) {
  json out = {{"range", ToLspRange(analysis.text, finding.range)},
              {"severity", LspSeverity(finding.severity)},
              {"code", finding.rule_id},
              {"source", "pcluster-lint"},
              {"message", finding.message}};
  json tags = TagsOf(finding.rule_id);
  if (!tags.empty()) out["tags"] = std::move(tags);
  json related = json::array();
  for (const model::Note& note : finding.notes) {
    bool here = note.file.empty() || note.file == analysis.result.path;
    // A note in another file: its column counts bytes there (that text is not at hand); exact
    // for ASCII lines, which is what configs are in practice.
    LspPosition position =
        here ? analysis.text.FromModel(note.position.line, note.position.column)
             : LspPosition{std::max(note.position.line - 1, 0), std::max(note.position.column - 1, 0)};
    json location = {{"uri", here ? uri : PathToUri(note.file)},
                     {"range", {{"start", ToLspPosition(position)}, {"end", ToLspPosition(position)}}}};
    related.push_back({{"location", std::move(location)}, {"message", note.message}});
  }
  if (!related.empty()) out["relatedInformation"] = std::move(related);
  return out;
}

json PublishParams(const std::string& uri, const Analysis& analysis) {
  json diagnostics = json::array();
  if (analysis.is_config) {
    for (const model::Diagnostic& finding : analysis.result.diagnostics) {
      if (!finding.suppressed) diagnostics.push_back(ToLspDiagnostic(finding, analysis, uri));
    }
  }
  return {{"uri", uri}, {"version", analysis.version}, {"diagnostics", std::move(diagnostics)}};
}

}  // namespace pcl::lsp
