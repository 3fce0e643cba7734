// Writing results: stdout or a file, atomically, never clobbering what the user did not ask to replace.
#pragma once

#include <string>

#include "report/report.h"

namespace pcl::cli {

/// Writes `content` to `path` ("-" or "" = stdout) via a temp file and rename. Returns an error
/// message, or "" on success. `mode` is applied to a new file (e.g. 0600 for migrated configs).
std::string WriteOutput(const std::string& path, const std::string& content, bool overwrite = true,
                        unsigned mode = 0644);

/// Whether coloured output should be used on stdout (a TTY, NO_COLOR unset, TERM not dumb).
bool UseColour();

/// The --format a command uses: `requested`, or when none was given, `github` inside GitHub
/// Actions (GITHUB_ACTIONS=true) for a report on stdout, else `text`.
std::string ResolveFormat(const std::string& requested, bool to_stdout);

/// Renders findings in `format` (check, migrate and diff share this); `colour_ok` allows colour
/// in text output when the terminal does too.
std::string RenderFindings(const std::string& format, const report::RunReport& run, bool colour_ok, bool quiet);

}  // namespace pcl::cli
