// Finds '#' comments in YAML text (the event API does not report them).
#pragma once

#include <utility>
#include <vector>

#include "model/document.h"

namespace pcl::parsers {

/// Every comment in `source`, skipping '#' inside the quoted/block scalars given as byte spans.
std::vector<model::Comment> ScanYamlComments(const model::SourceFile& source,
                                             const std::vector<std::pair<size_t, size_t>>& scalar_spans);

}  // namespace pcl::parsers
