// The JSON Schema `pcluster-lint schema` prints: the bundled one made as lenient as
// ParallelCluster's loader for editors that validate with it (yaml-language-server).
#include "schema/lenient_export.h"

namespace pcl::schema {
namespace {

using json = nlohmann::json;

// Python int(str) and float(str) forms, as ParsePythonInt / ParsePythonFloat accept them.
constexpr char kIntegerString[] = "^\\s*[+-]?[0-9]+(_[0-9]+)*\\s*$";
constexpr char kNumberString[] =
    "^\\s*[+-]?([0-9]+(_[0-9]+)*(\\.([0-9]+(_[0-9]+)*)?)?|\\.[0-9]+(_[0-9]+)*)([eE][+-]?[0-9]+(_[0-9]+)*)?\\s*$";

json BooleanForms() {
  json forms = {true, false, 0, 1};
  for (const char* word :
       {"t", "T", "true",  "True",  "TRUE",  "on",  "On",  "ON",  "y", "Y", "yes", "Yes", "YES", "1",
        "f", "F", "false", "False", "FALSE", "off", "Off", "OFF", "n", "N", "no",  "No",  "NO",  "0"}) {
    forms.push_back(word);
  }
  return forms;
}

// Widens one schema's own type; the values it allows stay allowed.
void WidenType(json& schema) {
  auto type = schema.find("type");
  if (type == schema.end() || !type->is_string()) return;
  const std::string name = type->get<std::string>();
  if (name == "boolean" && !schema.contains("const") && !schema.contains("enum")) {
    schema.erase("type");
    schema["enum"] = BooleanForms();
    return;
  }
  if (name != "integer" && name != "number") return;
  if (schema.contains("pattern")) return;  // a string pattern already means something here
  // Integer fields truncate floats ("10.0" and 10.5 load as 10); numbers accept ints.
  *type = json::array({"number", "string"});
  schema["pattern"] = name == "integer" ? kIntegerString : kNumberString;
  for (const char* key : {"enum", "const"}) {
    auto values = schema.find(key);
    if (values == schema.end()) continue;
    json list = key == std::string("const") ? json::array({*values}) : *values;
    json widened = list;
    for (const json& value : list) {
      if (value.is_number()) widened.push_back(value.dump());
    }
    schema.erase(key);
    schema["enum"] = std::move(widened);
  }
}

void Widen(json& schema) {
  if (!schema.is_object()) return;
  WidenType(schema);
  for (const char* key : {"properties", "patternProperties"}) {
    auto map = schema.find(key);
    if (map == schema.end() || !map->is_object()) continue;
    for (auto& [name, child] : map->items()) Widen(child);
  }
  for (const char* key : {"items", "additionalProperties", "then", "else"}) {
    auto child = schema.find(key);
    if (child != schema.end()) Widen(*child);
  }
  for (const char* key : {"allOf", "anyOf"}) {
    auto list = schema.find(key);
    if (list == schema.end() || !list->is_array()) continue;
    for (json& child : *list) Widen(child);
  }
}

}  // namespace

json LenientSchema(const json& schema) {
  json copy = schema;
  Widen(copy);
  return copy;
}

}  // namespace pcl::schema
