// Rule metadata: from rules/*.yaml (read with our own YAML front end), or from the CBOR pack the
// build makes of them (what the binary embeds).
#include "engine/rule_meta.h"

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <set>

#include "engine/rule_table.h"
#include "model/embedded.h"
#include "parsers/yaml_v3.h"

namespace pcl::engine {
namespace {

using model::Node;
using model::NodeKind;

// PCL followed by four digits. (No std::regex: matching costs more than reading the rule.)
bool IsRuleId(const std::string& id) {
  return id.size() == 7 && id.rfind("PCL", 0) == 0 &&
         std::all_of(id.begin() + 3, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// [a-z0-9]+(-[a-z0-9]+)*
bool IsKebabCase(const std::string& name) {
  if (name.empty() || name.front() == '-' || name.back() == '-' || name.find("--") != std::string::npos) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Scalars as the text a user wrote (a YAML 1.1 `yes` or `1.0` in a text field stays text).
std::string Text(const nlohmann::json& fields, const char* key) {
  auto it = fields.find(key);
  if (it == fields.end() || it->is_null() || it->is_structured()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

std::vector<std::string> TextList(const nlohmann::json& fields, const char* key) {
  std::vector<std::string> out;
  auto it = fields.find(key);
  if (it == fields.end() || !it->is_array()) return out;
  for (const auto& item : *it) out.push_back(item.is_string() ? item.get<std::string>() : item.dump());
  return out;
}

// Reads one rule from its fields (the rule file as JSON data).
bool ReadRule(const std::string& path, const nlohmann::json& root, RuleMeta& meta,
              std::vector<std::string>& errors) {
  if (!root.is_object()) {
    errors.push_back(path + ": not a valid rule file (YAML mapping expected)");
    return false;
  }
  static const std::set<std::string> kKnown = {
      "id", "name", "severity", "implementation", "summary", "rationale", "remediation",
      "references", "validator", "options", "examples", "match"};
  for (const auto& [key, value] : root.items()) {
    if (!kKnown.count(key)) errors.push_back(path + ": unknown field '" + key + "'");
  }
  meta.source_path = path;
  meta.id = Text(root, "id");
  meta.name = Text(root, "name");
  meta.implementation = Text(root, "implementation");
  meta.summary = Text(root, "summary");
  meta.rationale = Text(root, "rationale");
  meta.remediation = Text(root, "remediation");
  meta.validator = Text(root, "validator");
  meta.references = TextList(root, "references");
  if (root.contains("options")) meta.options = root["options"];
  if (root.contains("match")) meta.match = root["match"];
  if (root.contains("examples") && root["examples"].is_object()) {
    meta.good_examples = TextList(root["examples"], "good");
    meta.bad_examples = TextList(root["examples"], "bad");
  }
  auto severity = model::ParseSeverity(Text(root, "severity"));
  bool ok = true;
  auto fail = [&](const std::string& why) {
    errors.push_back(path + ": " + why);
    ok = false;
  };
  if (!IsRuleId(meta.id)) fail("id must be PCL followed by 4 digits");
  if (!IsKebabCase(meta.name)) fail("name must be kebab-case");
  if (!severity) fail("severity must be error, warning or info");
  if (meta.summary.empty()) fail("summary is required");
  if (meta.implementation != "builtin" && meta.implementation != "native" &&
      meta.implementation != "data") {
    fail("implementation must be builtin, native or data");
  }
  if (meta.implementation == "data" && !meta.match.is_object()) fail("a data rule needs a match block");
  if (severity) meta.severity = *severity;
  return ok;
}

}  // namespace

RuleCatalog RuleCatalog::FromFiles(const std::vector<std::pair<std::string, std::string>>& files,
                                   std::vector<std::string>& errors) {
  RuleCatalog catalog;
  for (const auto& [path, text] : files) {
    auto parsed = parsers::ParseYamlV3(std::make_shared<model::SourceFile>(path, text));
    if (!parsed.document.ok || !parsed.diagnostics.empty()) {
      errors.push_back(path + ": not a valid rule file (YAML mapping expected)");
      continue;
    }
    catalog.Add(path, model::ToJson(parsed.document.root), errors);
  }
  return catalog;
}

RuleCatalog RuleCatalog::FromPacked(const nlohmann::json& packed, std::vector<std::string>& errors) {
  RuleCatalog catalog;
  if (!packed.is_object()) errors.push_back("the packed rule catalogue is not a JSON object");
  for (const auto& [path, fields] : packed.items()) catalog.Add(path, fields, errors);
  return catalog;
}

void RuleCatalog::Add(const std::string& path, const nlohmann::json& fields, std::vector<std::string>& errors) {
  RuleMeta meta;
  if (!ReadRule(path, fields, meta, errors)) return;
  if (rules_.count(meta.id)) {
    errors.push_back(path + ": duplicate rule id " + meta.id);
    return;
  }
  if (name_to_id_.count(meta.name)) {
    errors.push_back(path + ": duplicate rule name " + meta.name);
    return;
  }
  name_to_id_[meta.name] = meta.id;
  rules_[meta.id] = std::move(meta);
}

namespace {

nlohmann::json DecodeEmbedded(const char* path, std::vector<std::string>& errors) {
  auto packed = model::FindEmbedded(path);
  if (!packed) {
    errors.push_back(std::string(path) + " is not embedded");
    return nlohmann::json::object();
  }
  nlohmann::json value = nlohmann::json::from_cbor(packed->begin(), packed->end(), true, false);
  if (!value.is_object()) errors.push_back(std::string(path) + " is not a packed rule catalogue");
  return value.is_object() ? value : nlohmann::json::object();
}

nlohmann::json DecodeCbor(std::string_view bytes) {
  if (bytes.empty()) return nullptr;
  return nlohmann::json::from_cbor(bytes.begin(), bytes.end(), true, false);
}

RuleCatalog LoadEmbedded(bool with_docs) {
  std::vector<std::string> errors;
  nlohmann::json docs = with_docs ? DecodeEmbedded("generated/rule-docs.cbor", errors) : nlohmann::json::object();
  nlohmann::json packed = nlohmann::json::object();
  for (const PackedRule& rule : PackedRules()) {
    nlohmann::json fields = {{"id", rule.id}, {"name", rule.name}, {"severity", rule.severity},
                             {"implementation", rule.implementation}, {"summary", rule.summary}};
    if (!rule.validator.empty()) fields["validator"] = rule.validator;
    if (!rule.options_cbor.empty()) fields["options"] = DecodeCbor(rule.options_cbor);
    if (!rule.match_cbor.empty()) fields["match"] = DecodeCbor(rule.match_cbor);
    const std::string path(rule.path);
    if (docs.contains(path)) fields.update(docs[path]);
    packed[path] = std::move(fields);
  }
  RuleCatalog catalog = RuleCatalog::FromPacked(packed, errors);
  if (!errors.empty()) {
    for (const auto& error : errors) std::fprintf(stderr, "pcluster-lint: internal error: %s\n", error.c_str());
    std::exit(3);
  }
  return catalog;
}

}  // namespace

const RuleCatalog& RuleCatalog::Embedded() {
  static const RuleCatalog kCatalog = LoadEmbedded(false);
  return kCatalog;
}

const RuleCatalog& RuleCatalog::EmbeddedWithDocs() {
  static const RuleCatalog kCatalog = LoadEmbedded(true);
  return kCatalog;
}

const RuleMeta* RuleCatalog::FindById(const std::string& id) const {
  auto it = rules_.find(id);
  return it == rules_.end() ? nullptr : &it->second;
}

const RuleMeta* RuleCatalog::Find(const std::string& id_or_name) const {
  if (const RuleMeta* meta = FindById(id_or_name)) return meta;
  auto it = name_to_id_.find(id_or_name);
  return it == name_to_id_.end() ? nullptr : FindById(it->second);
}

}  // namespace pcl::engine
