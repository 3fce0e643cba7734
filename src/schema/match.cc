// The draft-07 evaluator over the keywords the bundled schemas and data rules use.
#include "schema/match.h"

#include <set>

#include "core/regex.h"
#include "model/json_pointer.h"

namespace pcl::schema {
namespace {

using nlohmann::json;

bool TypeMatches(const json& schema_type, const json& instance) {
  if (schema_type.is_string()) return HasType(instance, schema_type.get_ref<const std::string&>());
  if (schema_type.is_array()) {
    for (const json& type : schema_type) {
      if (type.is_string() && HasType(instance, type.get_ref<const std::string&>())) return true;
    }
    return false;
  }
  return true;
}

double AsDouble(const json& value) {
  return value.get<double>();
}

bool NumberChecks(const json& schema, const json& instance) {
  if (!instance.is_number()) return true;
  double value = AsDouble(instance);
  if (auto it = schema.find("minimum"); it != schema.end() && it->is_number() && value < AsDouble(*it)) return false;
  if (auto it = schema.find("maximum"); it != schema.end() && it->is_number() && value > AsDouble(*it)) return false;
  if (auto it = schema.find("exclusiveMinimum"); it != schema.end() && it->is_number() && value <= AsDouble(*it)) {
    return false;
  }
  if (auto it = schema.find("exclusiveMaximum"); it != schema.end() && it->is_number() && value >= AsDouble(*it)) {
    return false;
  }
  return true;
}

bool StringChecks(const json& schema, const json& instance) {
  if (!instance.is_string()) return true;
  const std::string& text = instance.get_ref<const std::string&>();
  size_t length = CodePointCount(text);
  if (auto it = schema.find("minLength"); it != schema.end() && it->is_number() && length < it->get<size_t>()) {
    return false;
  }
  if (auto it = schema.find("maxLength"); it != schema.end() && it->is_number() && length > it->get<size_t>()) {
    return false;
  }
  if (auto it = schema.find("pattern");
      it != schema.end() && it->is_string() && !core::SearchPattern(it->get_ref<const std::string&>(), text)) {
    return false;
  }
  return true;
}

bool ArrayChecks(const json& schema, const json& instance) {
  if (!instance.is_array()) return true;
  if (auto it = schema.find("minItems"); it != schema.end() && it->is_number() && instance.size() < it->get<size_t>()) {
    return false;
  }
  if (auto it = schema.find("maxItems"); it != schema.end() && it->is_number() && instance.size() > it->get<size_t>()) {
    return false;
  }
  if (auto it = schema.find("uniqueItems"); it != schema.end() && *it == true) {
    size_t first = 0, second = 0;
    if (FindDuplicate(instance, first, second)) return false;
  }
  if (auto it = schema.find("items"); it != schema.end() && it->is_object()) {
    for (const json& item : instance) {
      if (!Matches(*it, item)) return false;
    }
  }
  if (auto it = schema.find("contains"); it != schema.end()) {
    bool any = false;
    for (const json& item : instance) any = any || Matches(*it, item);
    if (!any) return false;
  }
  return true;
}

bool ObjectChecks(const json& schema, const json& instance) {
  if (!instance.is_object()) return true;
  if (auto it = schema.find("minProperties");
      it != schema.end() && it->is_number() && instance.size() < it->get<size_t>()) {
    return false;
  }
  if (auto it = schema.find("maxProperties");
      it != schema.end() && it->is_number() && instance.size() > it->get<size_t>()) {
    return false;
  }
  if (auto it = schema.find("required"); it != schema.end() && it->is_array()) {
    for (const json& key : *it) {
      if (key.is_string() && !instance.contains(key.get_ref<const std::string&>())) return false;
    }
  }
  auto properties = schema.find("properties");
  auto additional = schema.find("additionalProperties");
  for (const auto& [key, value] : instance.items()) {
    if (properties != schema.end() && properties->is_object()) {
      auto property = properties->find(key);
      if (property != properties->end()) {
        if (!Matches(*property, value)) return false;
        continue;
      }
    }
    if (additional != schema.end()) {
      if (additional->is_boolean() && !additional->get<bool>()) return false;
      if (additional->is_object() && !Matches(*additional, value)) return false;
    }
  }
  return true;
}

bool CompositeChecks(const json& schema, const json& instance) {
  if (auto it = schema.find("allOf"); it != schema.end() && it->is_array()) {
    for (const json& sub : *it) {
      if (!Matches(sub, instance)) return false;
    }
  }
  if (auto it = schema.find("anyOf"); it != schema.end() && it->is_array()) {
    bool any = false;
    for (const json& sub : *it) {
      if (Matches(sub, instance)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  if (auto it = schema.find("oneOf"); it != schema.end() && it->is_array()) {
    int count = 0;
    for (const json& sub : *it) count += Matches(sub, instance) ? 1 : 0;
    if (count != 1) return false;
  }
  if (auto it = schema.find("not"); it != schema.end() && Matches(*it, instance)) return false;
  if (auto it = schema.find("if"); it != schema.end()) {
    const char* branch = Matches(*it, instance) ? "then" : "else";
    auto next = schema.find(branch);
    if (next != schema.end() && !Matches(*next, instance)) return false;
  }
  return true;
}

// Keywords whose value is one subschema, a list of them, or a map of them.
bool IsSubschemaKeyword(const std::string& key) {
  return key == "items" || key == "contains" || key == "additionalProperties" || key == "not" || key == "if" ||
         key == "then" || key == "else";
}
bool IsSubschemaListKeyword(const std::string& key) {
  return key == "allOf" || key == "anyOf" || key == "oneOf";
}

}  // namespace

std::string UnsupportedKeyword(const json& schema) {
  static const std::set<std::string> kValueKeywords = {
      "type",          "enum",        "const",    "pattern",          "minLength",
      "maxLength",     "minimum",     "maximum",  "exclusiveMinimum", "exclusiveMaximum",
      "required",      "uniqueItems", "minItems", "maxItems",         "minProperties",
      "maxProperties", "description", "title",    "$comment",         "default",
      "examples",      "$id",         "$schema"};
  if (!schema.is_object()) return "";
  for (const auto& [key, value] : schema.items()) {
    std::string inner;
    if (kValueKeywords.count(key)) continue;
    if (key == "items" && value.is_array()) return "items (as a list)";
    if (IsSubschemaKeyword(key)) {
      inner = UnsupportedKeyword(value);
    } else if (IsSubschemaListKeyword(key) && value.is_array()) {
      for (const json& sub : value) {
        if (inner.empty()) inner = UnsupportedKeyword(sub);
      }
    } else if (key == "properties" && value.is_object()) {
      for (const auto& [name, sub] : value.items()) {
        if (inner.empty()) inner = UnsupportedKeyword(sub);
      }
    } else {
      return key;
    }
    if (!inner.empty()) return inner;
  }
  return "";
}

bool HasType(const json& instance, const std::string& type) {
  if (type == "string") return instance.is_string();
  if (type == "integer") return instance.is_number_integer();
  if (type == "number") return instance.is_number();
  if (type == "boolean") return instance.is_boolean();
  if (type == "object") return instance.is_object();
  if (type == "array") return instance.is_array();
  if (type == "null") return instance.is_null();
  return true;
}

size_t CodePointCount(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

bool FindDuplicate(const json& array, size_t& first, size_t& second) {
  if (!array.is_array()) return false;
  for (size_t j = 1; j < array.size(); ++j) {
    for (size_t i = 0; i < j; ++i) {
      if (array[i] == array[j]) {
        first = i;
        second = j;
        return true;
      }
    }
  }
  return false;
}

bool Matches(const json& schema, const json& instance) {
  if (schema.is_boolean()) return schema.get<bool>();
  if (!schema.is_object()) return true;
  if (auto it = schema.find("type"); it != schema.end() && !TypeMatches(*it, instance)) return false;
  if (auto it = schema.find("enum"); it != schema.end() && it->is_array()) {
    bool found = false;
    for (const json& value : *it) found = found || value == instance;
    if (!found) return false;
  }
  if (auto it = schema.find("const"); it != schema.end() && *it != instance) return false;
  return NumberChecks(schema, instance) && StringChecks(schema, instance) && ArrayChecks(schema, instance) &&
         ObjectChecks(schema, instance) && CompositeChecks(schema, instance);
}

std::string DeepestFailure(const json& schema, const json& instance, const std::string& pointer) {
  if (instance.is_object() && schema.is_object()) {
    auto properties = schema.find("properties");
    for (const auto& [key, value] : instance.items()) {
      if (properties == schema.end() || !properties->is_object()) break;
      auto property = properties->find(key);
      if (property != properties->end() && !Matches(*property, value)) {
        return DeepestFailure(*property, value, model::AppendPointer(pointer, key));
      }
    }
  }
  if (instance.is_array() && schema.is_object() && schema.contains("items")) {
    const json& items = schema["items"];
    for (size_t i = 0; i < instance.size(); ++i) {
      if (!Matches(items, instance[i])) return DeepestFailure(items, instance[i], model::AppendPointer(pointer, i));
    }
  }
  return pointer;
}

}  // namespace pcl::schema
