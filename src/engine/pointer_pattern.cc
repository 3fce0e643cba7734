// Matching JSON-pointer patterns with '*' wildcards against the document tree.
#include "engine/pointer_pattern.h"

#include "model/json_pointer.h"

namespace pcl::engine {
namespace {

void Match(const model::Node& node, const model::MapEntry* entry, const std::vector<std::string>& tokens, size_t depth,
           std::string& pointer, std::vector<PatternMatch>& out) {
  if (depth == tokens.size()) {
    out.push_back({pointer, &node, entry});
    return;
  }
  const std::string& token = tokens[depth];
  const size_t length = pointer.size();
  if (node.kind == model::NodeKind::kMapping) {
    for (const model::MapEntry& child : node.entries) {
      if (token != "*" && token != child.key) continue;
      pointer += '/';
      pointer += model::EscapePointerToken(child.key);
      Match(child.value, &child, tokens, depth + 1, pointer, out);
      pointer.resize(length);
    }
  } else if (node.kind == model::NodeKind::kSequence) {
    for (size_t i = 0; i < node.items.size(); ++i) {
      if (token != "*" && token != std::to_string(i)) continue;
      pointer += '/';
      pointer += std::to_string(i);
      Match(node.items[i], nullptr, tokens, depth + 1, pointer, out);
      pointer.resize(length);
    }
  }
}

}  // namespace

bool IsValidPattern(const std::string& pattern) {
  return pattern.empty() || (pattern[0] == '/' && model::IsValidPointer(pattern));
}

std::vector<PatternMatch> MatchPattern(const model::Node& root, const std::string& pattern) {
  std::vector<PatternMatch> out;
  auto tokens = model::SplitPointer(pattern);
  if (!tokens) return out;
  std::string pointer;
  Match(root, nullptr, *tokens, 0, pointer, out);
  return out;
}

}  // namespace pcl::engine
