// YAML 1.1 resolution of plain scalars (PyYAML's rules, which ParallelCluster uses): the one resolver
// the YAML reader types scalars with and the migrator's writer decides quoting with.
#pragma once

#include <cstdint>
#include <string_view>

#include "model/node.h"

namespace pcl::parsers {

/// The tag PyYAML's implicit resolvers (yaml/resolver.py) give a plain scalar.
enum class Yaml11Tag : uint8_t { kNull, kBool, kInt, kFloat, kTimestamp, kMerge, kValue, kYaml, kString };

/// Types a plain (unquoted) scalar the way PyYAML's SafeLoader does: null, bool (yes/no/on/off/
/// true/false in its case forms), int (decimal, 0o-less octal "010", 0x, 0b, '_' separators,
/// base-60 "1:00:00"), float (incl. .inf/.nan, base-60) or string. Fills kind and the value fields,
/// and returns the tag. The model has no kind for a timestamp ("2001-12-14"; PyYAML makes a date),
/// "<<" as a value, "=" (PyYAML refuses both) or "!", "&", "*": those nodes keep their text as a
/// string, as the reader always has, and only the tag tells them apart.
Yaml11Tag ResolvePlainScalar(std::string_view text, model::Node& node);

/// Whether `text`, written as a plain scalar, reads back as the string `text` (PyYAML's dumper
/// quotes a string exactly when this is false or the text cannot be plain at all).
bool PlainReadsAsString(std::string_view text);

}  // namespace pcl::parsers
