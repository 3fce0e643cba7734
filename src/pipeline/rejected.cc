// Structure the schema check rejected for its type: its pointers and what the rules may read.
#include "pipeline/rejected.h"

#include "model/json_pointer.h"
#include "schema/problem.h"

namespace pcl::pipeline {
namespace {

bool Below(const std::string& pointer, const std::string& ancestor) {
  return pointer.size() > ancestor.size() && pointer.compare(0, ancestor.size(), ancestor) == 0 &&
         pointer[ancestor.size()] == '/';
}

// The nearest list item that holds (or is) the node at `pointer`, or "" when none does.
std::string ItemOf(const model::Node& root, const std::string& pointer) {
  auto tokens = model::SplitPointer(pointer);
  if (!tokens) return "";
  std::string walked;
  std::string item;
  const model::Node* node = &root;
  for (const std::string& token : *tokens) {
    walked = model::AppendPointer(walked, token);
    if (node->kind == model::NodeKind::kSequence) {
      item = walked;
      const bool digits =
          !token.empty() && token.size() < 10 && token.find_first_not_of("0123456789") == std::string::npos;
      const size_t index = digits ? std::stoul(token) : node->items.size();
      node = index < node->items.size() ? &node->items[index] : nullptr;
    } else {
      node = node->Find(token);
    }
    if (!node) break;
  }
  return item;
}

}  // namespace

std::set<std::string> WrongTypedPointers(const std::vector<model::Diagnostic>& schema_findings) {
  std::set<std::string> pointers;
  for (const auto& d : schema_findings) {
    if (d.rule_id == ids::kWrongType) pointers.insert(d.pointer);
  }
  return pointers;
}

void DropBelowRejected(const std::set<std::string>& rejected, std::vector<model::Diagnostic>& schema_findings) {
  std::erase_if(schema_findings, [&](const model::Diagnostic& d) {
    for (const std::string& pointer : rejected) {
      if (Below(d.pointer, pointer)) return true;
    }
    return false;
  });
}

std::optional<model::Document> RulesView(const model::Document& document, const std::set<std::string>& rejected) {
  std::set<std::string> items;
  for (const std::string& pointer : rejected) {
    std::string item = ItemOf(document.root, pointer);
    if (item.empty()) return std::nullopt;
    items.insert(item);
  }
  model::Document view = document;
  for (const std::string& item : items) {  // outer items first: an inner one is then gone
    // The view owns its tree, so the node found in it may be changed.
    if (const model::Node* node = model::FindByPointer(view.root, item))
      *const_cast<model::Node*>(node) = model::Node();
  }
  return view;
}

}  // namespace pcl::pipeline
