// Walks a schema and a (coerced) instance together and words each failure as one problem.
#include "schema/explain.h"

#include <cstdint>
#include <optional>
#include <unordered_map>

#include "core/regex.h"
#include "core/release.h"
#include "schema/match.h"
#include "schema/messages.h"
#include "schema/schema_store.h"

namespace pcl::schema {
namespace {

using nlohmann::json;

void Add(ExplainContext& context, const char* rule_id, const Path& path, Anchor anchor, std::string message) {
  Problem problem;
  problem.rule_id = rule_id;
  problem.pointer = problem.anchor_pointer = path.pointer;
  problem.anchor = anchor;
  problem.message = std::move(message);
  context.problems.push_back(std::move(problem));
}

std::string Number(const json& value) {
  return value.dump();
}

// The schema keywords that turn a failing property schema into a "cross-field" rule.
bool HasRuleKeywords(const json& schema) {
  return schema.contains("not") || schema.contains("if") || schema.contains("anyOf") || schema.contains("oneOf");
}

void ExplainType(const std::string& type, const json& instance, const Path& path, ExplainContext& context) {
  const model::Node* node = NodeAt(context, path.pointer);
  std::string actual = DescribeActual(node, instance);
  std::string message;
  if (type == "string") {
    message = path.label + " must be a string; got " + actual;
    if (node && node->IsScalar() && !node->IsQuoted() && node->kind != model::NodeKind::kString)
      message += " (quote it)";
  } else if (type == "integer") {
    message = path.label + " must be an integer; got " + actual;
  } else if (type == "number") {
    message = path.label + " must be a number; got " + actual;
  } else if (type == "boolean") {
    message = path.label + " must be true or false; got " + actual;
  } else if (type == "array") {
    message = path.label + " must be a list; got " + actual;
  } else if (type == "object") {
    message = path.label + " must be a mapping; got " + actual;
  } else {
    message = path.label + " must be of type " + type + "; got " + actual;
  }
  Add(context, ids::kWrongType, path, Anchor::kValue, message);
}

void ExplainEnum(const json& values, const json& instance, const Path& path, ExplainContext& context) {
  std::string history = EnumValueHistoryNote(path.wildcard, instance, context.target);
  std::string message = path.label + " must be one of " + JoinValues(values) + "; got " + ShowValue(instance) + history;
  if (instance.is_string() && history.empty()) {
    std::vector<std::string> names;
    for (const json& value : values) {
      if (value.is_string()) names.push_back(value.get<std::string>());
    }
    if (auto suggestion = SuggestName(instance.get<std::string>(), names))
      message += "; did you mean '" + *suggestion + "'?";
  }
  Add(context, ids::kInvalidValue, path, Anchor::kValue, message);
}

bool ExplainNumber(const json& schema, const json& instance, const Path& path, ExplainContext& context) {
  double value = instance.get<double>();
  const json* minimum = schema.contains("minimum") ? &schema["minimum"] : nullptr;
  const json* maximum = schema.contains("maximum") ? &schema["maximum"] : nullptr;
  const json* exclusive = schema.contains("exclusiveMinimum") ? &schema["exclusiveMinimum"] : nullptr;
  bool low = (minimum && value < minimum->get<double>()) || (exclusive && value <= exclusive->get<double>());
  bool high = maximum && value > maximum->get<double>();
  if (!low && !high) return false;
  std::string bound;
  if (exclusive && maximum) {
    bound = "> " + Number(*exclusive) + " and ≤ " + Number(*maximum);
  } else if (minimum && maximum) {
    bound = "between " + Number(*minimum) + " and " + Number(*maximum);
  } else if (low) {
    bound = exclusive ? "> " + Number(*exclusive) : "≥ " + Number(*minimum);
  } else {
    bound = "≤ " + Number(*maximum);
  }
  std::string got = Number(instance);
  const model::Node* node = NodeAt(context, path.pointer);
  if (node && node->kind != model::NodeKind::kInt && instance.is_number_integer())
    got += " (`" + node->text + "` as an integer)";
  // Past 64 bits the model holds the integer saturated; the text has the number as written.
  if (node && node->kind == model::NodeKind::kInt && (node->int_value == INT64_MAX || node->int_value == INT64_MIN)) {
    got = node->text;
  }
  Add(context, ids::kOutOfRange, path, Anchor::kValue, path.label + " must be " + bound + ", got " + got);
  return true;
}

bool ExplainString(const json& schema, const json& instance, const Path& path, ExplainContext& context) {
  const std::string& text = instance.get_ref<const std::string&>();
  size_t length = CodePointCount(text);
  if (schema.contains("minLength") && length < schema["minLength"].get<size_t>()) {
    size_t minimum = schema["minLength"].get<size_t>();
    Add(context, ids::kLengthOutOfRange, path, Anchor::kValue,
        minimum == 1 ? path.label + " must not be empty"
                     : path.label + " must be at least " + std::to_string(minimum) + " characters long, got " +
                           std::to_string(length));
    return true;
  }
  if (schema.contains("maxLength") && length > schema["maxLength"].get<size_t>()) {
    Add(context, ids::kLengthOutOfRange, path, Anchor::kValue,
        path.label + " must be at most " + schema["maxLength"].dump() + " characters long, got " +
            std::to_string(length));
    return true;
  }
  if (schema.contains("pattern") && schema["pattern"].is_string()) {
    const std::string& pattern = schema["pattern"].get_ref<const std::string&>();
    if (!core::SearchPattern(pattern, text)) {
      std::string form = PatternForm(pattern);
      Add(context, ids::kPatternMismatch, path, Anchor::kValue,
          path.label + " " + Quoted(text) +
              (form.empty() ? " does not match the pattern " + pattern : " does not match the expected form " + form));
      return true;
    }
  }
  return false;
}

void ExplainDuplicate(const json& instance, const Path& path, ExplainContext& context) {
  size_t first = 0, second = 0;
  if (!FindDuplicate(instance, first, second)) return;
  const json& item = instance[second];
  // Like a duplicate tag key (native_checks.cc): at the repeated value, with a note at the first.
  const bool instance_type = item.is_object() && item.size() == 1 && item.contains("InstanceType");
  Path at = instance_type ? path.Index(second).Key("InstanceType") : path.Index(second);
  Path earlier = instance_type ? path.Index(first).Key("InstanceType") : path.Index(first);
  std::string message;
  if (instance_type) {
    const json& type = item["InstanceType"];
    message = "Duplicate instance type (" + (type.is_string() ? type.get<std::string>() : type.dump()) +
              ") detected. " + path.label + " should not have duplicate instance types.";
  } else {
    message = path.label + "[" + std::to_string(second) + "] repeats " + path.label + "[" + std::to_string(first) +
              "]; items must be unique";
  }
  Add(context, ids::kDuplicateListItem, at, Anchor::kValue, message);
  context.problems.back().note_message = "first used here";
  context.problems.back().note_pointer = earlier.pointer;
}

void ExplainArray(const json& schema, const json& instance, const Path& path, ExplainContext& context) {
  size_t count = instance.size();
  const json* min_items = schema.contains("minItems") ? &schema["minItems"] : nullptr;
  const json* max_items = schema.contains("maxItems") ? &schema["maxItems"] : nullptr;
  bool low = min_items && count < min_items->get<size_t>();
  bool high = max_items && count > max_items->get<size_t>();
  if (low || high) {
    const json& limit = low ? *min_items : *max_items;
    std::string bound = min_items && max_items && *min_items == *max_items ? "exactly "
                        : low                                              ? "at least "
                                                                           : "at most ";
    Add(context, ids::kLengthOutOfRange, path, Anchor::kValue,
        path.label + " must have " + bound + limit.dump() + (limit == 1 ? " item" : " items") + ", got " +
            std::to_string(count));
  }
  if (schema.value("uniqueItems", false)) ExplainDuplicate(instance, path, context);
  if (auto items = schema.find("items"); items != schema.end() && items->is_object()) {
    for (size_t i = 0; i < count; ++i) Explain(*items, instance[i], path.Index(i), context);
  }
}

// What an unknown key in one mapping is compared with, worked out once per mapping (a mapping of
// 100,000 unknown keys must not walk its schema 100,000 times): the property names, for "did you
// mean", and where each property one and two levels down lives ("SubnetId" under HeadNode belongs
// in HeadNode.Networking), to tell a misplaced key from a typo.
struct KnownNames {
  std::vector<std::string> names;
  std::unordered_map<std::string, std::string> homes;  ///< nested property → "Child" or "Child.Inner"
};

KnownNames FindKnownNames(const json& schema) {
  KnownNames known;
  auto properties = schema.find("properties");
  if (properties == schema.end() || !properties->is_object()) return known;
  auto object_of = [](const json& child) -> const json& {
    return child.value("type", "") == "array" && child.contains("items") ? child["items"] : child;
  };
  for (const auto& [name, child] : properties->items()) {
    known.names.push_back(name);
    const json& object = object_of(child);
    if (!object.contains("properties")) continue;
    for (const auto& [key, unused] : object["properties"].items()) known.homes.try_emplace(key, name);
  }
  // One level down wins over two (the first loop's names are in first); then schema order.
  for (const auto& [name, child] : properties->items()) {
    const json& object = object_of(child);
    if (!object.contains("properties")) continue;
    for (const auto& [inner, grandchild] : object["properties"].items()) {
      if (!grandchild.contains("properties")) continue;
      for (const auto& [key, unused] : grandchild["properties"].items())
        known.homes.try_emplace(key, name + "." + inner);
    }
  }
  return known;
}

void ExplainUnknownKey(const KnownNames& known, const std::string& key, const Path& path, ExplainContext& context) {
  Path child = path.Key(key);
  if (const json* history = KeyHistory(child.wildcard)) {
    std::string added = history->value("added", "");
    std::string removed = history->value("removed", "");
    if (!added.empty() && core::CompareReleaseText(added, context.target) > 0) {
      Add(context, ids::kKeyRequiresNewerRelease, child, Anchor::kKey,
          key + " requires ParallelCluster ≥ " + added + " (target is " + context.target + ")");
      return;
    }
    if (!removed.empty() && core::CompareReleaseText(removed, context.target) <= 0) {
      // The release's own words when a delta file quotes them (schemas/versions.json removed_message).
      std::string official = history->value("removed_message", "");
      Add(context, ids::kKeyRemovedInRelease, child, Anchor::kKey,
          official.empty() ? key + " was removed in ParallelCluster " + removed + " (target is " + context.target + ")"
                           : official);
      return;
    }
  }
  std::string message = path.pointer.empty() ? "unknown key '" + key + "' at the top level"
                                             : "unknown key '" + key + "' in " + path.label;
  if (auto suggestion = SuggestName(key, known.names)) {
    message += "; did you mean '" + *suggestion + "'?";
  } else if (auto home = known.homes.find(key); home != known.homes.end()) {
    message += "; it belongs under " + (path.pointer.empty() ? home->second : path.label + "." + home->second);
  }
  Add(context, ids::kUnknownKey, child, Anchor::kKey, message);
}

void ExplainObject(const json& schema, const json& instance, const Path& path, ExplainContext& context) {
  auto properties = schema.find("properties");
  bool closed = schema.contains("additionalProperties") && schema["additionalProperties"] == false;
  std::optional<KnownNames> known_names;  // made at the first unknown key
  for (const auto& [key, value] : instance.items()) {
    bool known = properties != schema.end() && properties->is_object() && properties->contains(key);
    if (known) {
      Explain((*properties)[key], value, path.Key(key), context);
    } else if (closed) {
      if (!known_names) known_names = FindKnownNames(schema);
      ExplainUnknownKey(*known_names, key, path, context);
    }
  }
  if (auto required = schema.find("required"); required != schema.end() && required->is_array()) {
    for (const json& key : *required) {
      if (!key.is_string() || instance.contains(key.get<std::string>())) continue;
      Problem problem;
      problem.rule_id = ids::kMissingRequiredKey;
      problem.pointer = path.Key(key.get<std::string>()).pointer;
      problem.anchor_pointer = path.pointer;
      problem.anchor = Anchor::kMapping;
      problem.message = ObjectName(path) + " is missing required key '" + key.get<std::string>() + "'";
      context.problems.push_back(std::move(problem));
    }
  }
  if (schema.contains("minProperties") && instance.size() < schema["minProperties"].get<size_t>()) {
    Add(context, ids::kLengthOutOfRange, path, Anchor::kMapping, path.label + " must not be empty");
  }
}

}  // namespace

const model::Node* NodeAt(const ExplainContext& context, const std::string& pointer) {
  return context.nodes.Find(pointer);
}

void Explain(const json& schema, const json& instance, const Path& path, ExplainContext& context) {
  if (!schema.is_object()) return;
  if (instance.is_null()) {
    // An empty value has no text of its own: point at its key, or at a list item's `-`.
    bool item = !path.wildcard.empty() && path.wildcard.back() == '*';
    Add(context, ids::kNullValue, path, item ? Anchor::kValue : Anchor::kKey,
        path.label + " may not be empty/null; remove the " + (item ? "item" : "key") + " or give it a value");
    return;
  }
  if (auto type = schema.find("type");
      type != schema.end() && type->is_string() && !HasType(instance, type->get_ref<const std::string&>())) {
    ExplainType(type->get<std::string>(), instance, path, context);
    return;
  }
  if (auto values = schema.find("enum");
      values != schema.end() && values->is_array() && !Matches({{"enum", *values}}, instance)) {
    ExplainEnum(*values, instance, path, context);
    return;
  }
  if (auto value = schema.find("const"); value != schema.end() && *value != instance) {
    Add(context, ids::kInvalidValue, path, Anchor::kValue,
        path.label + " must be " + ShowValue(*value) + "; got " + ShowValue(instance));
    return;
  }
  bool failed = false;
  if (instance.is_number()) failed = ExplainNumber(schema, instance, path, context);
  if (instance.is_string()) failed = ExplainString(schema, instance, path, context);
  if (instance.is_array()) ExplainArray(schema, instance, path, context);
  if (instance.is_object()) ExplainObject(schema, instance, path, context);

  if (auto all_of = schema.find("allOf"); all_of != schema.end() && all_of->is_array()) {
    for (const json& entry : *all_of) {
      if (entry.contains("$comment")) {
        if (!Matches(entry, instance)) ExplainRule(entry, instance, path, false, context);
      } else {
        Explain(entry, instance, path, context);
      }
    }
  }
  if (failed || !HasRuleKeywords(schema)) return;
  json rule = json::object();
  for (const char* key : {"$comment", "not", "if", "then", "else", "anyOf", "oneOf"}) {
    if (schema.contains(key)) rule[key] = schema[key];
  }
  if (!Matches(rule, instance)) ExplainRule(rule, instance, path, !instance.is_object(), context);
}

}  // namespace pcl::schema
