// Builds the rules of a run (data rules compiled with their options, native rules) and runs them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "pipeline/selection.h"

namespace pcl::pipeline {

/// The rules enabled for a run, built once per process and shared by every file (read-only).
class RuleSet {
 public:
  /// Builds every enabled data and native rule. A broken rule file or a native rule missing
  /// from the table is an error (a build defect the registry tests catch).
  static std::unique_ptr<RuleSet> Build(const Selection& selection, std::string& error);

  /// Runs the rules enabled for `document`'s path on a v3 document; a rule that throws becomes a
  /// PCL0002 rule-crashed finding and the others still run.
  void Run(const model::Document& document, std::vector<model::Diagnostic>& out) const;

  /// Ids of every rule that can report on a file of `format` in this run (builtin ones included).
  std::vector<std::string> EvaluatedIds(model::Format format) const;
  const Selection& selection() const { return selection_; }

 private:
  struct Entry {
    const engine::RuleMeta* meta;
    nlohmann::json options;
    std::unique_ptr<engine::Rule> rule;
  };
  Selection selection_;
  std::vector<Entry> entries_;
};

}  // namespace pcl::pipeline
