// Scalars read the way ParallelCluster's loader reads them: one place for the schema check and the rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "model/node.h"

namespace pcl::model {

/// An integer field's value (v3-schema.md §2.7): ints, floats truncated toward zero (clamped to
/// int64), numeric strings as Python int(str) reads them ("5", " +7 ", "1_000"); nullopt else.
std::optional<int64_t> ReadInteger(const Node& node);
/// A number field's value: ints, finite floats and numeric strings (Python float(str), finite only).
std::optional<double> ReadNumber(const Node& node);
/// A boolean field's value: booleans, 0/1 (also 0.0/1.0), and marshmallow's words t/true/on/y/yes/1
/// and f/false/off/n/no/0 in lower, Title or UPPER case; nullopt for anything else.
std::optional<bool> ReadBoolean(const Node& node);

/// Python int(text) for a str: surrounding whitespace, a sign, digits with single '_' between
/// them. Values beyond int64 are clamped (range checks then report them).
bool ParsePythonInt(std::string_view text, int64_t& value);
/// Python float(text) restricted to finite values (the official field rejects NaN/Infinity).
bool ParsePythonFloat(std::string_view text, double& value);

}  // namespace pcl::model
