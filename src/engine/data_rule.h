// Rules written as data: a pointer pattern, JSON Schema conditions and a message template.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/rule.h"

namespace valijson {
class Schema;
}

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
  static std::unique_ptr<DataRule> Create(const RuleMeta& meta, const nlohmann::json& options,
                                          std::string& error);
  ~DataRule() override;

  void Check(const RuleContext& context) const override;

 private:
  DataRule() = default;

  std::vector<std::string> at_;
  std::string message_;
  std::string report_ = "value";
  std::unique_ptr<valijson::Schema> document_when_;
  std::unique_ptr<valijson::Schema> when_;
  std::unique_ptr<valijson::Schema> assert_;
};

/// Replaces "{{options.NAME}}" strings in `schema` with the option values.
nlohmann::json SubstituteOptions(const nlohmann::json& schema, const nlohmann::json& options);
/// Compiles a draft-07 schema fragment with valijson; nullptr and `error` set on failure.
std::unique_ptr<valijson::Schema> CompileSchema(const nlohmann::json& schema, std::string& error);
/// Whether `instance` satisfies `schema`.
bool Satisfies(const valijson::Schema& schema, const nlohmann::json& instance);

}  // namespace pcl::engine
