// One check of one document version: the same pipeline as `check` (pipeline::CheckText) with the
// workspace's .pcluster-lint.yaml, plus what the editor features need (the tree, the text).
#include "lsp/analysis.h"

#include "pipeline/config.h"
#include "pipeline/file_walk.h"

namespace pcl::lsp {
namespace fs = std::filesystem;

std::shared_ptr<const pipeline::RuleSet> RuleSets::For(const std::string& path, std::string& error) {
  std::error_code ec;
  fs::path parent = fs::path(path).parent_path();
  std::string config = pipeline::DiscoverConfig(parent.empty() ? "." : parent.string()).value_or("");
  fs::file_time_type modified = config.empty() ? fs::file_time_type() : fs::last_write_time(config, ec);
  auto it = by_config_.find(config);
  if (it == by_config_.end() || it->second.modified != modified) {
    Entry entry;
    entry.modified = modified;
    pipeline::LintConfig settings;
    if (!config.empty()) {
      if (auto loaded = pipeline::LoadConfig(config, entry.error)) settings = *loaded;
    }
    std::string build_error;
    entry.rules = pipeline::RuleSet::Build(pipeline::Selection::Resolve(settings, {}), build_error);
    if (!entry.rules) entry.error = "internal error: " + build_error;
    it = by_config_.insert_or_assign(config, std::move(entry)).first;
  }
  error = it->second.error;
  return it->second.rules;
}

bool IsClusterConfig(const OpenDocument& document) {
  std::string name = fs::path(document.path).filename().string();
  bool named = false;
  for (const char* suffix : {".yaml", ".yml", ".ini", ".cfg", ".toml"}) {
    named |= name.size() > std::string_view(suffix).size() && name.ends_with(suffix);
  }
  // An unsaved buffer or an unusual name: the editor's language says what it is.
  if (!named && name != "config") name += "." + document.language_id;
  return pipeline::LooksLikeClusterConfig(name, document.text.text());
}

std::shared_ptr<const Analysis> Analyse(const std::string& path, bool is_config, int version, LineText text,
                                        std::shared_ptr<const pipeline::RuleSet> rules) {
  auto analysis = std::make_shared<Analysis>();
  analysis->version = version;
  analysis->is_config = is_config;
  if (is_config) {
    pipeline::CheckOptions options;
    options.rules = rules.get();
    options.parallel_stages = true;  // the schema check and the rules on two cores, as `check` does for one file
    analysis->target_version = rules ? rules->selection().target_version() : options.target_version;
    analysis->result = pipeline::CheckText(path, text.text(), options);
  }
  analysis->text = std::move(text);
  return analysis;
}

}  // namespace pcl::lsp
