// `pcluster-lint migrate`: convert ParallelCluster 2 configs (INI/TOML) to v3 YAML, one file or
// whole trees, with a migration report and the v3 schema check of every result.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/commands.h"
#include "cli/file_walk.h"
#include "cli/lint_settings.h"
#include "cli/output.h"
#include "cli/run_files.h"
#include "engine/runner.h"
#include "migrate/migrate.h"
#include "migrate/migration_report.h"
#include "parsers/load.h"
#include "parsers/rule_ids.h"
#include "report/escape.h"
#include "report/report.h"
#include "schema/schema_check.h"

namespace pcl::cli {
namespace {

namespace fs = std::filesystem;
using migrate::FileOutcome;
using migrate::FileStatus;

constexpr char kStdout[] = "<stdout>";
constexpr unsigned kOutputMode = 0600;  // configs and the report may name keys, roles and buckets

struct MigrateFlags {
  std::vector<std::string> inputs;
  std::string output;
  std::string out_dir;
  std::string report;
  std::string format;  ///< "" = text, or github inside GitHub Actions
  std::string target_version = schema::kDefaultTargetVersion;
  std::string fail_on;  ///< "" = the config file's fail-on, else error
  migrate::MigrateOptions options;
  bool force = false;
  bool quiet = false;
  bool no_header = false;
  unsigned jobs = 0;
};

// One unit of work: read `input`, write `output` ("" = stdout).
struct Job {
  std::string input;
  std::string output;
  std::string walk_error;
};

bool IsV2Name(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".ini" || ext == ".cfg" || ext == ".toml" || path.filename() == "config";
}

// x.ini / x.toml / x.cfg → x.yaml; `config` → config.yaml.
fs::path YamlName(const fs::path& path) {
  fs::path out = path;
  return IsV2Name(path) && path.has_extension() ? out.replace_extension(".yaml")
                                                : fs::path(path.string() + ".yaml");
}

std::vector<Job> PlanJobs(const MigrateFlags& flags, std::string& usage_error) {
  std::vector<Job> jobs;
  if (flags.out_dir.empty()) {
    if (flags.inputs.size() != 1 || fs::is_directory(flags.inputs[0])) {
      usage_error = "several inputs or a directory need --out-dir DIR";
      return jobs;
    }
    jobs.push_back({flags.inputs[0], flags.output == "-" ? "" : flags.output, ""});
    return jobs;
  }
  if (!flags.output.empty()) {
    usage_error = "-o/--output and --out-dir cannot be used together";
    return jobs;
  }
  for (const std::string& input : flags.inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      jobs.push_back({input, (fs::path(flags.out_dir) / YamlName(fs::path(input).filename())).string(), ""});
      continue;
    }
    // Mirror the layout below the directory given.
    for (const WalkedPath& walked : ExpandPaths({input})) {
      if (!walked.error.empty()) {
        jobs.push_back({walked.path, "", walked.error});
        continue;
      }
      if (!IsV2Name(walked.path)) continue;  // v3 YAML files found in the tree
      const fs::path relative = fs::path(walked.path).lexically_relative(input);
      jobs.push_back({walked.path, (fs::path(flags.out_dir) / YamlName(relative)).string(), ""});
    }
  }
  // a.ini and a.toml side by side would both become a.yaml: the first one wins, deterministically.
  std::map<std::string, std::string> claimed;
  for (Job& job : jobs) {
    if (job.output.empty() || !job.walk_error.empty()) continue;
    auto [it, inserted] = claimed.emplace(fs::path(job.output).lexically_normal().string(), job.input);
    if (!inserted) job.walk_error = "its output " + job.output + " is already written for " + it->second;
  }
  return jobs;
}

// The lowest severity --fail-on counts; nullopt for "never".
std::optional<model::Severity> FailAt(const std::string& fail_on) {
  if (fail_on == "never") return std::nullopt;
  return model::ParseSeverity(fail_on).value_or(model::Severity::kError);
}

// The worst outcome decides: an I/O error (2), an input not converted (4), a written result with
// findings at or above --fail-on (1), else 0.
int ExitCodeOf(const std::vector<FileOutcome>& outcomes, bool io_error) {
  if (io_error) return kExitUsage;
  int code = kExitClean;
  for (const FileOutcome& outcome : outcomes) {
    if (outcome.status == FileStatus::kFailed) return kExitNotConverted;
    if (outcome.status == FileStatus::kConvertedWithFindings) code = kExitFindings;
  }
  return code;
}

struct Work {
  FileOutcome outcome;
  migrate::MigrationResult result;
  model::SourcePtr source;
  model::SourcePtr output_source;  ///< the YAML written, for showing findings in it
  bool io_error = false;
  std::string message;  ///< why it failed, when no finding says it (single-file mode prints it)
};

void RunJob(const Job& job, const MigrateFlags& flags, const engine::RuleSet& rules, ProtectedFiles& guard,
            Work& work) {
  FileOutcome& outcome = work.outcome;
  outcome.input = job.input;
  if (!job.walk_error.empty()) {
    outcome.reason = job.walk_error;
    work.io_error = true;
    return;
  }
  parsers::ParseResult parsed = parsers::LoadFile(job.input);
  work.source = parsed.document.source;
  if (parsed.document.format == model::Format::kYamlV3) {
    outcome.reason = "already a ParallelCluster 3 YAML config; nothing to migrate";
    work.message = job.input + ": " + outcome.reason;
    return;
  }
  for (const auto& d : parsed.diagnostics) {
    if (d.rule_id == parsers::kUnreadableFile) work.io_error = true;
  }
  migrate::MigrateOptions options = flags.options;
  options.header_comments = !flags.no_header;
  work.result = migrate::Migrate(parsed.document, parsed.diagnostics, options);
  outcome.findings = work.result.findings;
  if (!work.result.ok) {
    outcome.status = FileStatus::kFailed;
    for (const auto& d : outcome.findings) {
      if (d.severity == model::Severity::kError) {
        outcome.reason = d.rule_id + " " + d.message;
        if (d.range.begin.Known()) {
          outcome.reason.insert(d.rule_id.size() + 1, std::to_string(d.range.begin.line) + ":" +
                                                          std::to_string(d.range.begin.column) + " ");
        }
        break;
      }
    }
    if (outcome.reason.empty()) outcome.reason = "the file could not be read as a v2 config";
    return;
  }
  const std::string shown = job.output.empty() ? kStdout : job.output;
  for (auto& d : engine::CheckMigratedYaml(shown, work.result, parsed.document, flags.target_version, &rules)) {
    outcome.findings.push_back(std::move(d));
  }
  outcome.status = migrate::StatusOf(work.result, outcome.findings, FailAt(rules.selection().fail_on()));
  if (job.output.empty()) {
    outcome.output = kStdout;  // written by the caller, after all work is done
    return;
  }
  // Only below --out-dir are directories created: that one the user asked for.
  const OutputRules rules_for_yaml{flags.force, kOutputMode, !flags.out_dir.empty(), &guard};
  if (std::string error = WriteOutput(job.output, work.result.yaml, rules_for_yaml); !error.empty()) {
    outcome.status = FileStatus::kFailed;
    outcome.reason = error;
    work.io_error = true;
    work.message = error;
    return;
  }
  outcome.output = job.output;
}

// The lines of `path` that findings (or their notes) point at.
std::vector<int> LinesShown(const std::vector<model::Diagnostic>& findings, const std::string& path) {
  std::vector<int> lines;
  for (const auto& d : findings) {
    if (d.file == path) lines.insert(lines.end(), {d.range.begin.line, d.range.end.line});
    for (const auto& note : d.notes) {
      if (note.file == path) lines.push_back(note.position.line);
    }
  }
  return lines;
}

// A copy of `source` in which only `lines` keep their text (the others are empty): enough to
// show findings on those lines, at a fraction of the memory.
model::SourcePtr Excerpt(const model::SourceFile& source, const std::vector<int>& lines) {
  std::vector<bool> keep(static_cast<size_t>(source.LineCount()) + 1, false);
  for (int line : lines) {
    if (line >= 1 && line <= source.LineCount()) keep[line] = true;
  }
  std::string text;
  for (int line = 1; line <= source.LineCount(); ++line) {
    if (keep[line]) text += source.Line(line);
    if (line < source.LineCount()) text += '\n';
  }
  return std::make_shared<const model::SourceFile>(source.path(), std::move(text));
}

// Once a tree job's YAML is written, only the table, the report and the findings need it: keep
// those and the source lines the findings show, and drop the configs, so migrating a tree of
// 20,000 files holds 20,000 small outcomes rather than 20,000 configs.
void Compact(Work& work) {
  if (work.source) work.source = Excerpt(*work.source, LinesShown(work.outcome.findings, work.outcome.input));
  if (work.outcome.status != FileStatus::kFailed && !work.outcome.output.empty()) {
    model::SourceFile written(work.outcome.output, std::move(work.result.yaml));
    work.output_source = Excerpt(written, LinesShown(work.outcome.findings, work.outcome.output));
  }
  work.result.yaml = std::string();
  work.result.tree = migrate::OutNode();
  work.result.findings = std::vector<model::Diagnostic>();  // outcome.findings has them
}

int RunMigrate(MigrateFlags flags) {
  auto started = std::chrono::steady_clock::now();
  // The result is schema-checked: read that schema on a second thread meanwhile.
  std::jthread schema_loader = PreloadSchema(flags.target_version);
  std::string usage_error;
  std::vector<Job> jobs;
  if (!schema::IsKnownVersion(flags.target_version)) {
    usage_error = "--target-version: unknown release '" + flags.target_version + "' (known: " +
                  schema::KnownRange() + ")";
  } else {
    jobs = PlanJobs(flags, usage_error);
  }
  // The result is checked like `check` would: schema and rules, with the team's config file.
  SettingsFlags settings;
  settings.target_version = flags.target_version;
  settings.fail_on = flags.fail_on;
  std::unique_ptr<engine::RuleSet> rules;
  if (usage_error.empty()) {
    rules = BuildRuleSet(settings, usage_error);
    if (!rules && usage_error.rfind("internal", 0) == 0) {
      std::cerr << "pcluster-lint migrate: " << usage_error << "\n";
      return kExitInternal;
    }
  }
  if (!usage_error.empty()) {
    std::cerr << "pcluster-lint migrate: " << usage_error << "\n";
    return kExitUsage;
  }
  // Never written over, even with --force: the v2 originals and the config file.
  ProtectedFiles guard;
  if (auto config_path = ConfigFilePath(settings)) guard.AddInput(*config_path);
  for (const Job& job : jobs) guard.AddInput(job.input);
  const bool tree = !flags.out_dir.empty();
  std::vector<Work> works(jobs.size());
  RunParallel(jobs.size(), flags.jobs, [&](size_t i) {
    RunJob(jobs[i], flags, *rules, guard, works[i]);
    if (tree) Compact(works[i]);
  });

  const bool yaml_on_stdout = !tree && jobs.size() == 1 && jobs[0].output.empty();
  report::RunReport run;
  run.target_version = flags.target_version;
  std::vector<FileOutcome> outcomes;
  bool io_error = false;
  for (Work& work : works) {
    work.outcome.result = &work.result;
    io_error = io_error || work.io_error;
    run.files.push_back(work.outcome.input);
    if (work.source) run.sources[work.outcome.input] = work.source;
    if (work.output_source) {
      run.sources[work.outcome.output] = work.output_source;
    } else if (work.outcome.status != FileStatus::kFailed && !work.outcome.output.empty()) {
      run.sources[work.outcome.output] =
          std::make_shared<model::SourceFile>(work.outcome.output, work.result.yaml);
    }
    for (const auto& d : work.outcome.findings) run.diagnostics.push_back(d);
    outcomes.push_back(std::move(work.outcome));  // one copy of the findings (plus the run's) per file
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  if (yaml_on_stdout && outcomes[0].status != FileStatus::kFailed) {
    std::cout << works[0].result.yaml;
    std::cout.flush();
  }
  std::ostream& findings_out = yaml_on_stdout ? std::cerr : std::cout;
  findings_out << RenderFindings(ResolveFormat(flags.format, !yaml_on_stdout), run, !yaml_on_stdout, false);
  const std::string& fail_on = rules->selection().fail_on();
  if (tree) migrate::WriteTable(outcomes, FailAt(fail_on), std::cout);
  // A single file has no table: say why it failed when no finding does.
  for (const Work& work : works) {
    if (!tree && !work.message.empty()) {
      std::cerr << "pcluster-lint migrate: " << report::Visible(work.message) << "\n";
    }
  }
  if (!flags.quiet) migrate::WriteSummary(outcomes, std::cerr);
  if (!flags.report.empty()) {
    std::string text = migrate::ReportJson(outcomes, fail_on).dump(2) + "\n";
    if (std::string error = WriteOutput(flags.report, text, {flags.force, kOutputMode, false, &guard});
        !error.empty()) {
      std::cerr << "pcluster-lint migrate: " << error << "\n";
      return kExitUsage;
    }
  }
  return ExitCodeOf(outcomes, io_error);
}

}  // namespace

void AddMigrateCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<MigrateFlags>();
  CLI::App* cmd = app.add_subcommand(
      "migrate", "Convert ParallelCluster 2 configs (INI or TOML) to ParallelCluster 3 YAML, offline.");
  cmd->add_option("inputs", flags->inputs, "A v2 config file, or files and directories with --out-dir")
      ->required();
  cmd->add_option("-o,--output", flags->output, "Write the YAML to FILE (default, or '-': stdout)");
  cmd->add_option("--out-dir", flags->out_dir,
                  "Convert every v2 config under the inputs into DIR, mirroring the layout");
  cmd->add_option("--cluster-template", flags->options.cluster_template,
                  "Convert [cluster LABEL] (default: [global] cluster_template, else [cluster default])");
  cmd->add_flag("--force-convert", flags->options.force_convert,
                "Convert the DevSettings-only parameters (extra_json, custom_chef_cookbook, "
                "template_url, instance_types_data)");
  cmd->add_option("--account-id", flags->options.account_id,
                  "AWS account id (12 digits) for turning role names (ec2_iam_role, iam_lambda_role) into ARNs")
      ->check(CLI::Validator(
          [](const std::string& id) {
            // An ARN built from anything else is refused by IAM: say so now, not at deploy time.
            return id.size() == 12 && id.find_first_not_of("0123456789") == std::string::npos
                       ? std::string()
                       : "an AWS account id is exactly 12 digits, not '" + id + "'";
          },
          "12 digits"));
  cmd->add_option("--partition", flags->options.partition,
                  "AWS partition for those ARNs (default: from [aws] aws_region_name)");
  cmd->add_flag("--force", flags->force, "Replace output files that already exist");
  cmd->add_option("--report", flags->report, "Write the migration report (every v2 key and its fate) as JSON");
  cmd->add_option("--format", flags->format,
                  "Format of the findings (default: text; github inside GitHub Actions)")
      ->check(CLI::IsMember(report::FormatNames()));
  cmd->add_option("--target-version", flags->target_version,
                  "ParallelCluster 3 release whose schema checks the result (3.12.1 means 3.12)")
      ->transform(schema::ReleaseOf);
  cmd->add_option("--fail-on", flags->fail_on,
                  "Lowest severity of the result's findings that makes the exit code 1 "
                  "(default: the config file's fail-on, else error)")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  cmd->add_flag("--no-header", flags->no_header, "Leave out the comment block of conversion notes");
  cmd->add_flag("-q,--quiet", flags->quiet, "No migration summary on stderr");
  cmd->add_option("-j,--jobs", flags->jobs, "Files converted in parallel (default: one per core)");
  cmd->footer(
      "Exit codes: 0 converted, no finding at or above --fail-on; 1 converted (the YAML is written) "
      "with findings at or above --fail-on; 4 a blocking problem, nothing written for that input; "
      "2 usage or I/O error; 3 internal error. Several inputs: 2 if any I/O error, else 4 if any input "
      "was not converted, else 1 or 0.");
  cmd->callback([flags, &exit_code] { exit_code = RunMigrate(*flags); });
}

}  // namespace pcl::cli
