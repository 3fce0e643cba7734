// v2 TOML front end: toml11 → the same v2 section/option model as the INI reader.
#pragma once

#include "parsers/parse_result.h"

namespace pcl::parsers {

/// Parses a v2 config kept as TOML ([cluster.default] or ["cluster default"] tables).
ParseResult ParseTomlV2(model::SourcePtr source, const ParseLimits& limits = {});

}  // namespace pcl::parsers
