// `pcluster-lint check PATH...`: parse (and later schema-check and lint) configs, report findings.
#include <chrono>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "cli/file_walk.h"
#include "cli/output.h"
#include "cli/run_files.h"
#include "engine/runner.h"
#include "parsers/detect.h"
#include "parsers/rule_ids.h"
#include "report/report.h"

namespace pcl::cli {
namespace {

struct CheckFlags {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string fail_on = "error";
  std::string input_format;
  bool quiet = false;
  unsigned jobs = 0;
};

int RunCheck(const CheckFlags& flags) {
  auto started = std::chrono::steady_clock::now();
  engine::CheckOptions options;
  if (!flags.input_format.empty()) options.load.forced_format = parsers::ParseFormatName(flags.input_format);

  std::vector<WalkedPath> walked = ExpandPaths(flags.paths);
  std::vector<engine::FileResult> results(walked.size());
  RunParallel(walked.size(), flags.jobs, [&](size_t i) {
    results[i] = engine::CheckFile(walked[i].path, options);
  });

  report::RunReport run;
  bool io_error = false;
  for (size_t i = 0; i < walked.size(); ++i) {
    if (!walked[i].error.empty()) {
      std::cerr << "pcluster-lint: " << walked[i].path << ": " << walked[i].error << "\n";
      io_error = true;
    }
    engine::FileResult& result = results[i];
    run.files.push_back(result.path);
    if (result.document.source) run.sources[result.path] = result.document.source;
    for (auto& d : result.diagnostics) {
      if (d.rule_id == parsers::kUnreadableFile) io_error = true;
      run.diagnostics.push_back(std::move(d));
    }
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  std::ostringstream rendered;
  if (flags.format == "json") {
    report::WriteJson(run, rendered);
  } else {
    bool to_terminal = flags.output.empty() || flags.output == "-";
    report::WriteText(run, {to_terminal && UseColour(), flags.quiet, true}, rendered);
  }
  if (std::string error = WriteOutput(flags.output, rendered.str()); !error.empty()) {
    std::cerr << "pcluster-lint: " << error << "\n";
    return kExitUsage;
  }
  if (io_error) return kExitUsage;
  if (flags.fail_on == "never") return kExitClean;
  model::Severity threshold = *model::ParseSeverity(flags.fail_on);
  for (const auto& d : run.diagnostics) {
    if (!d.suppressed && d.severity >= threshold) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace

void AddCheckCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* cmd = app.add_subcommand("check", "Check config files and directories (v3 YAML; v2 INI/TOML).");
  cmd->add_option("paths", flags->paths, "Files or directories (searched recursively for cluster configs)")
      ->required();
  cmd->add_option("--format", flags->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("-o,--output", flags->output, "Write the report to FILE instead of stdout");
  cmd->add_option("--fail-on", flags->fail_on, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  cmd->add_option("--input-format", flags->input_format, "Read every file as this format")
      ->check(CLI::IsMember({"yaml", "ini", "toml"}));
  cmd->add_flag("-q,--quiet", flags->quiet, "Print findings only, no summary line");
  cmd->add_option("-j,--jobs", flags->jobs, "Files checked in parallel (default: one per core)");
  cmd->callback([flags, &exit_code] { exit_code = RunCheck(*flags); });
}

}  // namespace pcl::cli
