// `pcluster-lint check PATH...`: parse, schema-check and lint configs; report findings.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "cli/lint_settings.h"
#include "cli/run_files.h"
#include "generated/ids/input.h"
#include "parsers/detect.h"
#include "pipeline/baseline.h"
#include "pipeline/config.h"
#include "pipeline/file_walk.h"
#include "pipeline/output.h"
#include "pipeline/registry.h"
#include "pipeline/runner.h"
#include "report/escape.h"
#include "report/report.h"

namespace pcl::cli {
namespace {

// Baseline keys are relative to the project root; without one, to the working directory.
std::string BaselineRoot(const std::string& project_root) {
  std::error_code ec;
  return project_root.empty() ? std::filesystem::current_path(ec).string() : project_root;
}

constexpr char kStdinPath[] = "-";
constexpr char kStdinName[] = "<stdin>";

constexpr char kOwnConfig[] = "pcluster-lint's own config file";

// Why a file named on the command line is not checked, or "" to check it. Pre-commit names every
// changed file its `files:` pattern matches, so names alone cannot decide what is a cluster config.
std::string SkipReason(const pipeline::WalkedPath& path, const pipeline::Selection& selection, bool force) {
  namespace fs = std::filesystem;
  const std::string& own_config = selection.config().source;
  std::error_code ec;
  if (fs::path(path.path).filename() == pipeline::kConfigFileName ||
      (!own_config.empty() && fs::equivalent(path.path, own_config, ec))) {
    return kOwnConfig;  // never a cluster config, even with --force-check
  }
  if (force) return "";
  // Always, not behind a setting (ruff's force-exclude): a file the team excluded stays
  // excluded however it is named, by a hook, an editor or a script; --force-check overrides.
  if (selection.Excluded(path.path)) {
    fs::path shown = fs::relative(own_config, ec);
    return "excluded in " + (shown.empty() ? own_config : shown.string());
  }
  if (pipeline::IsOtherKindOfFile(path.path)) return "not a cluster config by content";
  return "";
}

}  // namespace

int RunCheck(const CheckFlags& flags) {
  auto started = std::chrono::steady_clock::now();
  std::string error;
  std::jthread schema_loader;  // joined when RunCheck returns
  if (auto version = LikelyTargetVersion(flags.settings)) schema_loader = PreloadSchema(*version);
  if (std::count(flags.paths.begin(), flags.paths.end(), kStdinPath) > 1) {
    std::cerr << "pcluster-lint: '-' (standard input) can be given only once\n";
    return kExitUsage;
  }
  auto rules = BuildRuleSet(flags.settings, error);
  if (!rules) {
    std::cerr << "pcluster-lint: " << error << "\n";
    return error.rfind("internal", 0) == 0 ? kExitInternal : kExitUsage;
  }
  // Outputs never land on what the run reads: the configs, the config file, the baseline.
  pipeline::ProtectedFiles protected_files;
  const std::optional<std::string> config_path = ConfigFilePath(flags.settings);
  if (config_path) protected_files.AddInput(*config_path);
  protected_files.AddInput(flags.baseline);
  const std::string root = pipeline::ProjectRoot(config_path);
  std::optional<pipeline::Baseline> baseline;
  if (!flags.baseline.empty()) {
    baseline = pipeline::Baseline::Load(flags.baseline, BaselineRoot(root), error);
    if (!baseline) {
      std::cerr << "pcluster-lint: " << error << "\n";
      return kExitUsage;
    }
  }
  pipeline::CheckOptions options;
  options.rules = rules.get();
  options.inline_suppressions = !flags.settings.no_inline_suppressions;
  if (!flags.input_format.empty()) options.load.forced_format = parsers::ParseFormatName(flags.input_format);

  std::vector<pipeline::WalkedPath> walked;
  std::map<std::string, std::vector<std::string>> skipped;  // reason → files named on the command line
  for (pipeline::WalkedPath& path : pipeline::ExpandPaths(flags.paths)) {
    if (path.from_directory && rules->selection().Excluded(path.path)) continue;
    protected_files.AddInput(path.path);  // named files too, even skipped ones: the user's, never an output
    if (!path.from_directory && path.error.empty() && path.path != kStdinPath) {
      if (std::string reason = SkipReason(path, rules->selection(), flags.force_check); !reason.empty()) {
        skipped[reason].push_back(path.path);
        continue;
      }
    }
    walked.push_back(std::move(path));
  }
  for (const auto& [reason, files] : skipped) {
    if (flags.quiet) break;
    std::string list;
    for (const auto& file : files) list += (list.empty() ? "" : ", ") + report::VisiblePath(file);
    std::cerr << "pcluster-lint: note: skipped " << list << " (" << reason << ")"
              << (reason == kOwnConfig ? "" : "; --force-check checks them anyway") << "\n";
  }
  // One file: its schema check and its rules use the two cores instead.
  options.parallel_stages = walked.size() == 1 && flags.jobs != 1;
  std::vector<pipeline::FileResult> results(walked.size());
  RunParallel(walked.size(), flags.jobs, [&](size_t i) {
    if (!walked[i].error.empty()) return;
    results[i] = walked[i].path == kStdinPath
                     ? pipeline::CheckStdin(flags.stdin_filename.empty() ? kStdinName : flags.stdin_filename, options)
                     : pipeline::CheckFile(walked[i].path, options);
    // Memory stays flat over a whole tree: reports need a file's text only for its findings'
    // snippets, and never the parsed tree.
    results[i].document.root = model::Node();
    results[i].document.comments.clear();
    if (results[i].diagnostics.empty()) results[i].document.source.reset();
  });

  report::RunReport run;
  run.target_version = rules->selection().target_version();
  bool io_error = false;
  std::set<model::Format> formats;  // which rules ran depends only on the format
  for (size_t i = 0; i < walked.size(); ++i) {
    if (!walked[i].error.empty()) {
      // A finding, not only a line on stderr: every format (and the summary) must show that
      // configs may have gone unchecked.
      model::Diagnostic unread;
      unread.rule_id = ids::kUnreadableFile;
      unread.file = walked[i].path;
      unread.message = walked[i].error + "; the configs in it were not checked";
      run.diagnostics.push_back(std::move(unread));
      io_error = true;
      continue;
    }
    pipeline::FileResult& result = results[i];
    run.files.push_back(result.path);
    if (result.document.source) run.sources[result.path] = result.document.source;
    formats.insert(result.document.format);
    for (auto& d : result.diagnostics) {
      if (d.rule_id == ids::kUnreadableFile) io_error = true;
      run.diagnostics.push_back(std::move(d));
    }
  }
  std::set<std::string> evaluated;
  for (model::Format format : formats) {
    for (const auto& id : rules->EvaluatedIds(format)) evaluated.insert(id);
  }
  run.rules_evaluated.assign(evaluated.begin(), evaluated.end());
  if (!flags.write_baseline.empty()) {
    pipeline::Baseline written = pipeline::Baseline::FromFindings(run.diagnostics, BaselineRoot(root));
    if (std::string failed = pipeline::WriteOutput(flags.write_baseline, written.ToJson(), {.guard = &protected_files});
        !failed.empty()) {
      std::cerr << "pcluster-lint: " << failed << "\n";
      return kExitUsage;
    }
    const uint64_t count = written.findings();
    std::cerr << "pcluster-lint: baseline of " << count << (count == 1 ? " finding" : " findings") << " written to "
              << flags.write_baseline << "\n";
    return kExitClean;
  }
  if (baseline) baseline->Filter(run.diagnostics);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const bool to_stdout = flags.output.empty() || flags.output == "-";
  const std::string rendered =
      pipeline::RenderFindings(pipeline::ResolveFormat(flags.format, to_stdout), run, to_stdout, flags.quiet, root);
  if (std::string written = pipeline::WriteOutput(flags.output, rendered, {.guard = &protected_files});
      !written.empty()) {
    std::cerr << "pcluster-lint: " << written << "\n";
    return kExitUsage;
  }
  if (io_error) return kExitUsage;
  return ExitCodeFor(run.diagnostics, rules->selection().fail_on());
}

}  // namespace pcl::cli
