// The interface every rule implements (native C++ rules and interpreted data rules alike).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/rule_meta.h"
#include "model/diagnostic.h"
#include "model/document.h"

namespace pcl::engine {

/// What a rule sees while it checks one document.
class RuleContext {
 public:
  using Emit = std::function<void(model::Diagnostic)>;

  /// `root_json`: the document as JSON, made at most once per file and shared by every rule
  /// (data rules test JSON; converting the tree once per rule cost more than the tests).
  RuleContext(const model::Document& document, const RuleMeta& meta, const nlohmann::json& options,
              const std::string& target_version, Emit emit, std::optional<nlohmann::json>* root_json = nullptr)
      : document_(document), meta_(meta), options_(options), target_version_(target_version),
        emit_(std::move(emit)), root_json_(root_json) {}

  const model::Document& document() const { return document_; }
  const model::Node& root() const { return document_.root; }
  const RuleMeta& meta() const { return meta_; }
  /// Effective options: the rule's defaults overlaid with the user's config.
  const nlohmann::json& options() const { return options_; }
  /// The effective value of an option the rule declares in its YAML (`options:`) as T: bool for
  /// boolean, int or int64_t for integer, std::string for string and date, std::vector<std::string> for
  /// string-list, std::map<std::string, std::string> for date-map. The default is the YAML's (never
  /// repeated in C++); the catalogue and the config reader have checked every value's type.
  template <typename T>
  T Option(const std::string& name) const {
    return options_.at(name).get<T>();
  }
  const std::string& target_version() const { return target_version_; }
  /// The whole document as JSON (model::ToJson of the root) without null-valued keys (PCL1007
  /// reports those; to rules they are absent), computed on first use.
  const nlohmann::json& RootJson() const;
  /// The JSON of the node at `pointer` (a pointer into the document), or null if there is none.
  const nlohmann::json& JsonAt(const std::string& pointer) const;

  /// Reports a finding at a node's value (or at its key, when `entry` is given and `at_key`).
  void Report(const std::string& pointer, const model::Range& range, std::string message) const;
  /// Reports at the node found at `pointer` (value position), or at the document start.
  void ReportAt(const std::string& pointer, std::string message, bool at_key = false) const;

 private:
  const model::Document& document_;
  const RuleMeta& meta_;
  const nlohmann::json& options_;
  const std::string& target_version_;
  Emit emit_;
  std::optional<nlohmann::json>* root_json_;
  mutable std::optional<nlohmann::json> own_root_json_;  ///< when no shared cache was given
};

/// A rule. Implementations are stateless after construction and safe to run on several files at once.
class Rule {
 public:
  virtual ~Rule() = default;
  /// Checks a v3 document whose root is a mapping.
  virtual void Check(const RuleContext& context) const = 0;
};

}  // namespace pcl::engine
