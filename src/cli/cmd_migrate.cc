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
#include "cli/lint_settings.h"
#include "cli/run_files.h"
#include "generated/ids/input.h"
#include "migrate/migrate.h"
#include "migrate/migration_report.h"
#include "parsers/load.h"
#include "pipeline/file_walk.h"
#include "pipeline/output.h"
#include "pipeline/runner.h"
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
  return IsV2Name(path) && path.has_extension() ? out.replace_extension(".yaml") : fs::path(path.string() + ".yaml");
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
    for (const pipeline::WalkedPath& walked : pipeline::ExpandPaths({input})) {
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
int ExitCodeOf(const std::vector<migrate::TableRow>& rows, bool io_error) {
  if (io_error) return kExitUsage;
  int code = kExitClean;
  for (const migrate::TableRow& row : rows) {
    if (row.status == FileStatus::kFailed) return kExitNotConverted;
    if (row.status == FileStatus::kConvertedWithFindings) code = kExitFindings;
  }
  return code;
}

struct Work {
  FileOutcome outcome;
  migrate::MigrationResult result;
  model::SourcePtr source;
  bool io_error = false;
  std::string message;  ///< why it failed, when no finding says it (single-file mode prints it)
};

void RunJob(const Job& job, const MigrateFlags& flags, const pipeline::RuleSet& rules, pipeline::ProtectedFiles& guard,
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
    if (d.rule_id == ids::kUnreadableFile) work.io_error = true;
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
          outcome.reason.insert(d.rule_id.size() + 1,
                                std::to_string(d.range.begin.line) + ":" + std::to_string(d.range.begin.column) + " ");
        }
        break;
      }
    }
    if (outcome.reason.empty()) outcome.reason = "the file could not be read as a v2 config";
    return;
  }
  const std::string shown = job.output.empty() ? kStdout : job.output;
  for (auto& d : pipeline::CheckMigratedYaml(shown, work.result, parsed.document, flags.target_version, &rules)) {
    outcome.findings.push_back(std::move(d));
  }
  outcome.status = migrate::StatusOf(work.result, outcome.findings, FailAt(rules.selection().fail_on()));
  if (job.output.empty()) {
    outcome.output = kStdout;  // written by the caller, in input order
    return;
  }
  // Only below --out-dir are directories created: that one the user asked for.
  const pipeline::OutputRules rules_for_yaml{flags.force, kOutputMode, !flags.out_dir.empty(), &guard};
  if (std::string error = pipeline::WriteOutput(job.output, work.result.yaml, rules_for_yaml); !error.empty()) {
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

// Prints each file's results when its turn comes (every input before it printed), then drops
// them: its findings, its summary, its --report entry (into a spool); only its table row stays.
// The totals, the table and the report follow at the end. Memory does not grow with the number of
// files, except for the findings of the formats that are one document (json, sarif, junit).
class Results {
 public:
  Results(const MigrateFlags& flags, const std::string& fail_on, bool tree, bool yaml_on_stdout)
      : flags_(flags),
        fail_at_(FailAt(fail_on)),
        tree_(tree),
        yaml_on_stdout_(yaml_on_stdout),
        format_(pipeline::ResolveFormat(flags.format, !yaml_on_stdout)),
        file_by_file_(report::RendersFileByFile(format_)),
        findings_out_(yaml_on_stdout ? std::cerr : std::cout) {
    if (!flags.report.empty()) {
      report_ = std::make_unique<pipeline::Spool>();
      report_->Append(report_writer_.Begin(fail_on));
    }
  }

  void Add(Work& work) {
    FileOutcome& outcome = work.outcome;
    outcome.result = &work.result;
    io_error_ = io_error_ || work.io_error;
    ++files_;
    const bool written = outcome.status != FileStatus::kFailed && !outcome.output.empty();
    if (yaml_on_stdout_ && written) {
      std::cout << work.result.yaml;
      std::cout.flush();
    }
    if (file_by_file_) {
      if (!outcome.findings.empty()) {
        report::RunReport run;
        run.target_version = flags_.target_version;
        run.files.push_back(outcome.input);
        if (work.source) run.sources[outcome.input] = work.source;
        if (written)
          run.sources[outcome.output] = std::make_shared<model::SourceFile>(outcome.output, work.result.yaml);
        run.diagnostics = outcome.findings;
        findings_out_ << pipeline::RenderFindings(format_, run, !yaml_on_stdout_, true);
        for (const auto& d : outcome.findings) counts_[static_cast<int>(d.severity)] += d.suppressed ? 0 : 1;
      }
    } else {
      // One document for the whole run: the findings wait, with the source lines they show.
      auto shown = [&](model::SourcePtr source, const std::string& path) {
        return tree_ ? Excerpt(*source, LinesShown(outcome.findings, path)) : source;
      };
      run_.files.push_back(outcome.input);
      if (work.source) run_.sources[outcome.input] = shown(work.source, outcome.input);
      if (written) {
        run_.sources[outcome.output] =
            shown(std::make_shared<model::SourceFile>(outcome.output, std::move(work.result.yaml)), outcome.output);
      }
      run_.diagnostics.insert(run_.diagnostics.end(), outcome.findings.begin(), outcome.findings.end());
    }
    // A single file has no table: say why it failed when no finding does, after the findings.
    if (!tree_ && !work.message.empty()) {
      held_ << "pcluster-lint migrate: " << report::Visible(work.message) << "\n";
    }
    if (!flags_.quiet) {
      std::ostringstream summary;  // one write: std::cerr is unbuffered
      migrate::WriteSummary(outcome, summary);
      (tree_ ? std::cerr : held_) << summary.str();
    }
    if (report_) report_->Append(report_writer_.Add(outcome));
    rows_.push_back(migrate::RowOf(outcome, fail_at_));
  }

  int Finish(double seconds, pipeline::ProtectedFiles& guard) {
    if (!file_by_file_) {
      run_.target_version = flags_.target_version;
      run_.seconds = seconds;
      findings_out_ << pipeline::RenderFindings(format_, run_, !yaml_on_stdout_, false);
    } else if (format_ == "text") {
      report::WriteTextTotals(files_, counts_, seconds, findings_out_);
    }
    if (tree_) migrate::WriteTable(rows_, std::cout);
    std::cerr << held_.str();
    if (report_) {
      report_->Append(report_writer_.End() + "\n");
      if (std::string error =
              pipeline::WriteOutput(flags_.report, *report_, {flags_.force, kOutputMode, false, &guard});
          !error.empty()) {
        std::cerr << "pcluster-lint migrate: " << error << "\n";
        return kExitUsage;
      }
    }
    return ExitCodeOf(rows_, io_error_);
  }

 private:
  const MigrateFlags& flags_;
  const std::optional<model::Severity> fail_at_;
  const bool tree_;
  const bool yaml_on_stdout_;
  const std::string format_;
  const bool file_by_file_;  ///< findings printed as each file's turn comes (text, github)
  std::ostream& findings_out_;
  size_t files_ = 0;
  int counts_[3] = {0, 0, 0};  ///< unsuppressed findings printed, by severity
  report::RunReport run_;      ///< the findings of a format printed as one document
  std::ostringstream held_;    ///< a single file's message and summary, printed after its findings
  std::vector<migrate::TableRow> rows_;
  bool io_error_ = false;
  migrate::ReportJsonWriter report_writer_;
  std::unique_ptr<pipeline::Spool> report_;
};

}  // namespace

