// toml11 behind one file: the TOML front end sees this plain tree and ready-made findings, never
// toml11's types, internals or error drawings (so a toml11 upgrade touches toml11_adapter.cc only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/source.h"

namespace pcl::parsers::toml11 {

struct TableEntry;

/// A parsed TOML value with its byte span in the source.
struct Value {
  enum class Kind : uint8_t { kTable, kArray, kString, kBoolean, kInteger, kOther /* float, date, time */ };

  Kind kind = Kind::kOther;
  size_t begin = 0;  ///< byte offsets of the value as written; a [header] table spans its header
  size_t end = 0;
  bool literal = false;           ///< kString: written '...' (not "...")
  std::string string;             ///< kString
  bool boolean = false;           ///< kBoolean
  int64_t integer = 0;            ///< kInteger
  std::vector<TableEntry> table;  ///< kTable, sorted by key
  std::vector<Value> array;       ///< kArray

  bool IsTable() const { return kind == Kind::kTable; }
  bool IsArray() const { return kind == Kind::kArray; }
};

/// A key and its value in a table. A struct, not std::pair: libstdc++'s pair of a type still being
/// defined does not compile with clang.
struct TableEntry {
  std::string key;
  Value value;
};

/// The document's root table, or the one finding for why there is none (`file:line:col` from
/// toml11's report, in plain words).
struct Parsed {
  std::optional<Value> root;
  std::optional<model::Diagnostic> error;
};

/// Parses `source` with toml11. Never throws for bad input. Call it only on text that passed the
/// front end's pre-scan: toml11 recurses without bound on deep nesting.
Parsed Parse(const model::SourceFile& source);

}  // namespace pcl::parsers::toml11
