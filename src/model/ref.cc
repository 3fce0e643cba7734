// Reads and child lookups on a place in the document.
#include "model/ref.h"

#include <algorithm>

#include "model/json_pointer.h"
#include "model/scalar_read.h"

namespace pcl::model {

Ref Ref::At(std::string_view path) const {
  std::string pointer = pointer_;
  const Node* node = node_;
  while (!path.empty()) {
    const size_t slash = path.find('/');
    const std::string_view key = path.substr(0, slash);
    pointer += '/';
    pointer += key;
    node = node && node->kind == NodeKind::kMapping ? node->Find(key) : nullptr;
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  return Ref(std::move(pointer), node);
}

Ref Ref::Item(size_t index) const {
  const Node* item = IsSequence() && index < node_->items.size() ? &node_->items[index] : nullptr;
  return Ref(AppendPointer(pointer_, index), item);
}

std::vector<Ref> Ref::Items() const {
  std::vector<Ref> out;
  for (size_t i = 0; i < Size(); ++i) out.emplace_back(AppendPointer(pointer_, i), &node_->items[i]);
  return out;
}

std::vector<Ref> Ref::MappingItems() const {
  std::vector<Ref> out;
  for (size_t i = 0; i < Size(); ++i) {
    if (node_->items[i].kind == NodeKind::kMapping) out.emplace_back(AppendPointer(pointer_, i), &node_->items[i]);
  }
  return out;
}

std::optional<int64_t> Ref::Int() const {
  return node_ ? ReadInteger(*node_) : std::nullopt;
}
std::optional<double> Ref::Number() const {
  return node_ ? ReadNumber(*node_) : std::nullopt;
}
std::optional<bool> Ref::Bool() const {
  return node_ ? ReadBoolean(*node_) : std::nullopt;
}

std::string Ref::Text() const {
  return node_ && node_->IsScalar() && node_->kind != NodeKind::kNull ? node_->text : std::string();
}

std::string Ref::Label() const {
  return PointerLabel(pointer_);
}

std::string PointerLabel(std::string_view pointer) {
  std::string out;
  auto tokens = SplitPointer(pointer);
  if (!tokens) return std::string(pointer);
  for (const std::string& token : *tokens) {
    const bool index =
        !token.empty() && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
    out += index ? "[" + token + "]" : (out.empty() ? "" : ".") + token;
  }
  return out;
}

}  // namespace pcl::model
