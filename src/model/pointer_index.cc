// PointerIndex: FindByPointer with a hashed key index for wide mappings.
#include "model/pointer_index.h"

namespace pcl::model {
namespace {

// Mappings up to this size are searched in place: hashing them would cost more than it saves.
constexpr size_t kIndexedMappingSize = 32;

}  // namespace

const Node* PointerIndex::Find(std::string_view pointer, const MapEntry** entry) const {
  return ResolvePointer(root_, pointer, entry,
                        [this](const Node& mapping, std::string_view key) { return Lookup(mapping, key); });
}

const MapEntry* PointerIndex::Lookup(const Node& mapping, std::string_view key) const {
  if (mapping.entries.size() <= kIndexedMappingSize) return mapping.FindEntry(key);
  auto [it, added] = maps_.try_emplace(&mapping);
  if (added) {
    it->second.reserve(mapping.entries.size());
    // try_emplace keeps the first of duplicate keys, as FindEntry does.
    for (const MapEntry& e : mapping.entries) it->second.try_emplace(e.key, &e);
  }
  auto found = it->second.find(key);
  return found == it->second.end() ? nullptr : found->second;
}

}  // namespace pcl::model
