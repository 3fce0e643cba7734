// Rule metadata: from rules/*.yaml (read with our own YAML front end), or from the CBOR pack the
// build makes of them (what the binary embeds).
#include "engine/rule_meta.h"

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <set>

#include "data/embedded.h"
#include "data/rule_table.h"
#include "engine/pointer_pattern.h"
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

// Checks what every rule needs; false (with messages) if the rule cannot be used.
bool Validate(const std::string& path, const std::string& severity_text, RuleMeta& meta,
              std::vector<std::string>& errors) {
  auto severity = model::ParseSeverity(severity_text);
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

// `applies_to: {at: [patterns], since: "3.4", until: "3.15"}`: where and when the rule runs.
bool ReadAppliesTo(const std::string& path, const nlohmann::json& applies, RuleMeta& meta,
                   std::vector<std::string>& errors) {
  auto fail = [&](const std::string& why) {
    errors.push_back(path + ": applies_to: " + why);
    return false;
  };
  if (!applies.is_object()) return fail("must be a mapping with at, since and until");
  for (const auto& [key, value] : applies.items()) {
    if (key == "at") {
      if (meta.implementation == "data") return fail("a data rule says where it applies in match.at");
      const nlohmann::json list = value.is_string() ? nlohmann::json::array({value}) : value;
      if (!list.is_array() || list.empty()) return fail("at must be a pointer pattern or a list of them");
      for (const auto& pattern : list) {
        if (!pattern.is_string() || !IsValidPattern(pattern.get<std::string>())) {
          return fail("at: '" + pattern.dump() + "' is not a pointer pattern like /Scheduling/SlurmQueues/*");
        }
        meta.at.push_back(pattern.get<std::string>());
      }
    } else if (key == "since" || key == "until") {
      std::optional<core::Release> release =
          value.is_string() ? core::Release::Parse(value.get<std::string>()) : std::nullopt;
      if (!release) return fail(key + " must be a release written as a string, like \"3.4\"");
      (key == "since" ? meta.since : meta.until) = release;
    } else {
      return fail("unknown key '" + key + "' (known: at, since, until)");
    }
  }
  if (meta.since && meta.until && *meta.until <= *meta.since) return fail("until must be a later release than since");
  return true;
}

// The documentation fields (rationale, remediation, references, examples) from `fields`.
void ReadDocs(const nlohmann::json& fields, RuleMeta& meta) {
  meta.rationale = Text(fields, "rationale");
  meta.remediation = Text(fields, "remediation");
  meta.references = TextList(fields, "references");
  auto examples = fields.find("examples");
  if (examples != fields.end() && examples->is_object()) {
    meta.good_examples = TextList(*examples, "good");
    meta.bad_examples = TextList(*examples, "bad");
  }
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
      "references", "validator", "options", "examples", "match", "applies_to"};
  for (const auto& [key, value] : root.items()) {
    if (!kKnown.count(key)) errors.push_back(path + ": unknown field '" + key + "'");
  }
  meta.source_path = path;
  meta.id = Text(root, "id");
  meta.name = Text(root, "name");
  meta.implementation = Text(root, "implementation");
  meta.summary = Text(root, "summary");
  meta.validator = Text(root, "validator");
  ReadDocs(root, meta);
  if (root.contains("options")) meta.options = root["options"];
  if (root.contains("match")) meta.match = root["match"];
  bool applies_ok = true;
  if (root.contains("applies_to")) applies_ok = ReadAppliesTo(path, root["applies_to"], meta, errors);
  return Validate(path, Text(root, "severity"), meta, errors) && applies_ok;
}

nlohmann::json DecodeEmbedded(const char* path, std::vector<std::string>& errors) {
  auto packed = data::FindEmbedded(path);
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

void RuleCatalog::Add(const std::string& path, const nlohmann::json& fields, std::vector<std::string>& errors) {
  RuleMeta meta;
  if (ReadRule(path, fields, meta, errors)) Insert(std::move(meta), errors);
}

void RuleCatalog::Insert(RuleMeta meta, std::vector<std::string>& errors) {
  if (rules_.count(meta.id)) {
    errors.push_back(meta.source_path + ": duplicate rule id " + meta.id);
    return;
  }
  if (name_to_id_.count(meta.name)) {
    errors.push_back(meta.source_path + ": duplicate rule name " + meta.name);
    return;
  }
  name_to_id_[meta.name] = meta.id;
  std::string id = meta.id;
  rules_.emplace(std::move(id), std::move(meta));
}

// Straight from the generated table into RuleMeta: building JSON objects to read them back cost
// more than the rest of the start-up together.
RuleCatalog RuleCatalog::FromTable(bool with_docs, std::vector<std::string>& errors) {
  RuleCatalog catalog;
  nlohmann::json docs = with_docs ? DecodeEmbedded("generated/rule-docs.cbor", errors) : nlohmann::json::object();
  for (const data::PackedRule& rule : data::PackedRules()) {
    RuleMeta meta;
    meta.source_path = rule.path;
    meta.id = rule.id;
    meta.name = rule.name;
    meta.implementation = rule.implementation;
    meta.summary = rule.summary;
    meta.validator = rule.validator;
    if (!rule.options_cbor.empty()) meta.options = DecodeCbor(rule.options_cbor);
    if (!rule.match_cbor.empty()) meta.match = DecodeCbor(rule.match_cbor);
    if (!rule.applies_to_cbor.empty() && !ReadAppliesTo(meta.source_path, DecodeCbor(rule.applies_to_cbor), meta, errors)) {
      continue;
    }
    if (auto doc = docs.find(meta.source_path); doc != docs.end()) ReadDocs(*doc, meta);
    if (Validate(meta.source_path, std::string(rule.severity), meta, errors)) catalog.Insert(std::move(meta), errors);
  }
  return catalog;
}

namespace {

RuleCatalog LoadEmbedded(bool with_docs) {
  std::vector<std::string> errors;
  RuleCatalog catalog = RuleCatalog::FromTable(with_docs, errors);
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

void ApplyRuleDefaults(const std::string& path, std::vector<model::Diagnostic>& diagnostics) {
  const RuleCatalog& catalog = RuleCatalog::Embedded();
  for (model::Diagnostic& d : diagnostics) {
    if (d.file.empty()) d.file = path;
    if (const RuleMeta* meta = catalog.FindById(d.rule_id)) d.severity = meta->severity;
  }
}

}  // namespace pcl::engine
