// Flags shared by commands that lint: config file discovery, selection, target version, fail-on.
#include "cli/lint_settings.h"

#include <filesystem>
#include <sstream>

#include "cli/commands.h"
#include "core/release.h"
#include "engine/rule_meta.h"
#include "model/iso_date.h"
#include "parsers/load.h"
#include "pipeline/config.h"
#include "pipeline/selection.h"
#include "schema/schema_check.h"
#include "schema/schema_store.h"

namespace pcl::cli {
namespace {

constexpr char kNullDevice[] = "/dev/null";

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    item.erase(0, item.find_first_not_of(" "));
    item.erase(item.find_last_not_of(" ") + 1);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

bool ValidSelectors(const std::vector<std::string>& selectors, const std::string& flag, std::string& error) {
  for (const auto& selector : selectors) {
    if (std::string unknown = pipeline::UnknownSelector(selector); !unknown.empty()) {
      error = flag + ": " + unknown + " (see `pcluster-lint rules`)";
      return false;
    }
  }
  return true;
}

}  // namespace

// The config file this run reads: --config, or the one found from the working directory up;
// "" for none (--no-config, or --config /dev/null as other tools accept it).
std::optional<std::string> ConfigFilePath(const SettingsFlags& flags) {
  if (flags.no_config || flags.config == kNullDevice) return std::string();
  if (!flags.config.empty()) return flags.config;
  return pipeline::DiscoverConfig(std::filesystem::current_path().string());
}

std::unique_ptr<pipeline::RuleSet> BuildRuleSet(const SettingsFlags& flags, std::string& error) {
  pipeline::LintConfig file_config;
  std::optional<std::string> path = ConfigFilePath(flags);
  if (path && !path->empty()) {
    auto loaded = pipeline::LoadConfig(*path, error);
    if (!loaded) return nullptr;
    file_config = *loaded;
  }
  pipeline::LintConfig cli;
  if (!flags.select.empty()) cli.select = SplitCommas(flags.select);
  cli.ignore = SplitCommas(flags.ignore);
  if ((cli.select && !ValidSelectors(*cli.select, "--select", error)) ||
      !ValidSelectors(cli.ignore, "--ignore", error)) {
    return nullptr;
  }
  cli.fail_on = flags.fail_on;
  cli.today = flags.today;
  cli.cluster_name = flags.cluster_name;
  cli.target_version = flags.target_version;
  if (!cli.target_version.empty() && !schema::IsKnownVersion(cli.target_version)) {
    error = "--target-version: unknown release '" + cli.target_version + "' (known: " + schema::KnownRange() + ")";
    return nullptr;
  }
  pipeline::Selection selection = pipeline::Selection::Resolve(file_config, cli);
  std::string build_error;
  auto rules = pipeline::RuleSet::Build(selection, build_error);
  if (!rules) error = "internal error: " + build_error;
  return rules;
}

std::optional<std::string> LikelyTargetVersion(const SettingsFlags& flags) {
  if (!flags.select.empty()) {
    bool schema_selected = false;
    for (const std::string& selector : SplitCommas(flags.select)) {
      // The generated table knows the schema rules without loading the catalogue.
      schema_selected |= selector == "ALL" || selector == "PCL";
      for (const ids::RuleInfo& rule : ids::AllRules()) {
        schema_selected |=
            rule.stage == ids::Stage::kSchema && (selector == rule.name || rule.id.starts_with(selector));
      }
    }
    if (!schema_selected) return std::nullopt;
  }
  if (!flags.target_version.empty()) return flags.target_version;
  // A peek, not a validation: BuildRuleSet reports what is wrong with the file.
  if (auto path = ConfigFilePath(flags); path && !path->empty()) {
    parsers::ParseResult parsed = parsers::LoadFile(*path);
    const model::Node* wanted = parsed.document.root.Find("target-version");
    if (wanted && wanted->IsScalar()) return wanted->text;
  }
  return std::string();
}

std::jthread PreloadSchema(std::string version) {
  // The release the run will check against, or nothing: loading another one would be paid twice.
  version = version.empty() ? std::string(core::kDefaultTargetRelease) : schema::ReleaseOf(version);
  if (!schema::IsKnownVersion(version)) return {};
  return std::jthread([version] { schema::FindSchema(version); });
}

int ExitCodeFor(const std::vector<model::Diagnostic>& diagnostics, const std::string& fail_on) {
  if (fail_on == "never") return kExitClean;
  model::Severity threshold = model::ParseSeverity(fail_on).value_or(model::Severity::kError);
  for (const auto& d : diagnostics) {
    if (!d.suppressed && d.severity >= threshold) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace pcl::cli
