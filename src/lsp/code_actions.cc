// textDocument/codeAction: did-you-mean replacements, "suppress with a reason", and for a v2
// file the command that writes its migration beside it.
#include "lsp/diagnostics.h"
#include "lsp/features.h"

namespace pcl::lsp {
namespace {

using json = nlohmann::json;

bool NotAfter(const json& a, const json& b) {
  return a["line"].get<int>() < b["line"].get<int>() ||
         (a["line"].get<int>() == b["line"].get<int>() && a["character"].get<int>() <= b["character"].get<int>());
}

json Edit(const std::string& uri, json range, std::string text) {
  return {{"changes", {{uri, json::array({{{"range", std::move(range)}, {"newText", std::move(text)}}})}}}};
}

}  // namespace

std::vector<std::string> DidYouMean(const std::string& message) {
  static const std::string kLead = "did you mean ";
  std::vector<std::string> out;
  size_t at = message.rfind(kLead);
  if (at == std::string::npos) return out;
  at += kLead.size();
  size_t end = message.find('?', at);
  while (at < end) {
    size_t open = message.find('\'', at);
    if (open == std::string::npos || open >= end) break;
    size_t close = message.find('\'', open + 1);
    if (close == std::string::npos || close > end) break;
    out.push_back(message.substr(open + 1, close - open - 1));
    at = close + 1;
  }
  return out;
}

json CodeActions(const OpenDocument& document, const Analysis& analysis, const json& range) {
  json actions = json::array();
  if (!analysis.is_config) return actions;
  const std::string& uri = document.uri;
  for (const model::Diagnostic& finding : analysis.result.diagnostics) {
    if (finding.suppressed || !finding.range.begin.Known()) continue;
    json diagnostic = ToLspDiagnostic(finding, analysis, uri);
    const json& at = diagnostic["range"];
    if (!NotAfter(at["start"], range["end"]) || !NotAfter(range["start"], at["end"])) continue;
    bool first = true;
    for (const std::string& suggestion : DidYouMean(finding.message)) {
      // Keep the quotes the value was written with.
      size_t begin = document.text.OffsetOf({at["start"]["line"], at["start"]["character"]});
      size_t end = document.text.OffsetOf({at["end"]["line"], at["end"]["character"]});
      std::string_view written = std::string_view(document.text.text()).substr(begin, end - begin);
      std::string replacement = suggestion;
      if (written.size() >= 2 && (written.front() == '"' || written.front() == '\'') &&
          written.back() == written.front()) {
        replacement = written.front() + suggestion + written.back();
      }
      actions.push_back({{"title", "Replace with '" + suggestion + "'"},
                         {"kind", "quickfix"},
                         {"isPreferred", first},
                         {"diagnostics", json::array({diagnostic})},
                         {"edit", Edit(uri, at, replacement)}});
      first = false;
    }
    const int line = finding.range.begin.line - 1;
    std::string_view text = document.text.Line(line);
    std::string indent(text.substr(0, std::min(text.find_first_not_of(" \t"), text.size())));
    json insert_at = {{"line", line}, {"character", 0}};
    actions.push_back({{"title", "Suppress " + finding.rule_id + " here (with a reason)"},
                       {"kind", "quickfix"},
                       {"diagnostics", json::array({diagnostic})},
                       {"edit", Edit(uri, {{"start", insert_at}, {"end", insert_at}},
                                     indent + "# pcluster-lint: disable=" + finding.rule_id + " -- \n")}});
  }
  const model::Format format = analysis.result.document.format;
  if (format == model::Format::kIniV2 || format == model::Format::kTomlV2) {
    json command = {{"title", "Write the v3 migration beside this file"},
                    {"command", kMigrateCommand},
                    {"arguments", json::array({uri})}};
    actions.push_back({{"title", "Write the v3 migration beside this file"}, {"kind", "source"}, {"command", command}});
  }
  return actions;
}

}  // namespace pcl::lsp
