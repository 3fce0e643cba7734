// Builds the rules of a run (data rules compiled with their options, native rules) and runs them.
#include "engine/registry.h"

#include <map>

#include "engine/data_rule.h"
#include "generated/rule_ids.h"
#include "rules/native_rules.h"

namespace pcl::engine {

std::unique_ptr<RuleSet> RuleSet::Build(const Selection& selection, std::string& error) {
  auto set = std::make_unique<RuleSet>();
  set->selection_ = selection;
  std::map<std::string, std::unique_ptr<Rule> (*)()> natives;
  for (const auto& entry : rules::NativeRules()) natives[entry.id] = entry.create;
  for (const auto& [id, meta] : RuleCatalog::Embedded().rules()) {
    if (meta.implementation == "builtin" || !selection.Enabled(id)) continue;
    Entry entry{&meta, selection.OptionsOf(meta), nullptr};
    if (meta.implementation == "data") {
      std::string why;
      entry.rule = DataRule::Create(meta, entry.options, why);
      if (!entry.rule) {
        error = meta.source_path + ": " + why;
        return nullptr;
      }
    } else {
      auto native = natives.find(id);
      if (native == natives.end()) {
        error = meta.source_path + ": native rule " + id + " is not in src/rules/native_rules.cc";
        return nullptr;
      }
      entry.rule = native->second();
    }
    set->entries_.push_back(std::move(entry));
  }
  return set;
}

void RuleSet::Run(const model::Document& document, std::vector<model::Diagnostic>& out) const {
  std::optional<nlohmann::json> root_json;  // shared by the rules of this file
  for (const Entry& entry : entries_) {
    if (!selection_.EnabledFor(entry.meta->id, document.path())) continue;
    RuleContext context(document, *entry.meta, entry.options, selection_.target_version(),
                        [&out](model::Diagnostic d) { out.push_back(std::move(d)); }, &root_json);
    try {
      entry.rule->Check(context);
    } catch (const std::exception& e) {
      model::Diagnostic d;
      d.rule_id = ids::kRuleCrashed;
      d.file = document.path();
      d.message = "rule " + entry.meta->id + " (" + entry.meta->name + ") failed: " + e.what() +
                  "; its findings for this file are missing";
      out.push_back(std::move(d));
    } catch (...) {
      model::Diagnostic d;
      d.rule_id = ids::kRuleCrashed;
      d.file = document.path();
      d.message = "rule " + entry.meta->id + " (" + entry.meta->name + ") failed; its findings are missing";
      out.push_back(std::move(d));
    }
  }
}

std::vector<std::string> RuleSet::EvaluatedIds(model::Format format) const {
  std::vector<std::string> ids;
  const bool v3 = format == model::Format::kYamlV3;
  for (const auto& [id, meta] : RuleCatalog::Embedded().rules()) {
    if (!selection_.Enabled(id)) continue;
    const char family = id.size() > 3 ? id[3] : '?';
    if (meta.implementation == "builtin") {
      // Input findings apply to every file; schema to v3; migration to v2; diff never to check.
      if (family == '0' || (family == '1' && v3) || (family == '2' && !v3)) ids.push_back(id);
    } else if (v3) {
      ids.push_back(id);
    }
  }
  return ids;
}

}  // namespace pcl::engine
