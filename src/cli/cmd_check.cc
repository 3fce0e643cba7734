// `pcluster-lint check PATH...`: parse, schema-check and lint configs; report findings.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "cli/file_walk.h"
#include "cli/lint_settings.h"
#include "cli/output.h"
#include "cli/run_files.h"
#include "engine/baseline.h"
#include "engine/registry.h"
#include "engine/runner.h"
#include "parsers/detect.h"
#include "parsers/rule_ids.h"
#include "report/escape.h"
#include "report/report.h"

namespace pcl::cli {
namespace {

// Baseline keys are relative to the project root; without one, to the working directory.
std::string BaselineRoot(const std::string& project_root) {
  std::error_code ec;
  return project_root.empty() ? std::filesystem::current_path(ec).string() : project_root;
}

struct CheckFlags {
  std::vector<std::string> paths;
  std::string format;  ///< "" = text, or github inside GitHub Actions
  std::string output;
  std::string input_format;
  bool quiet = false;
  unsigned jobs = 0;
  SettingsFlags settings;
  std::string baseline;
  std::string write_baseline;
  std::string stdin_filename;  ///< the name `-` (standard input) is checked as
};

constexpr char kStdinPath[] = "-";
constexpr char kStdinName[] = "<stdin>";

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
  ProtectedFiles protected_files;
  const std::optional<std::string> config_path = ConfigFilePath(flags.settings);
  if (config_path) protected_files.AddInput(*config_path);
  protected_files.AddInput(flags.baseline);
  const std::string root = ProjectRoot(config_path);
  std::optional<engine::Baseline> baseline;
  if (!flags.baseline.empty()) {
    baseline = engine::Baseline::Load(flags.baseline, BaselineRoot(root), error);
    if (!baseline) {
      std::cerr << "pcluster-lint: " << error << "\n";
      return kExitUsage;
    }
  }
  engine::CheckOptions options;
  options.rules = rules.get();
  options.inline_suppressions = !flags.settings.no_inline_suppressions;
  if (!flags.input_format.empty()) options.load.forced_format = parsers::ParseFormatName(flags.input_format);

  std::vector<WalkedPath> walked;
  for (WalkedPath& path : ExpandPaths(flags.paths)) {
    if (path.from_directory && rules->selection().Excluded(path.path)) continue;
    protected_files.AddInput(path.path);
    walked.push_back(std::move(path));
  }
  // One file: its schema check and its rules use the two cores instead.
  options.parallel_stages = walked.size() == 1 && flags.jobs != 1;
  std::vector<engine::FileResult> results(walked.size());
  RunParallel(walked.size(), flags.jobs, [&](size_t i) {
    if (!walked[i].error.empty()) return;
    results[i] = walked[i].path == kStdinPath
                     ? engine::CheckStdin(flags.stdin_filename.empty() ? kStdinName : flags.stdin_filename, options)
                     : engine::CheckFile(walked[i].path, options);
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
      unread.rule_id = parsers::kUnreadableFile;
      unread.file = walked[i].path;
      unread.message = walked[i].error + "; the configs in it were not checked";
      run.diagnostics.push_back(std::move(unread));
      io_error = true;
      continue;
    }
    engine::FileResult& result = results[i];
    run.files.push_back(result.path);
    if (result.document.source) run.sources[result.path] = result.document.source;
    formats.insert(result.document.format);
    for (auto& d : result.diagnostics) {
      if (d.rule_id == parsers::kUnreadableFile) io_error = true;
      run.diagnostics.push_back(std::move(d));
    }
  }
  std::set<std::string> evaluated;
  for (model::Format format : formats) {
    for (const auto& id : rules->EvaluatedIds(format)) evaluated.insert(id);
  }
  run.rules_evaluated.assign(evaluated.begin(), evaluated.end());
  if (!flags.write_baseline.empty()) {
    engine::Baseline written = engine::Baseline::FromFindings(run.diagnostics, BaselineRoot(root));
    if (std::string failed = WriteOutput(flags.write_baseline, written.ToJson(), {.guard = &protected_files});
        !failed.empty()) {
      std::cerr << "pcluster-lint: " << failed << "\n";
      return kExitUsage;
    }
    const uint64_t count = written.findings();
    std::cerr << "pcluster-lint: baseline of " << count << (count == 1 ? " finding" : " findings")
              << " written to " << flags.write_baseline << "\n";
    return kExitClean;
  }
  if (baseline) baseline->Filter(run.diagnostics);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const bool to_stdout = flags.output.empty() || flags.output == "-";
  const std::string rendered =
      RenderFindings(ResolveFormat(flags.format, to_stdout), run, to_stdout, flags.quiet, root);
  if (std::string written = WriteOutput(flags.output, rendered, {.guard = &protected_files}); !written.empty()) {
    std::cerr << "pcluster-lint: " << written << "\n";
    return kExitUsage;
  }
  if (io_error) return kExitUsage;
  return ExitCodeFor(run.diagnostics, rules->selection().fail_on());
}

}  // namespace

void AddCheckCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* cmd = app.add_subcommand("check", "Check config files and directories (v3 YAML; v2 INI/TOML).");
  cmd->add_option("paths", flags->paths,
                  "Files or directories (searched recursively for cluster configs); '-' reads standard input")
      ->required();
  cmd->add_option("--stdin-filename", flags->stdin_filename,
                   "The file name standard input ('-') is checked as: shown in findings, used to tell its "
                   "format and to match per-path-ignores (default: <stdin>)")
      ->type_name("NAME");
  cmd->add_option("--format", flags->format, "Output format (default: text; github inside GitHub Actions)")
      ->check(CLI::IsMember(report::FormatNames()));
  cmd->add_option("-o,--output", flags->output, "Write the report to FILE instead of stdout");
  cmd->add_option("--input-format", flags->input_format, "Read every file as this format")
      ->check(CLI::IsMember({"yaml", "ini", "toml"}));
  cmd->add_flag("-q,--quiet", flags->quiet, "Print findings only, no summary line");
  cmd->add_option("-j,--jobs", flags->jobs, "Files checked in parallel (default: one per core)");
  cmd->add_option("--baseline", flags->baseline, "Report only findings not recorded in this baseline file");
  cmd->add_option("--write-baseline", flags->write_baseline, "Record the current findings as a baseline and exit 0");
  AddSettingsFlags(*cmd, flags->settings);
  cmd->callback([flags, &exit_code] { exit_code = RunCheck(*flags); });
}

}  // namespace pcl::cli