int RunMigrate(MigrateFlags flags) {
  auto started = std::chrono::steady_clock::now();
  // The result is schema-checked: read that schema on a second thread meanwhile.
  std::jthread schema_loader = PreloadSchema(flags.target_version);
  std::string usage_error;
  std::vector<Job> jobs;
  if (!schema::IsKnownVersion(flags.target_version)) {
    usage_error =
        "--target-version: unknown release '" + flags.target_version + "' (known: " + schema::KnownRange() + ")";
  } else {
    jobs = PlanJobs(flags, usage_error);
  }
  // The result is checked like `check` would: schema and rules, with the team's config file.
  SettingsFlags settings;
  settings.target_version = flags.target_version;
  settings.fail_on = flags.fail_on;
  std::unique_ptr<pipeline::RuleSet> rules;
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
  pipeline::ProtectedFiles guard;
  if (auto config_path = ConfigFilePath(settings)) guard.AddInput(*config_path);
  for (const Job& job : jobs) guard.AddInput(job.input);
  const bool tree = !flags.out_dir.empty();
  const bool yaml_on_stdout = !tree && jobs.size() == 1 && jobs[0].output.empty();
  Results results(flags, rules->selection().fail_on(), tree, yaml_on_stdout);
  RunOrdered<Work>(
      jobs.size(), flags.jobs, [&](size_t i, Work& work) { RunJob(jobs[i], flags, *rules, guard, work); },
      [&](size_t, Work& work) { results.Add(work); });
  return results.Finish(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), guard);
}

}  // namespace pcl::cli
