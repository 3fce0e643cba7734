// YAML 1.1 resolution of plain scalars (PyYAML's rules, which ParallelCluster uses).
#pragma once

#include <string_view>

#include "model/node.h"

namespace pcl::parsers {

/// Types a plain (unquoted) scalar the way PyYAML's SafeLoader does: null, bool (yes/no/on/off/
/// true/false in its case forms), int (decimal, 0o-less octal "010", 0x, 0b, '_' separators,
/// base-60 "1:00:00"), float (incl. .inf/.nan, base-60) or string. Fills kind and the value fields.
void ResolvePlainScalar(std::string_view text, model::Node& node);

}  // namespace pcl::parsers
