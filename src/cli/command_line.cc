// The command line: every subcommand's flags bound with CLI11, parsed once. The only unit that
// includes CLI11 (a large header library): the commands themselves take plain flag structs.
#include <exception>
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/lint_settings.h"
#include "core/instance_types.h"
#include "core/release.h"
#include "lsp/server.h"
#include "model/iso_date.h"
#include "report/report.h"
#include "schema/schema_check.h"

namespace pcl::cli {
namespace {

/// Adds --target-version: `what` the release decides, the bundled range and the default (the newest);
/// a patch release (3.16.3, v3.16.3) is read as its minor.
void AddTargetVersionOption(CLI::App& command, std::string& target, const std::string& what) {
  command
      .add_option("--target-version", target,
                  "ParallelCluster release " + what + ", " + schema::KnownRange() + " (default " +
                      core::kDefaultTargetRelease + "; a patch release such as 3.16.3 means its minor)")
      ->transform(schema::ReleaseOf);
}

/// Adds --config, --no-config, --select, --ignore, --fail-on, --target-version, --today,
/// --cluster-name, --no-inline-suppressions.
void AddSettingsFlags(CLI::App& command, SettingsFlags& flags) {
  CLI::Option* config = command.add_option("--config", flags.config,
                                           "Config file (default: .pcluster-lint.yaml here or above; /dev/null: none)");
  command.add_flag("--no-config", flags.no_config, "Read no config file: rule defaults and the command line only")
      ->excludes(config);
  command.add_option("--select", flags.select, "Only these rules: ids, names or prefixes, comma-separated");
  command.add_option("--ignore", flags.ignore, "Never these rules: ids, names or prefixes, comma-separated");
  command.add_option("--fail-on", flags.fail_on, "Lowest severity that makes the exit code 1 (default error)")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  AddTargetVersionOption(command, flags.target_version, "to check against");
  command
      .add_option("--today", flags.today,
                  "The day end-of-life rules (PCL7001, PCL7002) compare with, YYYY-MM-DD (default: the "
                  "config file's today, else the system clock)")
      ->type_name("DATE")
      ->check(CLI::Validator(
          [](const std::string& date) {
            return model::ParseIsoDate(date) ? std::string() : "not a date written YYYY-MM-DD: '" + date + "'";
          },
          "YYYY-MM-DD"));
  command
      .add_option("--cluster-name", flags.cluster_name,
                  "The name the cluster is created with (pcluster create-cluster --cluster-name): checked by "
                  "PCL7023 (default: the config file's cluster-name, else not checked)")
      ->type_name("NAME");
  command.add_flag("--no-inline-suppressions", flags.no_inline_suppressions,
                   "Ignore every '# pcluster-lint: disable' comment");
}

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
  cmd->add_flag("--force-check", flags->force_check,
                "Check every file named on the command line, even one that is excluded in the config file or "
                "is not a cluster config by content");
  AddSettingsFlags(*cmd, flags->settings);
  cmd->callback([flags, &exit_code] { exit_code = RunCheck(*flags); });
}

void AddDumpCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<DumpFlags>();
  CLI::App* cmd = app.add_subcommand("dump", "Print a parsed config as JSON (what pcluster-lint read).");
  cmd->add_option("file", flags->path, "Config file (v3 YAML, v2 INI or TOML)")->required();
  cmd->add_flag("--positions", flags->positions, "Also list every node with its line and column");
  cmd->add_option("--input-format", flags->input_format, "Read the file as this format")
      ->check(CLI::IsMember({"yaml", "ini", "toml"}));
  cmd->callback([flags, &exit_code] { exit_code = RunDump(*flags); });
}

void AddSchemaCommand(CLI::App& app, int& exit_code) {
  auto version = std::make_shared<std::string>(core::kDefaultTargetRelease);
  CLI::App* cmd = app.add_subcommand("schema", "Print the bundled JSON Schema of a ParallelCluster release.");
  AddTargetVersionOption(*cmd, *version, "whose schema to print");
  cmd->callback([version, &exit_code] { exit_code = RunSchema(*version); });
}

