// v2 INI front end with the semantics of Python's configparser (as ParallelCluster 2 read it).
#pragma once

#include "parsers/parse_result.h"

namespace pcl::parsers {

/// Parses a v2 INI file like `configparser.ConfigParser(inline_comment_prefixes=("#", ";"))`.
ParseResult ParseIniV2(model::SourcePtr source, const ParseLimits& limits = {});

}  // namespace pcl::parsers
