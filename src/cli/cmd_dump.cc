// `pcluster-lint dump FILE`: print what the parser read, as JSON (v3 data, or v2 sections/options).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/output.h"
#include "engine/rule_meta.h"
#include "engine/runner.h"
#include "parsers/detect.h"
#include "parsers/load.h"
#include "generated/ids/input.h"
#include "report/dump.h"
#include "report/report.h"

namespace pcl::cli {
namespace {

struct DumpFlags {
  std::string path;
  bool positions = false;
  std::string input_format;
};

int RunDump(const DumpFlags& flags) {
  engine::CheckOptions options;
  if (!flags.input_format.empty()) options.load.forced_format = parsers::ParseFormatName(flags.input_format);
  // Only the front end runs: dump shows what was read, valid against the schema or not.
  parsers::ParseResult parsed = parsers::LoadFile(flags.path, options.load);
  engine::FileResult result;
  result.path = flags.path;
  result.document = std::move(parsed.document);
  result.diagnostics = std::move(parsed.diagnostics);
  engine::ApplyRuleDefaults(result.path, result.diagnostics);
  bool has_error = false;
  for (const auto& d : result.diagnostics) has_error |= d.severity == model::Severity::kError;
  if (has_error || !result.document.ok) {
    // The findings go to stderr so stdout stays valid JSON (or empty).
    report::RunReport run;
    run.files.push_back(result.path);
    if (result.document.source) run.sources[result.path] = result.document.source;
    run.diagnostics = result.diagnostics;
    report::WriteText(run, {false, true, true}, std::cerr);
    for (const auto& d : result.diagnostics) {
      if (d.rule_id == ids::kUnreadableFile) return kExitUsage;  // I/O errors exit 2, as in check
    }
    return kExitFindings;
  }
  nlohmann::ordered_json out = flags.positions ? report::DumpPositions(result.document)
                                               : report::DumpDocument(result.document);
  std::string error = WriteOutput("-", out.dump(1) + "\n", {});
  return error.empty() ? kExitClean : kExitUsage;
}

}  // namespace

void AddDumpCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<DumpFlags>();
  CLI::App* cmd = app.add_subcommand("dump", "Print a parsed config as JSON (what pcluster-lint read).");
  cmd->add_option("file", flags->path, "Config file (v3 YAML, v2 INI or TOML)")->required();
  cmd->add_flag("--positions", flags->positions, "Also list every node with its line and column");
  cmd->add_option("--input-format", flags->input_format, "Read the file as this format")
      ->check(CLI::IsMember({"yaml", "ini", "toml"}));
  cmd->callback([flags, &exit_code] { exit_code = RunDump(*flags); });
}

}  // namespace pcl::cli
