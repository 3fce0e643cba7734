// Document tree queries: lookup, pointer resolution, walking and JSON conversion.
#include "model/node.h"

#include <cmath>

#include "model/json_pointer.h"
#include "model/pointer_index.h"

namespace pcl::model {

std::string_view NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kNull: return "null";
    case NodeKind::kBool: return "boolean";
    case NodeKind::kInt: return "integer";
    case NodeKind::kFloat: return "number";
    case NodeKind::kString: return "string";
    case NodeKind::kSequence: return "list";
    case NodeKind::kMapping: return "mapping";
  }
  return "null";
}

const MapEntry* Node::FindEntry(std::string_view key) const {
  for (const MapEntry& entry : entries) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

const Node* Node::Find(std::string_view key) const {
  const MapEntry* entry = FindEntry(key);
  return entry ? &entry->value : nullptr;
}

Node Node::String(std::string text, Range range) {
  Node node;
  node.kind = NodeKind::kString;
  node.text = std::move(text);
  node.range = range;
  return node;
}

nlohmann::json ToJson(const Node& node) {
  switch (node.kind) {
    case NodeKind::kNull: return nullptr;
    case NodeKind::kBool: return node.bool_value;
    case NodeKind::kInt: return node.int_value;
    case NodeKind::kFloat:
      // JSON has no NaN/Infinity; keep the text so the schema check still sees a non-number.
      if (!std::isfinite(node.float_value)) return node.text;
      return node.float_value;
    case NodeKind::kString: return node.text;
    case NodeKind::kSequence: {
      nlohmann::json array = nlohmann::json::array();
      for (const Node& item : node.items) array.push_back(ToJson(item));
      return array;
    }
    case NodeKind::kMapping: {
      // ordered_json would keep source order, but the schema check only needs data.
      nlohmann::json object = nlohmann::json::object();
      for (const MapEntry& entry : node.entries) object[entry.key] = ToJson(entry.value);
      return object;
    }
  }
  return nullptr;
}

const Node* FindByPointer(const Node& root, std::string_view pointer, const MapEntry** entry) {
  return ResolvePointer(root, pointer, entry,
                        [](const Node& mapping, std::string_view key) { return mapping.FindEntry(key); });
}

namespace {

void WalkImpl(const Node& node, std::string& pointer, const MapEntry* entry,
              const std::function<void(const std::string&, const Node&, const MapEntry*)>& visit) {
  visit(pointer, node, entry);
  size_t length = pointer.size();
  if (node.kind == NodeKind::kMapping) {
    for (const MapEntry& child : node.entries) {
      pointer += '/';
      pointer += EscapePointerToken(child.key);
      WalkImpl(child.value, pointer, &child, visit);
      pointer.resize(length);
    }
  } else if (node.kind == NodeKind::kSequence) {
    for (size_t i = 0; i < node.items.size(); ++i) {
      pointer += '/';
      pointer += std::to_string(i);
      WalkImpl(node.items[i], pointer, nullptr, visit);
      pointer.resize(length);
    }
  }
}

}  // namespace

void WalkNodes(const Node& root, const std::function<void(const std::string&, const Node&, const MapEntry*)>& visit) {
  std::string pointer;
  WalkImpl(root, pointer, nullptr, visit);
}

}  // namespace pcl::model
