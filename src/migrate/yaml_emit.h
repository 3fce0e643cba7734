// Deterministic block YAML writer that produces what PyYAML's dumper writes for the same data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "migrate/out_node.h"

namespace pcl::migrate {

/// How a string scalar is written.
enum class ScalarStyle { kPlain, kSingleQuoted, kDoubleQuoted };

/// The style PyYAML (default_style None, allow_unicode False) picks for a string value: plain
/// unless YAML 1.1 would read it as something else ('010', 'yes', '1:00:00', '', asked of the
/// reader's resolver, parsers::PlainReadsAsString) or it holds indicators, quotes when needed,
/// double quotes for control and non-ASCII characters.
ScalarStyle ChooseStyle(std::string_view value);

/// Writes `root` (a mapping) like `yaml.dump(data, sort_keys=False, default_flow_style=False)`
/// with sequences indented under their key, width 80, after the `header` comment lines. Keys are
/// written as PyYAML writes them (quoted when needed; "? key" when empty, multi-line or long). Carried
/// comments are written above keys (own-line) and at the end of lines (inline).
std::string EmitYaml(const OutNode& root, const std::vector<std::string>& header = {});

/// `text` (one comment line) with every character a YAML reader refuses (NUL, C0 and C1 controls
/// other than tab, line breaks, DEL, U+FFFE/U+FFFF) written as an escape, `\x01` or `\uFFFE`: a v2 value copied
/// into a comment must not make the whole file unreadable.
std::string CommentText(std::string_view text);

}  // namespace pcl::migrate
