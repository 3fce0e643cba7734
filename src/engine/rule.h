// The interface every rule implements (native C++ rules and interpreted data rules alike).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/release.h"
#include "engine/rule_meta.h"
#include "model/cluster_view.h"
#include "model/diagnostic.h"
#include "model/document.h"

namespace pcl::engine {

/// What the rules of one file share, each made on first use: the document as JSON (data rules
/// test JSON; converting the tree once per rule cost more than the tests) and the cluster view.
struct FileCache {
  std::optional<nlohmann::json> root_json;
  std::optional<model::ClusterView> cluster;
};

/// What a rule sees while it checks one document.
class RuleContext {
 public:
  using Emit = std::function<void(model::Diagnostic)>;

  /// `cache`: shared by the rules of one file (nullptr: this context keeps its own).
  RuleContext(const model::Document& document, const RuleMeta& meta, const nlohmann::json& options,
              const std::string& target_version, Emit emit, FileCache* cache = nullptr);

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
  /// The cluster name the user gave (--cluster-name, or cluster-name in .pcluster-lint.yaml); "" when
  /// none. It is an argument of `pcluster create-cluster`, not part of the file.
  const std::string& cluster_name() const { return cluster_name_; }
  void set_cluster_name(std::string name) { cluster_name_ = std::move(name); }
  /// The target release; text that is not a release counts as newer than every known one.
  const core::Release& release() const { return release_; }
  /// The typed view of the document (built once per file).
  const model::ClusterView& cluster() const;
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
  core::Release release_;
  std::string cluster_name_;
  Emit emit_;
  FileCache* cache_;
  mutable std::unique_ptr<FileCache> own_cache_;  ///< when no shared cache was given
};

/// A rule. Implementations are stateless after construction and safe to run on several files at once.
/// A native rule overrides the hook for what its YAML's `applies_to.at` names; Run() skips targets
/// outside `since`/`until` and hands the rule only the matched parts, typed where the view has a type:
///   (no at, or "")                                   → Check(context), the whole document
///   /Scheduling/SlurmQueues/*, /Scheduling/AwsBatchQueues/* → CheckQueue
///   …Queues/*/ComputeResources/*                     → CheckComputeResource
///   /SharedStorage/*                                 → CheckStorage
///   any other pattern                                → CheckNode, once per matching node
class Rule {
 public:
  virtual ~Rule() = default;
  /// Runs the rule on a v3 document whose root is a mapping.
  void Run(const RuleContext& context) const;

 protected:
  virtual void Check(const RuleContext& context) const;
  virtual void CheckQueue(const RuleContext& context, const model::Queue& queue) const;
  virtual void CheckComputeResource(const RuleContext& context, const model::Queue& queue,
                                    const model::ComputeResource& resource) const;
  virtual void CheckStorage(const RuleContext& context, const model::StorageItem& item) const;
  virtual void CheckNode(const RuleContext& context, const model::Ref& node) const;

 private:
  [[noreturn]] static void Unhandled(const RuleContext& context, const char* what);
};

}  // namespace pcl::engine
