// Which rules run where, at what severity and with which options: config file + command line.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/release.h"
#include "engine/rule_meta.h"
#include "pipeline/config.h"

namespace pcl::pipeline {

/// The effective settings of a run. Precedence: rule defaults < config file < command line.
class Selection {
 public:
  Selection() = default;
  /// `cli` holds only what the command line said; it wins over `file`.
  static Selection Resolve(const LintConfig& file, const LintConfig& cli);

  /// Whether the rule runs at all (select/ignore). Findings that mean "the file could not be
  /// read" (syntax error, unreadable, binary, too large, unknown format) can never be turned off.
  bool Enabled(const std::string& rule_id) const;
  /// Enabled and not ignored for this path by per-path-ignores.
  bool EnabledFor(const std::string& rule_id, const std::string& path) const;
  /// Whether any rule of `stage` is enabled; lets whole stages (the schema check, the migration
  /// check) be skipped at no cost when their rules are off.
  bool AnyEnabled(ids::Stage stage) const;
  /// Whether `path` matches an `exclude` glob.
  bool Excluded(const std::string& path) const;
  model::Severity SeverityOf(const engine::RuleMeta& meta) const;
  /// The rule's default options overlaid with the configured ones.
  nlohmann::json OptionsOf(const engine::RuleMeta& meta) const;

  const std::string& target_version() const { return target_version_; }
  const std::string& fail_on() const { return fail_on_; }
  const LintConfig& config() const { return merged_; }

 private:
  LintConfig merged_;
  std::string target_version_ = core::kDefaultTargetRelease;
  std::string fail_on_ = "error";
  std::string cli_today_;  ///< --today, which beats every `today` of the config file
};

/// How specifically `selector` names the rule: -1 no match, 0 "ALL", prefix length, 100 exact.
int SelectorScore(const std::string& selector, const engine::RuleMeta& meta);
/// "" when `selector` is "ALL" or names or prefixes at least one rule of the catalogue; otherwise
/// "unknown rule 'X' in <where>" with the closest ids or names as a did-you-mean. A selector that matches
/// nothing would silently turn a gate off (`--select PCL9999` checks nothing), so every rule
/// reference (command line, config file, suppression comments) is checked with this.
std::string UnknownSelector(const std::string& selector, const std::string& where = "");
/// "did you mean PCL3001 (ssh-open-to-world)?" for the rules closest to `text`, or "".
std::string DidYouMean(const std::string& text);
/// fnmatch-style glob on a path relative to `base_dir` (or as given when outside it).
bool PathMatches(const std::string& glob, const std::string& path, const std::string& base_dir);

}  // namespace pcl::pipeline
