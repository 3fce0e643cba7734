// Builds the rules of a run (data rules compiled with their options, native rules) and runs them.
#include "pipeline/registry.h"

#include <map>

#include "engine/data_rule.h"
#include "generated/ids/input.h"
#include "generated/rule_kinds.h"
#include "rules/native_rules.h"

namespace pcl::pipeline {

std::unique_ptr<RuleSet> RuleSet::Build(const Selection& selection, std::string& error) {
  auto set = std::make_unique<RuleSet>();
  set->selection_ = selection;
  std::map<std::string, std::unique_ptr<engine::Rule> (*)()> natives;
  for (const auto& entry : rules::NativeRules()) natives[entry.id] = entry.create;
  for (const auto& [id, meta] : engine::RuleCatalog::Embedded().rules()) {
    if (meta.implementation == ids::Implementation::kBuiltin || !selection.Enabled(id)) continue;
    Entry entry{&meta, selection.OptionsOf(meta), nullptr};
    if (meta.implementation == ids::Implementation::kData) {
      std::string why;
      entry.rule = engine::DataRule::Create(meta, entry.options, why);
      if (!entry.rule) {
        error = meta.source_path + ": " + why;
        return nullptr;
      }
    } else {
      auto native = natives.find(id);
      if (native == natives.end()) {
        error = meta.source_path + ": native rule " + id + " has no factory in the generated native rule table";
        return nullptr;
      }
      entry.rule = native->second();
    }
    set->entries_.push_back(std::move(entry));
  }
  return set;
}

void RuleSet::Run(const model::Document& document, std::vector<model::Diagnostic>& out) const {
  engine::FileCache cache;  // shared by the rules of this file
  for (const Entry& entry : entries_) {
    if (!selection_.EnabledFor(entry.meta->id, document.path())) continue;
    engine::RuleContext context(
        document, *entry.meta, entry.options, selection_.target_version(),
        [&out](model::Diagnostic d) { out.push_back(std::move(d)); }, &cache);
    context.set_cluster_name(selection_.config().cluster_name);
    try {
      entry.rule->Run(context);
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
  std::vector<std::string> evaluated;
  const bool v3 = format == model::Format::kYamlV3;
  for (const auto& [id, meta] : engine::RuleCatalog::Embedded().rules()) {
    if (!selection_.Enabled(id)) continue;
    // Input findings apply to every file; schema and lint to v3; migration to v2; update never to check.
    switch (meta.stage) {
      case ids::Stage::kInput: evaluated.push_back(id); break;
      case ids::Stage::kSchema:
      case ids::Stage::kLint:
        if (v3) evaluated.push_back(id);
        break;
      case ids::Stage::kMigration:
        if (!v3) evaluated.push_back(id);
        break;
      case ids::Stage::kUpdate: break;
    }
  }
  return evaluated;
}

}  // namespace pcl::pipeline
