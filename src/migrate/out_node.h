// The migrated v3 tree: ordered mappings, typed scalars, where each value came from, carried comments.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pcl::migrate {

/// A v2 option: the section as written ("cluster default") and the lower-cased option name.
struct KeyRef {
  std::string section;
  std::string key;

  auto operator<=>(const KeyRef&) const = default;
};

struct OutEntry;

/// One node of the output. Mappings keep insertion order (the official key order).
struct OutNode {
  enum class Kind : uint8_t { kNull, kBool, kInt, kFloat, kString, kMap, kSeq };

  Kind kind = Kind::kNull;
  std::string str;
  bool boolean = false;
  int64_t integer = 0;
  double real = 0;
  std::vector<OutEntry> entries;  ///< a mapping's keys and values, in order
  std::vector<OutNode> items;

  /// The v2 options this value was made from (the migration report lists its pointer under them).
  std::vector<KeyRef> origins;
  /// A scalar holding what the user wrote (copied or typed), not a value the migration chose.
  bool user_value = false;
  /// Comment lines ("# ...") written above this node's key or item, and one at the end of its line.
  std::vector<std::string> comments_before;
  std::string comment_after;

  static OutNode String(std::string value);
  static OutNode Int(int64_t value);
  static OutNode Float(double value);
  static OutNode Bool(bool value);
  static OutNode Map();
  static OutNode Seq();

  bool IsCollection() const { return kind == Kind::kMap || kind == Kind::kSeq; }
  /// An empty mapping or sequence (the converter leaves those out).
  bool Empty() const { return IsCollection() && entries.empty() && items.empty(); }

  /// The value of `key`, or nullptr.
  OutNode* Find(std::string_view key);
  const OutNode* Find(std::string_view key) const;
  /// Sets `key` (replacing an existing value in place, as a Python dict does) and returns it.
  OutNode& Set(std::string key, OutNode value);
  /// Sets `key` only when `value` is a non-empty collection or any scalar (the `_add_if` rule).
  void SetIf(std::string key, OutNode value);
  /// Removes `key`; true if it was there.
  bool Remove(std::string_view key);
  OutNode& Append(OutNode value);

  /// Adds `origin` to this node and to every node below it.
  void AddOrigin(const KeyRef& origin);
};

/// A key and its value. A struct, not std::pair: libstdc++'s pair of a type still being defined
/// does not compile with clang.
struct OutEntry {
  OutEntry(std::string key, OutNode value) : first(std::move(key)), second(std::move(value)) {}
  std::string first;
  OutNode second;
};

/// Calls `visit(pointer, node)` for every node, parents first, in output order.
void WalkOut(const OutNode& root, const std::function<void(const std::string& pointer, const OutNode& node)>& visit);
/// The node at a JSON pointer, or nullptr.
OutNode* FindOut(OutNode& root, std::string_view pointer);
const OutNode* FindOut(const OutNode& root, std::string_view pointer);

}  // namespace pcl::migrate
