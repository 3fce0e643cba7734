// Input format detection: content first, file extension as a hint.
#pragma once

#include <string_view>

#include "model/document.h"

namespace pcl::parsers {

/// Guesses the format of `text` (named `path`). Returns kUnknown when nothing fits.
model::Format DetectFormat(std::string_view path, std::string_view text);
/// Parses "yaml", "ini", "toml" (the --input-format values); kUnknown otherwise.
model::Format ParseFormatName(std::string_view name);

}  // namespace pcl::parsers
