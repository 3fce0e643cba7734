// The migrated v3 tree: ordered mappings, typed scalars, where each value came from, carried comments.
#include "migrate/out_node.h"

#include <algorithm>

#include "model/json_pointer.h"

namespace pcl::migrate {

OutNode OutNode::String(std::string value) {
  OutNode node;
  node.kind = Kind::kString;
  node.str = std::move(value);
  return node;
}

OutNode OutNode::Int(int64_t value) {
  OutNode node;
  node.kind = Kind::kInt;
  node.integer = value;
  return node;
}

OutNode OutNode::Float(double value) {
  OutNode node;
  node.kind = Kind::kFloat;
  node.real = value;
  return node;
}

OutNode OutNode::Bool(bool value) {
  OutNode node;
  node.kind = Kind::kBool;
  node.boolean = value;
  return node;
}

OutNode OutNode::Map() {
  OutNode node;
  node.kind = Kind::kMap;
  return node;
}

OutNode OutNode::Seq() {
  OutNode node;
  node.kind = Kind::kSeq;
  return node;
}

OutNode* OutNode::Find(std::string_view key) {
  for (auto& [name, value] : entries) {
    if (name == key) return &value;
  }
  return nullptr;
}

const OutNode* OutNode::Find(std::string_view key) const {
  for (const auto& [name, value] : entries) {
    if (name == key) return &value;
  }
  return nullptr;
}

OutNode& OutNode::Set(std::string key, OutNode value) {
  kind = Kind::kMap;
  if (OutNode* existing = Find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  entries.emplace_back(std::move(key), std::move(value));
  return entries.back().second;
}

void OutNode::SetIf(std::string key, OutNode value) {
  if (value.kind == Kind::kNull || value.Empty()) return;
  Set(std::move(key), std::move(value));
}

bool OutNode::Remove(std::string_view key) {
  auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& entry) { return entry.first == key; });
  if (it == entries.end()) return false;
  entries.erase(it);
  return true;
}

OutNode& OutNode::Append(OutNode value) {
  kind = Kind::kSeq;
  items.push_back(std::move(value));
  return items.back();
}

void OutNode::AddOrigin(const KeyRef& origin) {
  if (std::find(origins.begin(), origins.end(), origin) == origins.end()) origins.push_back(origin);
  for (auto& [name, value] : entries) value.AddOrigin(origin);
  for (OutNode& item : items) item.AddOrigin(origin);
}

namespace {

void Walk(const OutNode& node, const std::string& pointer,
          const std::function<void(const std::string&, const OutNode&)>& visit) {
  visit(pointer, node);
  for (const auto& [name, value] : node.entries) Walk(value, model::AppendPointer(pointer, name), visit);
  for (size_t i = 0; i < node.items.size(); ++i) {
    Walk(node.items[i], model::AppendPointer(pointer, i), visit);
  }
}

}  // namespace

void WalkOut(const OutNode& root, const std::function<void(const std::string& pointer, const OutNode& node)>& visit) {
  Walk(root, "", visit);
}

OutNode* FindOut(OutNode& root, std::string_view pointer) {
  auto tokens = model::SplitPointer(pointer);
  if (!tokens) return nullptr;
  OutNode* node = &root;
  for (const std::string& token : *tokens) {
    if (node->kind == OutNode::Kind::kMap) {
      node = node->Find(token);
    } else if (node->kind == OutNode::Kind::kSeq) {
      size_t index = 0;
      for (char c : token) {
        if (c < '0' || c > '9') return nullptr;
        index = index * 10 + static_cast<size_t>(c - '0');
      }
      if (token.empty() || index >= node->items.size()) return nullptr;
      node = &node->items[index];
    } else {
      return nullptr;
    }
    if (node == nullptr) return nullptr;
  }
  return node;
}

const OutNode* FindOut(const OutNode& root, std::string_view pointer) {
  return FindOut(const_cast<OutNode&>(root), pointer);  // the lookup itself changes nothing
}

}  // namespace pcl::migrate
