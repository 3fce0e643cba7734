// User content (keys, values, file names) made safe to print on a terminal or in a CI log.
#pragma once

#include <string>
#include <string_view>

namespace pcl::report {

/// `text` with everything a terminal or CI log runner would act on shown as an escape: C0
/// controls and DEL as `\n`, `\r`, `\t` or `\x1b`; C1 controls and bidirectional-text controls
/// as `\u009b`, `\u202e`; bytes that are not UTF-8 as `\xff`. Other text is unchanged.
std::string Visible(std::string_view text);

/// Visible(path), and never the start of a workflow command or other line a CI runner acts on
/// (`::error`, `##[`, leading blanks): a path that begins with ':', '#', a blank or a control
/// character gets "./" in front (still the same file).
std::string VisiblePath(std::string_view path);

}  // namespace pcl::report
