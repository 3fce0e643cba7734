// Rule metadata (id, name, severity, docs, examples, data match) read from the embedded rules/*.yaml.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/release.h"
#include "engine/rule_options.h"
#include "generated/rule_kinds.h"
#include "model/diagnostic.h"

namespace pcl::engine {

/// Everything a rule's YAML file says about it.
struct RuleMeta {
  std::string id;    ///< PCL + 4 digits
  std::string name;  ///< kebab-case, reads as "allow <name>"
  model::Severity severity = model::Severity::kError;
  ids::Implementation implementation = ids::Implementation::kBuiltin;
  ids::Stage stage = ids::Stage::kLint;
  bool fatal = false;  ///< the file could not be read at all: the finding cannot be turned off
  std::string summary;
  std::string rationale;
  std::string remediation;
  std::vector<std::string> references;
  /// Offline fact tables the rule reads (`facts:`; only "instance-types" so far): explain names their date.
  std::vector<std::string> facts;
  std::string validator;                              ///< the official ParallelCluster validator it mirrors, if any
  OptionSpecs option_specs;                           ///< the options the rule declares, typed
  nlohmann::json options = nlohmann::json::object();  ///< option name → default value (from option_specs)
  std::vector<std::string> good_examples;
  std::vector<std::string> bad_examples;
  nlohmann::json match;  ///< data rules: {at, when, assert, message}
  /// Where and when the rule applies (`applies_to` in its YAML): the pointer patterns whose nodes the
  /// engine hands to a native rule (none: the whole document), and the releases since ≤ target < until.
  std::vector<std::string> at;
  std::optional<core::Release> since;
  std::optional<core::Release> until;
  std::string source_path;  ///< rules/PCLnnnn.yaml
};

/// All known rules, by id; built once per process from the embedded files.
class RuleCatalog {
 public:
  /// The catalogue of the embedded rules, without their documentation (rationale, remediation,
  /// references and examples are empty): what checking needs, loaded fast. Aborts loudly (exit 3)
  /// if the embedded data is broken: that is a build defect, caught by the registry tests.
  static const RuleCatalog& Embedded();
  /// The same rules with their documentation, for `explain`, `rules`, SARIF and the tests.
  static const RuleCatalog& EmbeddedWithDocs();
  /// The rules compiled into the binary (generated/rule_table.cc), with or without their docs.
  static RuleCatalog FromTable(bool with_docs, std::vector<std::string>& errors);
  /// Builds a catalogue from (path, text) pairs; errors are returned as messages.
  static RuleCatalog FromFiles(const std::vector<std::pair<std::string, std::string>>& files,
                               std::vector<std::string>& errors);

  const RuleMeta* FindById(const std::string& id) const;
  /// By id or by name.
  const RuleMeta* Find(const std::string& id_or_name) const;
  const std::map<std::string, RuleMeta>& rules() const { return rules_; }

 private:
  void Add(const std::string& path, const nlohmann::json& fields, std::vector<std::string>& errors);
  void Insert(RuleMeta meta, std::vector<std::string>& errors);
  std::map<std::string, RuleMeta> rules_;
  std::map<std::string, std::string> name_to_id_;
};

/// Fills each finding's file and its default severity from the embedded rule catalogue.
void ApplyRuleDefaults(const std::string& path, std::vector<model::Diagnostic>& diagnostics);

}  // namespace pcl::engine
