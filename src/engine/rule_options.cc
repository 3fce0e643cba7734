// Typed rule options: reading the declarations in rules/*.yaml and checking values against them.
#include "engine/rule_options.h"

#include <set>

#include "model/iso_date.h"

namespace pcl::engine {
namespace {

bool IsDate(const nlohmann::json& value) {
  return value.is_string() && model::ParseIsoDate(value.get<std::string>()).has_value();
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string IntegerRange(const OptionSpec& spec) {
  if (spec.minimum && spec.maximum) {
    return " from " + std::to_string(*spec.minimum) + " to " + std::to_string(*spec.maximum);
  }
  if (spec.minimum) return " of at least " + std::to_string(*spec.minimum);
  if (spec.maximum) return " of at most " + std::to_string(*spec.maximum);
  return "";
}

std::optional<int64_t> Bound(const nlohmann::json& declared, const char* key, std::vector<std::string>& errors,
                             const std::string& name) {
  auto it = declared.find(key);
  if (it == declared.end()) return std::nullopt;
  if (!it->is_number_integer()) {
    errors.push_back("option '" + name + "': " + key + " must be an integer");
    return std::nullopt;
  }
  return it->get<int64_t>();
}

}  // namespace

OptionSpecs ReadOptionSpecs(const nlohmann::json& declared, std::vector<std::string>& errors) {
  OptionSpecs specs;
  if (declared.is_null()) return specs;
  if (!declared.is_object()) {
    errors.push_back("options must map option names to declarations");
    return specs;
  }
  static const std::set<std::string> kTypes = {"boolean", "integer", "string", "date", "string-list", "date-map"};
  static const std::set<std::string> kFields = {"type", "default", "minimum", "maximum", "enum", "description"};
  for (const auto& [key_ref, fields] : declared.items()) {
    // A copy: clang 14 cannot capture a structured binding in a lambda (a C++20 feature from clang 16).
    const std::string name = key_ref;
    auto fail = [&errors, &name](const std::string& why) {
      errors.push_back("option '" + name + "': " + why);
    };
    if (!fields.is_object()) {
      fail("declare it as {type, default, description}");
      continue;
    }
    for (const auto& [key, value] : fields.items()) {
      if (!kFields.count(key))
        fail("unknown field '" + key + "' (known: type, default, minimum, maximum, enum, description)");
    }
    OptionSpec spec;
    spec.type = fields.value("type", "");
    spec.description = fields.value("description", "");
    if (!kTypes.count(spec.type)) fail("type must be boolean, integer, string, date, string-list or date-map");
    if (spec.description.empty()) fail("description is required");
    spec.minimum = Bound(fields, "minimum", errors, name);
    spec.maximum = Bound(fields, "maximum", errors, name);
    if ((spec.minimum || spec.maximum) && spec.type != "integer") fail("minimum and maximum are for integers");
    if (auto it = fields.find("enum"); it != fields.end()) {
      if (spec.type != "string" || !it->is_array()) fail("enum is a list of the values a string may take");
      for (const auto& item : *it) {
        if (item.is_string()) spec.allowed.push_back(item.get<std::string>());
      }
    }
    if (!fields.contains("default")) {
      fail("default is required");
    } else {
      spec.default_value = fields["default"];
      if (kTypes.count(spec.type)) {
        if (std::string why = CheckOptionValue(spec, spec.default_value); !why.empty()) fail("default must be " + why);
      }
    }
    specs.emplace(name, std::move(spec));
  }
  return specs;
}

std::string CheckOptionValue(const OptionSpec& spec, const nlohmann::json& value) {
  const std::string expected = DescribeOptionType(spec);
  if (spec.type == "boolean") return value.is_boolean() ? "" : "true or false";
  if (spec.type == "integer") {
    if (!value.is_number_integer()) return "an integer" + IntegerRange(spec);
    const int64_t number = value.get<int64_t>();
    bool fits = (!spec.minimum || number >= *spec.minimum) && (!spec.maximum || number <= *spec.maximum);
    return fits ? "" : "an integer" + IntegerRange(spec);
  }
  if (spec.type == "string") {
    if (!value.is_string()) return spec.allowed.empty() ? "a string" : "one of: " + Joined(spec.allowed);
    if (spec.allowed.empty()) return "";
    for (const auto& allowed : spec.allowed) {
      if (value.get<std::string>() == allowed) return "";
    }
    return "one of: " + Joined(spec.allowed);
  }
  // An empty date means "not set" (today: the system clock).
  if (spec.type == "date") return value == "" || IsDate(value) ? "" : "a date written YYYY-MM-DD";
  if (spec.type == "string-list") {
    bool ok = value.is_array();
    for (const auto& item : value) ok = ok && item.is_string();
    return ok ? "" : "a list of strings";
  }
  if (spec.type == "date-map") {
    bool ok = value.is_object();
    for (const auto& item : value) ok = ok && IsDate(item);
    return ok ? "" : "a mapping of names to dates written YYYY-MM-DD";
  }
  return expected;
}

std::string DescribeOptionType(const OptionSpec& spec) {
  if (spec.type == "integer") {
    if (spec.minimum && spec.maximum)
      return "integer, " + std::to_string(*spec.minimum) + " to " + std::to_string(*spec.maximum);
    if (spec.minimum) return "integer, at least " + std::to_string(*spec.minimum);
    if (spec.maximum) return "integer, at most " + std::to_string(*spec.maximum);
    return "integer";
  }
  if (spec.type == "string" && !spec.allowed.empty()) return "one of: " + Joined(spec.allowed);
  if (spec.type == "string-list") return "list of strings";
  if (spec.type == "date") return "date YYYY-MM-DD";
  if (spec.type == "date-map") return "mapping of names to dates YYYY-MM-DD";
  return spec.type;
}

nlohmann::json OptionDefaults(const OptionSpecs& specs) {
  nlohmann::json defaults = nlohmann::json::object();
  for (const auto& [name, spec] : specs) defaults[name] = spec.default_value;
  return defaults;
}

}  // namespace pcl::engine
