// Tree helpers shared by the compute and scheduler rules.
#include "rules/util/compute_util.h"

#include <algorithm>
#include <charconv>

#include "model/json_pointer.h"

namespace pcl::rules::compute {

const model::Node* Child(const model::Node* node, std::string_view path) {
  while (node && !path.empty()) {
    size_t slash = path.find('/');
    node = node->kind == model::NodeKind::kMapping ? node->Find(path.substr(0, slash)) : nullptr;
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  return node;
}

std::string TextOf(const model::Node* node) {
  return node && node->IsScalar() && node->kind != model::NodeKind::kNull ? node->text : "";
}

std::optional<int64_t> IntOf(const model::Node* node) {
  if (node && node->kind == model::NodeKind::kInt) return node->int_value;
  return std::nullopt;
}

std::vector<Located> MappingItems(const Located& parent, std::string_view path) {
  std::vector<Located> out;
  const model::Node* list = Child(parent.node, path);
  if (!list || list->kind != model::NodeKind::kSequence) return out;
  const std::string base = parent.pointer + "/" + std::string(path);
  for (size_t i = 0; i < list->items.size(); ++i) {
    if (list->items[i].kind == model::NodeKind::kMapping) {
      out.push_back({model::AppendPointer(base, i), &list->items[i]});
    }
  }
  return out;
}

std::vector<Located> SlurmQueues(const model::Node& root) {
  return MappingItems({"", &root}, "Scheduling/SlurmQueues");
}

std::vector<Located> ComputeResources(const Located& queue) { return MappingItems(queue, "ComputeResources"); }

int64_t MaxCountOf(const model::Node& compute_resource) {
  return IntOf(compute_resource.Find("MaxCount")).value_or(10);
}

int64_t MinCountOf(const model::Node& compute_resource) {
  return IntOf(compute_resource.Find("MinCount")).value_or(0);
}

int MinorOf(std::string_view version) {
  constexpr int kNewest = 1000;
  if (version.rfind("3.", 0) != 0) return kNewest;
  int minor = 0;
  auto [end, error] = std::from_chars(version.data() + 2, version.data() + version.size(), minor);
  return error == std::errc() ? minor : kNewest;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string KeyLabel(std::string_view pointer) {
  std::string out;
  auto tokens = model::SplitPointer(pointer);
  if (!tokens) return std::string(pointer);
  for (const std::string& token : *tokens) {
    if (token == "Scheduling" && out.empty()) continue;
    bool index = !token.empty() && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
    out += index ? "[" + token + "]" : (out.empty() ? "" : ".") + token;
  }
  return out;
}

}  // namespace pcl::rules::compute
