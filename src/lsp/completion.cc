// textDocument/completion: the keys a mapping may still take and the values a key allows, from
// the schema of the target release.
#include "lsp/cursor_context.h"
#include "lsp/features.h"
#include "lsp/schema_docs.h"

namespace pcl::lsp {
namespace {

using json = nlohmann::json;

// CompletionItemKind values.
constexpr int kProperty = 10;
constexpr int kValue = 12;

std::string Description(const json& schema) {
  auto it = schema.find("description");
  return it != schema.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

json Completion(const OpenDocument& document, const Analysis& analysis, LspPosition position) {
  json items = json::array();
  // v2 files have no schema; a YAML file that failed to parse still gets completion.
  const model::Format format = analysis.result.document.format;
  if (!analysis.is_config || (format != model::Format::kYamlV3 && format != model::Format::kUnknown)) {
    return {{"isIncomplete", false}, {"items", items}};
  }
  const json* root = DocumentedSchema(analysis.target_version);
  CursorContext context = ContextAt(document.text, position);
  if (!root) return {{"isIncomplete", false}, {"items", items}};
  if (!context.value_of.empty()) {
    context.path.push_back(context.value_of);
    const json* schema = SchemaAt(*root, context.path);
    json values = schema ? schema->value("enum", json::array()) : json::array();
    if (schema && schema->value("type", json()) == "boolean") values = {true, false};
    for (const json& value : values) {
      std::string label = value.is_string() ? value.get<std::string>() : value.dump();
      items.push_back({{"label", label}, {"kind", kValue}, {"detail", context.value_of}});
    }
    return {{"isIncomplete", false}, {"items", items}};
  }
  const json* schema = SchemaAt(*root, context.path);
  if (!schema || !schema->contains("properties") || !(*schema)["properties"].is_object()) {
    return {{"isIncomplete", false}, {"items", items}};
  }
  std::vector<std::string> required;
  if (schema->contains("required") && (*schema)["required"].is_array()) {
    for (const json& name : (*schema)["required"]) {
      if (name.is_string()) required.push_back(name.get<std::string>());
    }
  }
  for (const auto& [key, property] : (*schema)["properties"].items()) {
    if (context.siblings.count(key)) continue;
    bool is_required = std::find(required.begin(), required.end(), key) != required.end();
    json item = {{"label", key},
                 {"kind", kProperty},
                 {"detail", TypeName(property) + (is_required ? " (required)" : "")},
                 {"insertText", key + ": "},
                 // Required keys first, then alphabetical (the schema's order).
                 {"sortText", (is_required ? "0" : "1") + key}};
    if (std::string description = Description(property); !description.empty()) {
      item["documentation"] = {{"kind", "plaintext"}, {"value", description}};
    }
    items.push_back(std::move(item));
  }
  return {{"isIncomplete", false}, {"items", items}};
}

}  // namespace pcl::lsp
