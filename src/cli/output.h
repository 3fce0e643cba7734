// Writing results: stdout or a file, atomically, never clobbering what the user did not ask to replace.
#pragma once

#include <string>

namespace pcl::cli {

/// Writes `content` to `path` ("-" or "" = stdout) via a temp file and rename. Returns an error
/// message, or "" on success. `mode` is applied to a new file (e.g. 0600 for migrated configs).
std::string WriteOutput(const std::string& path, const std::string& content, bool overwrite = true,
                        unsigned mode = 0644);

/// Whether coloured output should be used on stdout (a TTY, NO_COLOR unset, TERM not dumb).
bool UseColour();

}  // namespace pcl::cli
