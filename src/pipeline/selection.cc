// Which rules run where, at what severity and with which options: config file + command line.
#include "pipeline/selection.h"

#include <fnmatch.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "schema/messages.h"

namespace pcl::pipeline {
namespace {

int BestScore(const std::vector<std::string>& selectors, const engine::RuleMeta& meta) {
  int best = -1;
  for (const auto& selector : selectors) best = std::max(best, SelectorScore(selector, meta));
  return best;
}

bool IsIdLike(const std::string& text) {
  return text.size() > 3 && (text.rfind("PCL", 0) == 0 || text.rfind("pcl", 0) == 0) &&
         text.find_first_not_of("0123456789", 3) == std::string::npos;
}

}  // namespace

std::string DidYouMean(const std::string& text) {
  const engine::RuleCatalog& catalog = engine::RuleCatalog::Embedded();
  std::vector<const engine::RuleMeta*> found;
  if (IsIdLike(text)) {
    // An id with one digit wrong (or in lower case): the ids that differ in one place, the
    // nearest number first. Further away, any id would be as good a guess as another.
    const std::string typed = "PCL" + text.substr(3);
    std::vector<std::pair<long, const engine::RuleMeta*>> near;
    for (const auto& [id, meta] : catalog.rules()) {
      if (id.size() != typed.size()) continue;
      size_t differing = 0;
      for (size_t i = 0; i < id.size(); ++i) differing += id[i] != typed[i];
      if (differing <= 1) near.push_back({std::labs(std::atol(id.c_str() + 3) - std::atol(typed.c_str() + 3)), &meta});
    }
    std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    // The same id in lower case is the one meant; otherwise the two nearest.
    const size_t shown = !near.empty() && near[0].first == 0 ? 1 : 2;
    for (size_t i = 0; i < near.size() && i < shown; ++i) found.push_back(near[i].second);
  } else {
    std::vector<std::string> names;
    for (const auto& [id, meta] : catalog.rules()) names.push_back(meta.name);
    if (auto name = schema::SuggestName(text, names)) found.push_back(catalog.Find(*name));
  }
  std::string out;
  for (const engine::RuleMeta* meta : found)
    out += (out.empty() ? "did you mean " : " or ") + meta->id + " (" + meta->name + ")";
  return out.empty() ? out : out + "?";
}

std::string UnknownSelector(const std::string& selector, const std::string& where) {
  if (selector == "ALL") return "";
  for (const auto& [id, meta] : engine::RuleCatalog::Embedded().rules()) {
    if (SelectorScore(selector, meta) >= 0) return "";
  }
  std::string message = "unknown rule '" + selector + "'" + (where.empty() ? "" : " in " + where);
  if (selector == "PCL") return message + "; did you mean ALL?";
  if (std::string hint = DidYouMean(selector); !hint.empty()) return message + "; " + hint;
  if (IsIdLike(selector)) return message + " (no rule id starts with " + selector + ")";
  return message;
}

int SelectorScore(const std::string& selector, const engine::RuleMeta& meta) {
  if (selector == meta.id || selector == meta.name) return 100;
  if (selector == "ALL") return 0;
  if (selector.size() >= 4 && meta.id.rfind(selector, 0) == 0) return static_cast<int>(selector.size());
  return -1;
}

bool PathMatches(const std::string& glob, const std::string& path, const std::string& base_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::string relative = path;
  if (!base_dir.empty()) {
    fs::path rel = fs::relative(fs::absolute(path, ec), fs::absolute(base_dir, ec), ec);
    if (!ec && !rel.empty() && rel.native().rfind("..", 0) != 0) relative = rel.string();
  }
  fs::path normal = fs::path(relative).lexically_normal();
  relative = normal.string();
  return ::fnmatch(glob.c_str(), relative.c_str(), 0) == 0 ||
         ::fnmatch(glob.c_str(), normal.filename().c_str(), 0) == 0;
}

Selection Selection::Resolve(const LintConfig& file, const LintConfig& cli) {
  Selection selection;
  LintConfig merged = file;
  if (cli.select) merged.select = cli.select;
  merged.ignore.insert(merged.ignore.end(), cli.ignore.begin(), cli.ignore.end());
  for (const auto& [rule, level] : cli.severity) merged.severity[rule] = level;
  for (const auto& [rule, options] : cli.options) merged.options[rule] = options;
  merged.exclude.insert(merged.exclude.end(), cli.exclude.begin(), cli.exclude.end());
  if (!cli.target_version.empty()) merged.target_version = cli.target_version;
  if (!cli.fail_on.empty()) merged.fail_on = cli.fail_on;
  if (!cli.today.empty()) merged.today = cli.today;
  if (!cli.cluster_name.empty()) merged.cluster_name = cli.cluster_name;
  selection.cli_today_ = cli.today;
  if (!merged.target_version.empty()) selection.target_version_ = merged.target_version;
  if (!merged.fail_on.empty()) selection.fail_on_ = merged.fail_on;
  selection.merged_ = std::move(merged);
  return selection;
}

bool Selection::Enabled(const std::string& rule_id) const {
  const engine::RuleMeta* meta = engine::RuleCatalog::Embedded().FindById(rule_id);
  // Unknown ids (user rules, future) are not filtered here; fatal findings (the file could not be
  // read at all) cannot be turned off.
  if (!meta || meta->fatal) return true;
  int selected = merged_.select ? BestScore(*merged_.select, *meta) : 0;
  if (selected < 0) return false;
  // The more specific selector wins: `select: [PCL3001]` beats `ignore: [PCL3]`.
  int ignored = BestScore(merged_.ignore, *meta);
  return ignored < 0 || selected > ignored;
}

bool Selection::EnabledFor(const std::string& rule_id, const std::string& path) const {
  if (!Enabled(rule_id)) return false;
  const engine::RuleMeta* meta = engine::RuleCatalog::Embedded().FindById(rule_id);
  if (!meta || meta->fatal) return true;
  for (const auto& [glob, selectors] : merged_.per_path_ignores) {
    if (BestScore(selectors, *meta) >= 0 && PathMatches(glob, path, merged_.base_dir)) return false;
  }
  return true;
}

bool Selection::AnyEnabled(ids::Stage stage) const {
  for (const auto& [id, meta] : engine::RuleCatalog::Embedded().rules()) {
    if (meta.stage == stage && Enabled(id)) return true;
  }
  return false;
}

bool Selection::Excluded(const std::string& path) const {
  for (const auto& glob : merged_.exclude) {
    if (PathMatches(glob, path, merged_.base_dir)) return true;
  }
  return false;
}

model::Severity Selection::SeverityOf(const engine::RuleMeta& meta) const {
  int best = -1;
  model::Severity severity = meta.severity;
  for (const auto& [selector, level] : merged_.severity) {
    int score = SelectorScore(selector, meta);
    if (score > best) {
      best = score;
      severity = *model::ParseSeverity(level);
    }
  }
  return severity;
}

nlohmann::json Selection::OptionsOf(const engine::RuleMeta& meta) const {
  nlohmann::json options = meta.options.is_object() ? meta.options : nlohmann::json::object();
  // `today` (config file or --today) is every date rule's today option; a rule's own option is
  // more specific than the file's top-level key, and the command line beats both.
  const bool dated = options.contains("today");
  if (dated && !merged_.today.empty()) options["today"] = merged_.today;
  auto it = merged_.options.find(meta.id);
  if (it != merged_.options.end()) {
    for (auto option = it->second.begin(); option != it->second.end(); ++option) {
      options[option.key()] = option.value();
    }
  }
  if (dated && !cli_today_.empty()) options["today"] = cli_today_;
  return options;
}

}  // namespace pcl::pipeline
