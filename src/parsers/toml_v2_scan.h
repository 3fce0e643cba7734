// What the v2 TOML front end adds around toml11: a pre-scan (comments, hostile shapes).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"
#include "parsers/parse_result.h"

namespace pcl::parsers::toml_v2 {

model::Diagnostic Finding(const char* id, std::string message, model::Range range);

// Finds comments, and the shapes toml11 cannot survive (it recurses without bound, so deep arrays
// crash it). Exact only for valid TOML, which is all that matters: toml11 rejects the rest.
struct PreScan {
  std::vector<model::Comment> comments;
  std::optional<model::Diagnostic> limit;

  void Run(const model::SourceFile& source, const ParseLimits& limits);
};

}  // namespace pcl::parsers::toml_v2
