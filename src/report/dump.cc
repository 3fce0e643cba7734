// `dump`: the parsed document as JSON, to show (and test) exactly what the parsers read.
#include "report/dump.h"

#include <cmath>
#include <cstddef>
#include <unordered_map>

namespace pcl::report {
namespace {

using model::Node;
using model::NodeKind;

nlohmann::ordered_json Ordered(const Node& node) {
  switch (node.kind) {
    case NodeKind::kMapping: {
      // ordered_json's operator[] searches its keys one by one; appending with a hashed index
      // keeps a 100,000-key mapping linear. A repeated key keeps its first place and its last
      // value, as operator[] would.
      nlohmann::ordered_json object = nlohmann::ordered_json::object();
      auto& members = object.get_ref<nlohmann::ordered_json::object_t&>();
      std::unordered_map<std::string_view, size_t> where;
      for (const auto& entry : node.entries) {
        auto [it, added] = where.try_emplace(entry.key, members.size());
        if (added) {
          members.emplace_back(entry.key, Ordered(entry.value));
        } else {
          (members.begin() + static_cast<std::ptrdiff_t>(it->second))->second = Ordered(entry.value);
        }
      }
      return object;
    }
    case NodeKind::kSequence: {
      nlohmann::ordered_json array = nlohmann::ordered_json::array();
      for (const Node& item : node.items) array.push_back(Ordered(item));
      return array;
    }
    case NodeKind::kFloat:
      if (!std::isfinite(node.float_value)) return node.text;  // .inf/.nan have no JSON form
      return node.float_value;
    default: {
      nlohmann::json plain = model::ToJson(node);
      return nlohmann::ordered_json::parse(plain.dump());
    }
  }
}

nlohmann::ordered_json Where(const model::Range& range) {
  return {{"line", range.begin.line}, {"column", range.begin.column}};
}

}  // namespace

nlohmann::ordered_json DumpDocument(const model::Document& document) {
  if (document.format == model::Format::kYamlV3) return Ordered(document.root);
  nlohmann::ordered_json out;
  out["defaults"] = nlohmann::ordered_json::object();
  out["sections"] = nlohmann::ordered_json::array();
  for (const auto& section : document.root.entries) {
    if (section.key == "DEFAULT") {
      out["defaults"] = Ordered(section.value);
      continue;
    }
    out["sections"].push_back({{"name", section.key}, {"options", Ordered(section.value)}});
  }
  return out;
}

nlohmann::ordered_json DumpPositions(const model::Document& document) {
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
  model::WalkNodes(document.root, [&](const std::string& pointer, const Node& node, const model::MapEntry* entry) {
    nlohmann::ordered_json item;
    item["pointer"] = pointer;
    item["kind"] = model::NodeKindName(node.kind);
    if (entry) item["key"] = Where(entry->key_range);
    item["value"] = Where(node.range);
    if (node.IsScalar() && node.kind != NodeKind::kNull) item["text"] = node.text;
    if (node.IsQuoted()) item["quoted"] = true;
    if (node.anchor_position.Known()) {
      item["anchor"] = {{"line", node.anchor_position.line}, {"column", node.anchor_position.column}};
    }
    nodes.push_back(std::move(item));
  });
  return {{"data", DumpDocument(document)}, {"nodes", std::move(nodes)}};
}

}  // namespace pcl::report
