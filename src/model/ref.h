// A place in the document (a node and its JSON pointer) with reads that never fail: what rules hold.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"

namespace pcl::model {

/// The node found at `pointer`, or nothing there (node() is nullptr; the pointer still says where
/// it would be, so a rule can report at the parent or name the missing key). Every accessor is
/// safe on an absent place, so rules read nested paths without null checks.
class Ref {
 public:
  Ref() = default;
  Ref(std::string pointer, const Node* node) : pointer_(std::move(pointer)), node_(node) {}

  const std::string& pointer() const { return pointer_; }
  const Node* node() const { return node_; }
  /// Written, even as an explicit null.
  bool written() const { return node_ != nullptr; }
  /// Written and not null: `Key: ~` means "not given" to ParallelCluster (the schema check reports it).
  bool present() const { return node_ != nullptr && node_->kind != NodeKind::kNull; }
  explicit operator bool() const { return present(); }
  bool IsMapping() const { return node_ && node_->kind == NodeKind::kMapping; }
  bool IsSequence() const { return node_ && node_->kind == NodeKind::kSequence; }
  bool IsString() const { return node_ && node_->kind == NodeKind::kString; }

  /// The child at a '/'-separated path of mapping keys ("Networking/SubnetIds"); keys with '/' or
  /// '~' are not ParallelCluster keys, so the path is not escaped.
  Ref At(std::string_view path) const;
  /// Item `index` of a sequence.
  Ref Item(size_t index) const;
  /// The items of a sequence (none for anything else), and the ones that are mappings.
  std::vector<Ref> Items() const;
  std::vector<Ref> MappingItems() const;
  /// The number of items of a sequence; 0 for anything else.
  size_t Size() const { return IsSequence() ? node_->items.size() : 0; }

  /// Reads as the official loader does (model/scalar_read.h): `"5"` is 5 and `"yes"` is true.
  std::optional<int64_t> Int() const;
  std::optional<double> Number() const;
  std::optional<bool> Bool() const;
  bool IsTrue() const { return Bool() == true; }
  bool IsFalse() const { return Bool() == false; }
  /// The text of a string scalar; "" for anything else.
  std::string String() const { return IsString() ? node_->text : std::string(); }
  /// The text of any scalar that is not null, as written (`Name: 12` is "12"); "" for anything else.
  std::string Text() const;
  /// The place as users read keys: "Scheduling.SlurmQueues[0].Name".
  std::string Label() const;

 private:
  std::string pointer_;
  const Node* node_ = nullptr;
};

/// A pointer written the way users read keys: /Scheduling/SlurmQueues/0/Name →
/// Scheduling.SlurmQueues[0].Name. Every message that names a place uses it.
std::string PointerLabel(std::string_view pointer);

}  // namespace pcl::model
