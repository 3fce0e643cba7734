// Resolving many JSON pointers in one tree: hashed lookups in wide mappings, built once.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "model/json_pointer.h"
#include "model/node.h"

namespace pcl::model {

/// The node at `pointer` below `root`, with `lookup(mapping, key)` finding a mapping's (first)
/// entry for a key; also sets `*entry` when the pointer ends at a mapping key.
template <typename Lookup>
const Node* ResolvePointer(const Node& root, std::string_view pointer, const MapEntry** entry, Lookup lookup) {
  auto tokens = SplitPointer(pointer);
  if (!tokens) return nullptr;
  const Node* current = &root;
  const MapEntry* last_entry = nullptr;
  for (const std::string& token : *tokens) {
    last_entry = nullptr;
    if (current->kind == NodeKind::kMapping) {
      last_entry = lookup(*current, token);
      if (!last_entry) return nullptr;
      current = &last_entry->value;
    } else if (current->kind == NodeKind::kSequence) {
      if (token.empty() || token.size() > 9 || token.find_first_not_of("0123456789") != std::string::npos) {
        return nullptr;
      }
      size_t index = std::stoul(token);
      if (index >= current->items.size()) return nullptr;
      current = &current->items[index];
    } else {
      return nullptr;
    }
  }
  if (entry) *entry = last_entry;
  return current;
}

/// Resolves many pointers in one tree (one finding per key of a 100,000-key mapping): a mapping
/// with many entries gets a hashed key index the first time a pointer goes through it, so the
/// whole stays linear. Not thread-safe (the index fills lazily); the tree must outlive it.
class PointerIndex {
 public:
  explicit PointerIndex(const Node& root) : root_(root) {}
  /// As FindByPointer(root, pointer, entry).
  const Node* Find(std::string_view pointer, const MapEntry** entry = nullptr) const;

 private:
  const MapEntry* Lookup(const Node& mapping, std::string_view key) const;

  const Node& root_;
  mutable std::unordered_map<const Node*, std::unordered_map<std::string_view, const MapEntry*>> maps_;
};

}  // namespace pcl::model
