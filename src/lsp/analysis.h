// One check of one document version: the same pipeline as `check` (pipeline::CheckText) with the
// workspace's .pcluster-lint.yaml, plus what the editor features need (the tree, the text).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "lsp/document_store.h"
#include "pipeline/registry.h"
#include "pipeline/runner.h"

namespace pcl::lsp {

/// The outcome of checking one version of a document. Immutable once built (shared by threads).
struct Analysis {
  int version = 0;
  /// False for files that are not cluster configs: they get no diagnostics and no features.
  bool is_config = false;
  std::string target_version;
  pipeline::FileResult result;  ///< the tree and the findings (suppressed ones included)
  LineText text;                ///< the text that was checked (positions convert against it)
};

/// The rules of the `.pcluster-lint.yaml` that applies to each file, cached per config file and
/// rebuilt when that file changes on disk.
class RuleSets {
 public:
  /// The rules for a document at `path`; `error` is set when its config file is invalid (the
  /// defaults then apply, so the editor still gets findings).
  std::shared_ptr<const pipeline::RuleSet> For(const std::string& path, std::string& error);

 private:
  struct Entry {
    std::filesystem::file_time_type modified;
    std::string error;
    std::shared_ptr<const pipeline::RuleSet> rules;
  };
  std::map<std::string, Entry> by_config_;  ///< "" = no config file (the defaults)
};

/// Whether `document` is a cluster config (same test as `check` uses for files it walks into).
bool IsClusterConfig(const OpenDocument& document);

/// Checks `text` (version `version` of the document at `path`) with `rules`.
std::shared_ptr<const Analysis> Analyse(const std::string& path, bool is_config, int version, LineText text,
                                        std::shared_ptr<const pipeline::RuleSet> rules);

}  // namespace pcl::lsp
