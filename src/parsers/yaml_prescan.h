// One cheap pass over a YAML file before yaml-cpp sees it: input budgets (line length, flow and
// block nesting) and what PyYAML's reader and scanner refuse but yaml-cpp accepts.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "model/diagnostic.h"
#include "model/source.h"
#include "parsers/parse_result.h"

namespace pcl::parsers {

/// The first budget the text exceeds (PCL0006, naming the limit) or the first thing PyYAML's safe
/// loader would refuse (PCL0001): a control character, a tab between tokens, a reused anchor
/// name. Linear time, memory bounded by the number of anchors. Lenient where the text is
/// ambiguous to a scan this simple: it never refuses what PyYAML reads.
std::optional<model::Diagnostic> PreScanYaml(const model::SourceFile& source, const ParseLimits& limits);

/// The code point of a character PyYAML's reader refuses at `text[i]` (anything but tab, line
/// breaks, printable ASCII, NEL and the rest of Unicode minus C1 controls, surrogates and
/// U+FFFE/U+FFFF), with its length in `size`; 0 when the character is accepted. NUL is refused
/// earlier, as binary content, and reads as accepted here.
uint32_t RefusedCharacter(std::string_view text, size_t i, size_t& size);

}  // namespace pcl::parsers