void AddRulesCommands(CLI::App& app, int& exit_code) {
  auto format = std::make_shared<std::string>("text");
  CLI::App* rules = app.add_subcommand("rules", "List every rule: id, name, default severity, summary.");
  rules->add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json", "markdown"}));
  rules->callback([format, &exit_code] { exit_code = RunRules(*format); });

  auto which = std::make_shared<std::string>();
  CLI::App* explain = app.add_subcommand("explain", "Explain a rule: why it exists, how to fix, examples.");
  explain->add_option("rule", *which, "Rule id (PCL3001) or name")->required();
  explain->callback([which, &exit_code] { exit_code = RunExplain(*which); });
}

void AddDiffCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<DiffFlags>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "Say what updating a cluster from OLD to NEW needs (live, fleet stop, login nodes stop, new cluster).");
  cmd->add_option("files", flags->files, "OLD NEW, or with --git-base the files to compare with REF")->required();
  cmd->add_option("--git-base", flags->git_base, "Compare each FILE with its content at git revision REF")
      ->type_name("REF");
  AddTargetVersionOption(*cmd, flags->target_version, "whose update policies apply");
  cmd->add_option("--format", flags->format, "Output format (default: text; github inside GitHub Actions)")
      ->check(CLI::IsMember(report::FormatNames()));
  cmd->add_option("-o,--output", flags->output, "Write the report to FILE instead of stdout");
  cmd->add_option("--fail-on", flags->fail_on, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  cmd->add_flag("-q,--quiet", flags->quiet, "Print findings only, no summary");
  cmd->add_flag("--show-live", flags->show_live, "Also list changes that are always allowed (SUPPORTED/IGNORED keys)");
  cmd->callback([flags, &exit_code] { exit_code = RunDiff(*flags); });
}

void AddMigrateCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<MigrateFlags>();
  CLI::App* cmd = app.add_subcommand(
      "migrate", "Convert ParallelCluster 2 configs (INI or TOML) to ParallelCluster 3 YAML, offline.");
  cmd->add_option("inputs", flags->inputs, "A v2 config file, or files and directories with --out-dir")->required();
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
  cmd->add_option("--format", flags->format, "Format of the findings (default: text; github inside GitHub Actions)")
      ->check(CLI::IsMember(report::FormatNames()));
  AddTargetVersionOption(*cmd, flags->target_version, "whose schema checks the result");
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

}  // namespace

int RunCommandLine(int argc, char** argv) {
  int exit_code = kExitClean;
  CLI::App app{
      "pcluster-lint: check AWS ParallelCluster configs offline (v3 YAML; v2 INI/TOML), "
      "and migrate v2 configs to v3.",
      "pcluster-lint"};
  // What the binary knows, with dates: a finding about an instance type depends on the table's age.
  app.set_version_flag("--version", std::string("pcluster-lint ") + PCL_VERSION +
                                        "\nParallelCluster releases: " + schema::KnownRange() +
                                        "\nEC2 instance types: " + std::string(core::InstanceTableDate()) + " (" +
                                        std::to_string(core::AllInstanceTypes().size()) + " with facts, " +
                                        std::to_string(core::KnownRegions().size()) + " regions)");
  app.require_subcommand(1);
  app.fallthrough(false);
  AddCheckCommand(app, exit_code);
  AddDumpCommand(app, exit_code);
  AddSchemaCommand(app, exit_code);
  AddRulesCommands(app, exit_code);
  AddDiffCommand(app, exit_code);
  AddMigrateCommand(app, exit_code);
  CLI::App* lsp_command = app.add_subcommand(
      "lsp",
      "Run the language server (LSP 3.17 over stdin/stdout) for editors: live findings, hover, completion, fixes.");
  lsp_command->callback([&exit_code] { exit_code = lsp::RunStdio(); });
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "pcluster-lint: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  return exit_code;
}

}  // namespace pcl::cli
