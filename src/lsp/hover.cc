// textDocument/hover: a key's schema description and type (with its release range), and the
// `explain` text of the findings under the cursor.
#include <set>

#include "engine/rule_explain.h"
#include "lsp/cursor_context.h"
#include "lsp/diagnostics.h"
#include "lsp/features.h"
#include "lsp/schema_docs.h"

namespace pcl::lsp {
namespace {

using json = nlohmann::json;

bool Before(const json& a, LspPosition b) {
  int line = a["line"].get<int>();
  return line < b.line || (line == b.line && a["character"].get<int>() <= b.character);
}

// The schema part: "**Key** (type)", the description, the release range.
std::string KeyDocs(const Analysis& analysis, const std::vector<std::string>& path) {
  const json* root = DocumentedSchema(analysis.target_version);
  const json* schema = root ? SchemaAt(*root, path) : nullptr;
  if (!schema) return "";
  std::string out = "**" + path.back() + "**";
  if (std::string type = TypeName(*schema); !type.empty()) out += " — " + type;
  out += "\n\n";
  if (schema->contains("description") && (*schema)["description"].is_string()) {
    out += (*schema)["description"].get<std::string>() + "\n\n";
  }
  if (schema->contains("enum") && (*schema)["enum"].is_array()) {
    std::string values;
    for (const json& value : (*schema)["enum"]) {
      values += (values.empty() ? "" : ", ") + std::string("`") +
                (value.is_string() ? value.get<std::string>() : value.dump()) + "`";
    }
    out += "Allowed values: " + values + "\n\n";
  }
  if (std::string range = ReleaseRange(path); !range.empty()) out += "Available in " + range + ".\n\n";
  out += "Schema of ParallelCluster " + analysis.target_version + ".";
  return out;
}

}  // namespace

json Hover(const OpenDocument& document, const Analysis& analysis, LspPosition position) {
  if (!analysis.is_config) return nullptr;
  std::vector<std::string> parts;
  if (analysis.result.document.format == model::Format::kYamlV3) {
    CursorContext context = ContextAt(document.text, position);
    if (!context.key_under_cursor.empty()) {
      context.path.push_back(context.key_under_cursor);
      if (std::string docs = KeyDocs(analysis, context.path); !docs.empty()) parts.push_back(docs);
    }
  }
  std::set<std::string> explained;
  const engine::RuleCatalog& catalog = engine::RuleCatalog::EmbeddedWithDocs();
  for (const model::Diagnostic& finding : analysis.result.diagnostics) {
    if (finding.suppressed || !finding.range.begin.Known()) continue;
    json range = ToLspRange(analysis.text, finding.range);
    if (!Before(range["start"], position) || Before(range["end"], {position.line, position.character - 1})) continue;
    if (!explained.insert(finding.rule_id).second) continue;
    if (const engine::RuleMeta* meta = catalog.FindById(finding.rule_id)) {
      parts.push_back("```text\n" + engine::ExplainText(*meta) + "```");
    }
  }
  if (parts.empty()) return nullptr;
  std::string value;
  for (const std::string& part : parts) value += (value.empty() ? "" : "\n\n---\n\n") + part;
  return {{"contents", {{"kind", "markdown"}, {"value", value}}}};
}

}  // namespace pcl::lsp
