// `dump`: the parsed document as JSON, to show (and test) exactly what the parsers read.
#pragma once

#include <nlohmann/json.hpp>

#include "model/document.h"

namespace pcl::report {

/// v3: the YAML data in source order. v2: {"defaults": {...}, "sections": [{"name", "options"}]},
/// option values exactly as configparser.get() returns them.
nlohmann::ordered_json DumpDocument(const model::Document& document);
/// Every node with its JSON pointer, kind, and key/value positions.
nlohmann::ordered_json DumpPositions(const model::Document& document);

}  // namespace pcl::report
