// The one document tree for every input format: mappings, sequences and typed scalars with positions.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/source.h"

namespace pcl::model {

/// What a node is. Scalars are typed by their front end (YAML 1.1 resolution for v3 files;
/// always kString for v2 INI/TOML, whose values configparser reads as text).
enum class NodeKind : uint8_t { kNull, kBool, kInt, kFloat, kString, kSequence, kMapping };

std::string_view NodeKindName(NodeKind kind);

/// How a scalar was written; `true` and `'true'` differ only here and in their kind.
enum class ScalarStyle : uint8_t { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded };

struct MapEntry;

/// A node of the tree. Value semantics: children are owned.
struct Node {
  NodeKind kind = NodeKind::kNull;
  ScalarStyle style = ScalarStyle::kPlain;
  std::string text;  ///< Scalar text as written, after unescaping (empty for collections).
  bool bool_value = false;
  int64_t int_value = 0;
  double float_value = 0;
  Range range;  ///< Where the value is written (for aliased copies: where the alias is).
  /// Set when this node is a copy made by expanding an alias: where the anchor was defined.
  Position anchor_position;
  std::vector<Node> items;        ///< kSequence
  std::vector<MapEntry> entries;  ///< kMapping, in source order

  bool IsScalar() const { return kind != NodeKind::kSequence && kind != NodeKind::kMapping; }
  bool IsQuoted() const { return style == ScalarStyle::kSingleQuoted || style == ScalarStyle::kDoubleQuoted; }
  /// The entry for `key` in a mapping, or nullptr.
  const Node* Find(std::string_view key) const;
  const MapEntry* FindEntry(std::string_view key) const;

  static Node String(std::string text, Range range = {});
};

/// A key and its value in a mapping, with the key's own position.
struct MapEntry {
  std::string key;
  Range key_range;
  Node value;
};

/// Converts to JSON data (the form the schema check and `dump` use).
nlohmann::json ToJson(const Node& node);

/// The node at an RFC 6901 pointer, or nullptr. Also returns the entry when the pointer ends at a
/// mapping key, so callers can point at the key instead of the value.
const Node* FindByPointer(const Node& root, std::string_view pointer, const MapEntry** entry = nullptr);

/// Calls `visit(pointer, node, entry)` for every node, parents before children; `entry` is the
/// mapping entry that holds the node (nullptr for the root and sequence items).
void WalkNodes(const Node& root,
               const std::function<void(const std::string& pointer, const Node& node, const MapEntry* entry)>& visit);

}  // namespace pcl::model
