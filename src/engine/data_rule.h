// Rules written as data: a pointer pattern, JSON Schema conditions and a message template.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/rule.h"

namespace pcl::engine {

/// Interprets a rule file's `match` block:
///   at: /Scheduling/SlurmQueues/*/ComputeResources/*   (JSON-pointer pattern, '*' = any;
///       or a list of patterns)
///   document-when: {schema}   optional; the whole document must satisfy it
///   when: {schema}            optional; the matched node must satisfy it
///   assert: {schema}          the matched node must satisfy it, else a finding
///   message: "… {value} …"    placeholders: {value} {key} {pointer} {options.NAME}
///                             {field.KEY} (child of the node) {parent.KEY} (child of the
///                             nearest enclosing mapping, e.g. the queue of a compute resource)
///   report: value|key|/Child  where the finding points (default: value)
/// Strings "{{options.NAME}}" inside the schemas are replaced by the option's value first.
class DataRule : public Rule {
 public:
  /// Compiles the rule with its effective options; nullptr and `error` set if the block is bad.
  static std::unique_ptr<DataRule> Create(const RuleMeta& meta, const nlohmann::json& options, std::string& error);
  ~DataRule() override;

  void Check(const RuleContext& context) const override;

 private:
  DataRule() = default;

  std::vector<std::string> at_;
  std::string message_;
  std::string report_ = "value";
  // Conditions as JSON Schema documents (schema/match.h evaluates them); null = absent.
  nlohmann::json document_when_;
  nlohmann::json when_;
  nlohmann::json assert_;
};

/// Replaces "{{options.NAME}}" strings in `schema` with the option values.
nlohmann::json SubstituteOptions(const nlohmann::json& schema, const nlohmann::json& options);

}  // namespace pcl::engine
