// One cheap pass over a YAML file before yaml-cpp sees it: input budgets (line length, flow and
// block nesting) and what PyYAML's reader and scanner refuse but yaml-cpp accepts.
#pragma once

#include <optional>

#include "model/diagnostic.h"
#include "model/source.h"
#include "parsers/parse_result.h"

namespace pcl::parsers {

/// The first budget the text exceeds (PCL0006, naming the limit) or the first thing PyYAML's safe
/// loader would refuse (PCL0001): a control character, a tab between tokens, a reused anchor
/// name. Linear time, memory bounded by the number of anchors. Lenient where the text is
/// ambiguous to a scan this simple: it never refuses what PyYAML reads.
std::optional<model::Diagnostic> PreScanYaml(const model::SourceFile& source, const ParseLimits& limits);

}  // namespace pcl::parsers
