// The intermediate "problem" record the schema check's passes produce (ids: generated/ids/schema.h).
#pragma once

#include <string>
#include <vector>

#include "generated/ids/schema.h"

namespace pcl::schema {

/// Where in the instance a pass is: the RFC 6901 pointer, the same pointer with list indexes as
/// `*` (the form versions.json uses), and a short human label ("HeadNode", "SubnetIds[0]").
struct Path {
  std::string pointer;
  std::string wildcard;
  std::string label;

  Path Key(const std::string& key) const;
  Path Index(size_t index) const;
};

/// Which part of the YAML a finding points at.
enum class Anchor { kKey, kValue, kMapping };

/// One finding before it gets a source position.
struct Problem {
  const char* rule_id = ids::kSchemaViolation;
  std::string message;
  std::string pointer;         ///< what the finding is about (a missing key's would-be pointer)
  std::string anchor_pointer;  ///< the node whose key/value/mapping the position comes from
  Anchor anchor = Anchor::kValue;
  /// A byte offset inside the anchor's string value (a JSON syntax error in DevSettings), placed
  /// exactly where the YAML allows it (see schema_check.cc); npos = the value's start.
  size_t value_offset = std::string::npos;
  /// Cross-field findings name the keys they involve; one is dropped when any of those keys
  /// already has its own finding (no cascades from one mistake).
  bool cross_field = false;
  std::vector<std::string> involved;
  /// Every key a cross-field check reads: a wrong type on any of them drops it (its verdict on a
  /// value of the wrong type means nothing).
  std::vector<std::string> reads;
  /// An optional second location ("first defined here"), by pointer.
  std::string note_message;
  std::string note_pointer;
};

}  // namespace pcl::schema
