// Rule metadata: from rules/*.yaml (read with our own YAML front end), or from the CBOR pack the
// build makes of them (what the binary embeds).
#include "engine/rule_meta.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
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

// The index of `text` in `names` (the generated enum's names), or -1.
template <size_t N>
int IndexOf(const std::string_view (&names)[N], std::string_view text) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<int>(i);
  }
  return -1;
}

// The one-line fields as written in the rule file (or the packed table).
struct Fields {
  std::string_view severity, implementation, stage, fatal;
  nlohmann::json options;  ///< the `options:` declarations (null if absent)
};

// Checks what every rule needs and reads the typed fields; false (with messages) if the rule
// cannot be used.
bool Validate(const std::string& path, const Fields& fields, RuleMeta& meta, std::vector<std::string>& errors) {
  auto severity = model::ParseSeverity(fields.severity);
  bool ok = true;
  auto fail = [&](const std::string& why) {
    errors.push_back(path + ": " + why);
    ok = false;
  };
  if (!IsRuleId(meta.id)) fail("id must be PCL followed by 4 digits");
  if (!IsKebabCase(meta.name)) fail("name must be kebab-case");
  if (!severity) fail("severity must be error, warning or info");
  if (meta.summary.empty()) fail("summary is required");
  const int kind = IndexOf(ids::kImplementationNames, fields.implementation);
  const int stage = IndexOf(ids::kStageNames, fields.stage);
  if (kind < 0) fail("implementation must be builtin, native or data");
  if (stage < 0) fail("stage must be input, schema, migration, lint or update");
  if (fields.fatal != "" && fields.fatal != "true" && fields.fatal != "false") fail("fatal must be true or false");
  if (kind >= 0) meta.implementation = static_cast<ids::Implementation>(kind);
  if (stage >= 0) meta.stage = static_cast<ids::Stage>(stage);
  meta.fatal = fields.fatal == "true";
  if (meta.implementation != ids::Implementation::kBuiltin && meta.stage != ids::Stage::kLint) {
    fail("a data or native rule runs in the lint stage (stage: lint)");
  }
  if (meta.implementation == ids::Implementation::kData && !meta.match.is_object())
    fail("a data rule needs a match block");
  std::vector<std::string> option_errors;
  meta.option_specs = ReadOptionSpecs(fields.options, option_errors);
  meta.options = OptionDefaults(meta.option_specs);
  for (const auto& error : option_errors) fail(error);
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
      if (meta.implementation == ids::Implementation::kData)
        return fail("a data rule says where it applies in match.at");
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
  meta.facts = TextList(fields, "facts");
  auto examples = fields.find("examples");
  if (examples != fields.end() && examples->is_object()) {
    meta.good_examples = TextList(*examples, "good");
    meta.bad_examples = TextList(*examples, "bad");
  }
}

// Reads one rule from its fields (the rule file as JSON data).
bool ReadRule(const std::string& path, const nlohmann::json& root, RuleMeta& meta, std::vector<std::string>& errors) {
  if (!root.is_object()) {
    errors.push_back(path + ": not a valid rule file (YAML mapping expected)");
    return false;
  }
  for (const auto& [key, value] : root.items()) {
    if (std::find(data::kRuleFileFields.begin(), data::kRuleFileFields.end(), key) == data::kRuleFileFields.end())
      errors.push_back(path + ": unknown field '" + key + "'");
  }
  meta.source_path = path;
  meta.id = Text(root, "id");
  meta.name = Text(root, "name");
  meta.summary = Text(root, "summary");
  meta.validator = Text(root, "validator");
  ReadDocs(root, meta);
  for (const std::string& table : meta.facts) {
    if (table != "instance-types")
      errors.push_back(path + ": unknown facts table '" + table + "' (known: instance-types)");
  }
  if (root.contains("match")) meta.match = root["match"];
  const std::string severity = Text(root, "severity"), implementation = Text(root, "implementation"),
                    stage = Text(root, "stage"), fatal = Text(root, "fatal");
  const bool valid =
      Validate(path, {severity, implementation, stage, fatal, root.value("options", nlohmann::json())}, meta, errors);
  // After Validate: applies_to depends on the implementation it reads.
  return valid && (!root.contains("applies_to") || ReadAppliesTo(path, root["applies_to"], meta, errors));
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
    meta.summary = rule.summary;
    meta.validator = rule.validator;
    if (!rule.match_cbor.empty()) meta.match = DecodeCbor(rule.match_cbor);
    if (auto doc = docs.find(meta.source_path); doc != docs.end()) ReadDocs(*doc, meta);
    Fields fields{rule.severity, rule.implementation, rule.stage, rule.fatal, DecodeCbor(rule.options_cbor)};
    if (!Validate(meta.source_path, fields, meta, errors)) continue;
    if (!rule.applies_to_cbor.empty() &&
        !ReadAppliesTo(meta.source_path, DecodeCbor(rule.applies_to_cbor), meta, errors)) {
      continue;
    }
    catalog.Insert(std::move(meta), errors);
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
