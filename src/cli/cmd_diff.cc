// `pcluster-lint diff OLD NEW` / `diff --git-base REF FILE...`: what an update-cluster from OLD to NEW needs.
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "diff/diff.h"
#include "diff/git_base.h"
#include "diff/policy_table.h"
#include "parsers/load.h"
#include "pipeline/output.h"
#include "report/report.h"
#include "schema/schema_check.h"

namespace pcl::cli {
namespace {

report::RunReport ToReport(diff::DiffRun& run) {
  report::RunReport report;
  report.target_version = run.target_version;
  report.files = run.files;
  report.diagnostics = run.diagnostics;
  report.sources = run.sources;
  return report;
}

// One renderer per --format value; the findings go through the shared reporters.
std::string Render(diff::DiffRun& run, const DiffFlags& flags) {
  report::RunReport report = ToReport(run);
  const bool to_stdout = flags.output.empty() || flags.output == "-";
  const std::string format = pipeline::ResolveFormat(flags.format, to_stdout);
  // SARIF, JUnit and GitHub annotations carry findings only; json and text add the verdict.
  if (format != "json" && format != "text") return pipeline::RenderFindings(format, report, to_stdout, true);
  std::ostringstream out;
  if (format == "json") {
    std::ostringstream findings;
    report::WriteJson(report, findings);
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(findings.str(), nullptr, false);
    if (doc.is_object()) {
      doc["update"] = diff::SummaryJson(run.summary);
      // Paths from the command line may not be UTF-8; never let that abort the report.
      out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    } else {
      out << findings.str();
    }
  } else {
    report::WriteText(report, {to_stdout && pipeline::UseColour(), /*quiet=*/true, /*snippets=*/true}, out);
    if (!flags.quiet) diff::WriteSummaryText(run.summary, out);
  }
  return out.str();
}

}  // namespace

int RunDiff(const DiffFlags& flags) {
  // Checked here, not as a CLI11 validator, so other commands never load the policy table.
  const diff::PolicyTable& table = diff::PolicyTable::Embedded();
  if (!table.error().empty()) {
    std::cerr << "pcluster-lint: internal error: " << table.error() << "\n";
    return kExitInternal;
  }
  if (!table.IsRelease(flags.target_version)) {
    std::cerr << "pcluster-lint: --target-version " << flags.target_version << " is not a known release (3.0 ... "
              << (table.releases().empty() ? "?" : table.releases().back()) << ")\n";
    return kExitUsage;
  }
  diff::DiffOptions options;
  options.target_version = flags.target_version;
  options.show_live = flags.show_live;
  diff::DiffRun run;
  run.target_version = flags.target_version;

  if (flags.git_base.empty()) {
    if (flags.files.size() != 2) {
      std::cerr << "pcluster-lint: diff needs two files (OLD NEW), or --git-base REF FILE...\n";
      return kExitUsage;
    }
    diff::DiffFiles(flags.files[0], flags.files[1], options, run);
  } else {
    for (const std::string& file : flags.files) {
      diff::BaseVersion base = diff::ReadAtRevision(file, flags.git_base, options.load.limits.max_bytes);
      if (!base.ok) {
        std::cerr << "pcluster-lint: git: " << base.error << "\n";
        return kExitUsage;
      }
      if (!base.exists) {
        run.summary.notes.push_back(file + ": not in " + flags.git_base + "; nothing to compare");
        continue;
      }
      diff::DiffParsed(parsers::LoadText(base.label, std::move(base.text), options.load),
                       parsers::LoadFile(file, options.load), options, run);
    }
  }

  pipeline::ProtectedFiles guard;  // the report never lands on a file it compares
  for (const std::string& file : flags.files) guard.AddInput(file);
  if (std::string error = pipeline::WriteOutput(flags.output, Render(run, flags), {.guard = &guard}); !error.empty()) {
    std::cerr << "pcluster-lint: " << error << "\n";
    return kExitUsage;
  }
  if (run.io_error) return kExitUsage;
  if (flags.fail_on == "never") return kExitClean;
  model::Severity threshold = *model::ParseSeverity(flags.fail_on);
  for (const auto& d : run.diagnostics) {
    if (!d.suppressed && d.severity >= threshold) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace pcl::cli
