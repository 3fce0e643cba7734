// The team config file `.pcluster-lint.yaml`: discovery, validation and its settings.
#include "pipeline/config.h"

#include <filesystem>
#include <set>

#include "engine/rule_meta.h"
#include "model/iso_date.h"
#include "parsers/load.h"
#include "pipeline/selection.h"
#include "schema/schema_check.h"

namespace pcl::pipeline {
namespace {

namespace fs = std::filesystem;
using model::Node;
using model::NodeKind;

std::string Where(const std::string& path, const model::Position& p) {
  if (!p.Known()) return path + ": ";
  return path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": ";
}

// A value as the user wrote it, for messages: "eight" (quoted), 8, a list, a mapping.
std::string Shown(const Node& value) {
  switch (value.kind) {
    case NodeKind::kString: return "\"" + value.text + "\"";
    case NodeKind::kSequence: return "a list";
    case NodeKind::kMapping: return "a mapping";
    case NodeKind::kNull: return "null";
    default: return value.text;
  }
}

std::string KnownOptions(const engine::RuleMeta& meta) {
  if (meta.option_specs.empty()) return " (it has none)";
  std::string names;
  for (const auto& [name, spec] : meta.option_specs) names += (names.empty() ? "" : ", ") + name;
  return " (its options: " + names + ")";
}

class Reader {
 public:
  Reader(const std::string& path, std::string& error) : path_(path), error_(error) {}

  bool Fail(const model::Position& at, const std::string& message) {
    if (error_.empty()) error_ = Where(path_, at) + message;
    return false;
  }

  bool Strings(const Node& node, const std::string& key, std::vector<std::string>& out, bool selectors) {
    if (node.kind != NodeKind::kSequence) return Fail(node.range.begin, "'" + key + "' must be a list");
    for (const Node& item : node.items) {
      if (item.kind != NodeKind::kString) return Fail(item.range.begin, "'" + key + "' entries must be strings");
      if (std::string unknown = selectors ? UnknownSelector(item.text, "'" + key + "'") : ""; !unknown.empty()) {
        return Fail(item.range.begin, unknown);
      }
      out.push_back(item.text);
    }
    return true;
  }

