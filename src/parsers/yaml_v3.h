// v3 YAML front end: yaml-cpp events → document tree with positions, duplicates and bounded aliases.
#pragma once

#include "parsers/parse_result.h"

namespace pcl::parsers {

/// Parses one YAML document. Duplicate keys, a second document, excessive depth or alias
/// expansion, and syntax errors become findings; plain scalars are typed by YAML 1.1 rules.
ParseResult ParseYamlV3(model::SourcePtr source, const ParseLimits& limits = {});

}  // namespace pcl::parsers
