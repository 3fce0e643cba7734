// Schema-guided conversion of the YAML tree to JSON with the official loader's lenient scalars.
#include "schema/coerce.h"

#include "model/scalar_read.h"

namespace pcl::schema {
namespace {

using model::Node;
using model::NodeKind;

const std::string& TypeOf(const nlohmann::json& schema) {
  static const std::string kNone;
  auto it = schema.find("type");
  return it != schema.end() && it->is_string() ? it->get_ref<const std::string&>() : kNone;
}

// Whether the schema runs a regex on this value (directly or in a not/if part).
bool UsesPattern(const nlohmann::json& schema) {
  if (schema.contains("pattern")) return true;
  for (const char* key : {"not", "if"}) {
    auto it = schema.find(key);
    if (it != schema.end() && it->is_object() && it->contains("pattern")) return true;
  }
  return false;
}

// A value the field cannot read stays as written, so validation reports it.
template <typename T>
nlohmann::json OrAsWritten(const std::optional<T>& value, const Node& node) {
  return value ? nlohmann::json(*value) : model::ToJson(node);
}

}  // namespace

nlohmann::json CoerceToJson(const Node& node, const nlohmann::json& schema, const Path& path,
                            std::vector<Problem>& problems) {
  if (node.kind == NodeKind::kNull) return nullptr;
  const std::string& type = TypeOf(schema);
  if (type == "integer") return OrAsWritten(model::ReadInteger(node), node);
  if (type == "number") {
    // An int stays an int (JSON 5, not 5.0): messages quote the value as written.
    if (node.kind == NodeKind::kInt) return node.int_value;
    if (node.kind == NodeKind::kFloat) return model::ToJson(node);
    return OrAsWritten(model::ReadNumber(node), node);
  }
  if (type == "boolean") return OrAsWritten(model::ReadBoolean(node), node);
  if (type == "string" && node.kind == NodeKind::kString && node.text.size() > kMaxPatternInput &&
      UsesPattern(schema)) {
    Problem problem;
    problem.rule_id = ids::kLengthOutOfRange;
    problem.pointer = problem.anchor_pointer = path.pointer;
    problem.message = path.label + " is " + std::to_string(node.text.size()) + " characters long; values longer than " +
                      std::to_string(kMaxPatternInput) + " characters are not accepted here";
    problems.push_back(std::move(problem));
    return "";
  }
  if (type == "object" && node.kind == NodeKind::kMapping) {
    auto properties = schema.find("properties");
    nlohmann::json object = nlohmann::json::object();
    for (const model::MapEntry& entry : node.entries) {
      if (properties != schema.end() && properties->contains(entry.key)) {
        object[entry.key] = CoerceToJson(entry.value, (*properties)[entry.key], path.Key(entry.key), problems);
      } else {
        // Unknown keys and free-form mappings (CustomSlurmSettings, …) are taken as written.
        object[entry.key] = model::ToJson(entry.value);
      }
    }
    return object;
  }
  if (type == "array" && node.kind == NodeKind::kSequence) {
    auto items = schema.find("items");
    nlohmann::json array = nlohmann::json::array();
    for (size_t i = 0; i < node.items.size(); ++i) {
      array.push_back(items != schema.end() && items->is_object()
                          ? CoerceToJson(node.items[i], *items, path.Index(i), problems)
                          : model::ToJson(node.items[i]));
    }
    return array;
  }
  return model::ToJson(node);
}

}  // namespace pcl::schema
