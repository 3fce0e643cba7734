// `pcluster-lint dump FILE`: print what the parser read, as JSON (v3 data, or v2 sections/options).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "engine/rule_meta.h"
#include "generated/ids/input.h"
#include "parsers/detect.h"
#include "parsers/load.h"
#include "pipeline/output.h"
#include "pipeline/runner.h"
#include "report/dump.h"
#include "report/report.h"

namespace pcl::cli {
namespace {}  // namespace

int RunDump(const DumpFlags& flags) {
  pipeline::CheckOptions options;
  if (!flags.input_format.empty()) options.load.forced_format = parsers::ParseFormatName(flags.input_format);
  // Only the front end runs: dump shows what was read, valid against the schema or not.
  parsers::ParseResult parsed = parsers::LoadFile(flags.path, options.load);
  pipeline::FileResult result;
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
  nlohmann::ordered_json out =
      flags.positions ? report::DumpPositions(result.document) : report::DumpDocument(result.document);
  std::string error = pipeline::WriteOutput("-", out.dump(1) + "\n", {});
  return error.empty() ? kExitClean : kExitUsage;
}

}  // namespace pcl::cli
