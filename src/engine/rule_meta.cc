// Reads rules/*.yaml (with our own YAML front end) into rule metadata.
#include "engine/rule_meta.h"

#include <cstdio>
#include <cstdlib>
#include <regex>
#include <set>

#include "model/embedded.h"
#include "parsers/yaml_v3.h"

namespace pcl::engine {
namespace {

using model::Node;
using model::NodeKind;

std::string Text(const Node* node) { return node && node->IsScalar() ? node->text : std::string(); }

std::vector<std::string> TextList(const Node* node) {
  std::vector<std::string> out;
  if (node && node->kind == NodeKind::kSequence) {
    for (const Node& item : node->items) out.push_back(item.text);
  }
  return out;
}

bool ReadRule(const std::string& path, const std::string& text, RuleMeta& meta,
              std::vector<std::string>& errors) {
  auto source = std::make_shared<model::SourceFile>(path, text);
  parsers::ParseResult parsed = parsers::ParseYamlV3(source);
  if (!parsed.document.ok || !parsed.diagnostics.empty() ||
      parsed.document.root.kind != NodeKind::kMapping) {
    errors.push_back(path + ": not a valid rule file (YAML mapping expected)");
    return false;
  }
  static const std::set<std::string> kKnown = {
      "id", "name", "severity", "implementation", "summary", "rationale", "remediation",
      "references", "validator", "options", "examples", "match"};
  const Node& root = parsed.document.root;
  for (const auto& entry : root.entries) {
    if (!kKnown.count(entry.key)) errors.push_back(path + ": unknown field '" + entry.key + "'");
  }
  meta.source_path = path;
  meta.id = Text(root.Find("id"));
  meta.name = Text(root.Find("name"));
  meta.implementation = Text(root.Find("implementation"));
  meta.summary = Text(root.Find("summary"));
  meta.rationale = Text(root.Find("rationale"));
  meta.remediation = Text(root.Find("remediation"));
  meta.validator = Text(root.Find("validator"));
  meta.references = TextList(root.Find("references"));
  if (const Node* options = root.Find("options")) meta.options = model::ToJson(*options);
  if (const Node* match = root.Find("match")) meta.match = model::ToJson(*match);
  if (const Node* examples = root.Find("examples")) {
    meta.good_examples = TextList(examples->Find("good"));
    meta.bad_examples = TextList(examples->Find("bad"));
  }
  auto severity = model::ParseSeverity(Text(root.Find("severity")));
  static const std::regex kId("PCL[0-9]{4}");
  static const std::regex kName("[a-z0-9]+(-[a-z0-9]+)*");
  bool ok = true;
  auto fail = [&](const std::string& why) {
    errors.push_back(path + ": " + why);
    ok = false;
  };
  if (!std::regex_match(meta.id, kId)) fail("id must be PCL followed by 4 digits");
  if (!std::regex_match(meta.name, kName)) fail("name must be kebab-case");
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
    RuleMeta meta;
    if (!ReadRule(path, text, meta, errors)) continue;
    if (catalog.rules_.count(meta.id)) {
      errors.push_back(path + ": duplicate rule id " + meta.id);
      continue;
    }
    if (catalog.name_to_id_.count(meta.name)) {
      errors.push_back(path + ": duplicate rule name " + meta.name);
      continue;
    }
    catalog.name_to_id_[meta.name] = meta.id;
    catalog.rules_[meta.id] = std::move(meta);
  }
  return catalog;
}

const RuleCatalog& RuleCatalog::Embedded() {
  static const RuleCatalog kCatalog = [] {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& file : model::EmbeddedFiles()) {
      if (file.path.rfind("rules/", 0) == 0) files.emplace_back(file.path, file.data);
    }
    std::vector<std::string> errors;
    RuleCatalog catalog = FromFiles(files, errors);
    if (!errors.empty()) {
      for (const auto& error : errors) std::fprintf(stderr, "pcluster-lint: internal error: %s\n", error.c_str());
      std::exit(3);
    }
    return catalog;
  }();
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
