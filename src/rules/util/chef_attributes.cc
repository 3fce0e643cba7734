// DevSettings/Cookbook/ExtraChefAttributes read as ParallelCluster's ExtraChefAttributesValidator reads it.
#include "rules/util/chef_attributes.h"

#include <algorithm>
#include <cctype>

namespace pcl::rules {

std::optional<nlohmann::json> ChefAttribute(const engine::RuleContext& context,
                                            std::initializer_list<std::string> path) {
  const nlohmann::json& text = context.JsonAt(kExtraChefAttributes);
  if (!text.is_string() || text.get_ref<const std::string&>().empty()) return std::nullopt;
  nlohmann::json value = nlohmann::json::parse(text.get_ref<const std::string&>(), nullptr, /*allow_exceptions=*/false);
  for (const std::string& key : path) {
    // dig(): a missing key, or a step that is not a mapping, ends the walk with None.
    if (!value.is_object() || !value.contains(key)) return std::nullopt;
    nlohmann::json inner = std::move(value[key]);
    value = std::move(inner);
  }
  if (value.is_null() || value.is_discarded()) return std::nullopt;
  return value;
}

std::optional<bool> ChefBoolean(const nlohmann::json& value) {
  if (value.is_boolean()) return value.get<bool>();
  if (!value.is_string()) return std::nullopt;
  std::string text = value.get<std::string>();
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  if (text == "true") return true;
  if (text == "false") return false;
  return std::nullopt;
}

}  // namespace pcl::rules