  bool Read(const Node& root, LintConfig& config) {
    if (root.kind == NodeKind::kNull) return true;  // an empty file is a valid (empty) config
    if (root.kind != NodeKind::kMapping) return Fail(root.range.begin, "the config must be a mapping");
    for (const model::MapEntry& entry : root.entries) {
      const Node& value = entry.value;
      const std::string& key = entry.key;
      if (key == "target-version") {
        if (value.kind != NodeKind::kString && value.kind != NodeKind::kFloat) {
          return Fail(value.range.begin, "'target-version' must be a version like \"3.12\"");
        }
        config.target_version = schema::ReleaseOf(value.text);
        if (!schema::IsKnownVersion(config.target_version)) {
          return Fail(value.range.begin,
                      "unknown target-version '" + value.text + "' (known: " + schema::KnownRange() + ")");
        }
      } else if (key == "select") {
        config.select.emplace();
        if (!Strings(value, key, *config.select, true)) return false;
      } else if (key == "ignore") {
        if (!Strings(value, key, config.ignore, true)) return false;
      } else if (key == "exclude") {
        if (!Strings(value, key, config.exclude, false)) return false;
      } else if (key == "fail-on") {
        static const std::set<std::string> kLevels = {"error", "warning", "info", "never"};
        if (!kLevels.count(value.text))
          return Fail(value.range.begin, "'fail-on' must be error, warning, info or never");
        config.fail_on = value.text;
      } else if (key == "today") {
        // Pinned so that a CI run changes only with a commit, not with the calendar.
        if (!model::ParseIsoDate(value.text)) {
          return Fail(value.range.begin, "'today' must be a date written YYYY-MM-DD, like \"2026-12-01\"");
        }
        config.today = value.text;
      } else if (key == "cluster-name") {
        if (value.kind != NodeKind::kString) {
          return Fail(value.range.begin,
                      "'cluster-name' must be a string (the name given to pcluster "
                      "create-cluster), not " +
                          Shown(value) + "; quote it");
        }
        config.cluster_name = value.text;
      } else if (key == "severity") {
        if (value.kind != NodeKind::kMapping) return Fail(value.range.begin, "'severity' must map rules to levels");
        for (const auto& item : value.entries) {
          if (std::string unknown = UnknownSelector(item.key, "'severity'"); !unknown.empty()) {
            return Fail(item.key_range.begin, unknown);
          }
          if (item.value.text != "error" && item.value.text != "warning" && item.value.text != "info") {
            return Fail(item.value.range.begin, "severity must be error, warning or info");
          }
          config.severity[item.key] = item.value.text;
        }
      } else if (key == "options") {
        if (value.kind != NodeKind::kMapping) return Fail(value.range.begin, "'options' must map rules to options");
        for (const auto& item : value.entries) {
          const engine::RuleMeta* meta = engine::RuleCatalog::Embedded().Find(item.key);
          if (!meta) {
            // Options belong to one rule: a prefix is not enough here.
            std::string hint = DidYouMean(item.key);
            return Fail(item.key_range.begin,
                        "unknown rule '" + item.key + "' in 'options'" +
                            (hint.empty() ? " (options take one rule's id or name)" : "; " + hint));
          }
          if (item.value.kind != NodeKind::kMapping)
            return Fail(item.value.range.begin, "rule options must be a mapping");
          for (const auto& option : item.value.entries) {
            auto spec = meta->option_specs.find(option.key);
            if (spec == meta->option_specs.end()) {
              return Fail(option.key_range.begin,
                          "rule " + meta->id + " has no option '" + option.key + "'" + KnownOptions(*meta));
            }
            // Checked here, against the type the rule declares, so that a rule never sees a value
            // of another type (it would fail on every file, far from the cause).
            if (std::string why = CheckOptionValue(spec->second, model::ToJson(option.value)); !why.empty()) {
              return Fail(option.value.range.begin, "option '" + option.key + "' of " + meta->id + " (" + meta->name +
                                                        ") must be " + why + ", not " + Shown(option.value));
            }
          }
          config.options[meta->id] = model::ToJson(item.value);
        }
      } else if (key == "per-path-ignores") {
        if (value.kind != NodeKind::kMapping)
          return Fail(value.range.begin, "'per-path-ignores' must map globs to rules");
        for (const auto& item : value.entries) {
          std::vector<std::string> selectors;
          if (!Strings(item.value, item.key, selectors, true)) return false;
          config.per_path_ignores.emplace_back(item.key, std::move(selectors));
        }
      } else {
        return Fail(entry.key_range.begin, "unknown key '" + key +
                                               "' (known: target-version, select, ignore, severity, options, "
                                               "per-path-ignores, exclude, fail-on, today, cluster-name)");
      }
    }
    return true;
  }

 private:
  const std::string& path_;
  std::string& error_;
};

}  // namespace

std::optional<std::string> DiscoverConfig(const std::string& start_dir) {
  std::error_code ec;
  fs::path dir = fs::absolute(start_dir, ec);
  while (!ec) {
    fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (fs::exists(dir / ".git", ec) || dir == dir.root_path() || !dir.has_parent_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

std::optional<LintConfig> LoadConfig(const std::string& path, std::string& error) {
  parsers::LoadOptions load;
  load.forced_format = model::Format::kYamlV3;
  parsers::ParseResult parsed = parsers::LoadFile(path, load);
  if (!parsed.diagnostics.empty() || !parsed.document.ok) {
    const auto& d = parsed.diagnostics.front();
    error = Where(path, d.range.begin) + d.message;
    return std::nullopt;
  }
  LintConfig config;
  config.source = path;
  config.base_dir = fs::path(path).parent_path().string();
  Reader reader(path, error);
  if (!reader.Read(parsed.document.root, config)) return std::nullopt;
  return config;
}

}  // namespace pcl::pipeline
