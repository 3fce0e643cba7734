// Words a failed cross-field rule (an allOf entry whose "$comment" holds the official message gist).
#include <algorithm>

#include "model/json_pointer.h"
#include "schema/explain.h"
#include "schema/match.h"
#include "schema/messages.h"

namespace pcl::schema {
namespace {

using nlohmann::json;

// What made a rule fail, relative to the object it applies to.
struct Analysis {
  const json* body = nullptr;                       ///< the `then` part for if/then rules, else the rule
  std::vector<std::string> missing;                 ///< required keys that are absent
  std::vector<std::string> bad;                     ///< present keys whose own subschema fails
  std::vector<std::vector<std::string>> forbidden;  ///< key paths a `not` part found
  bool none = false;                                ///< no anyOf/oneOf branch matched
  bool several = false;                             ///< more than one oneOf branch matched
};

// "Message." + "note" → "Message (note)."; keeps the official sentence intact and readable.
std::string WithNote(std::string message, const std::string& note) {
  bool period = !message.empty() && message.back() == '.';
  if (period) message.pop_back();
  return message + " (" + note + ")" + (period ? "." : "");
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  if (size_t at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The keys that make `schema` match: each required key, descending into its own required keys
// (AdditionalPackages → IntelSoftware → IntelHpcPlatform).
void Witnesses(const json& schema, std::vector<std::string> prefix, std::vector<std::vector<std::string>>& out) {
  auto required = schema.find("required");
  if (required == schema.end() || !required->is_array() || required->empty()) {
    if (!prefix.empty()) out.push_back(prefix);
    return;
  }
  for (const json& key : *required) {
    if (!key.is_string()) continue;
    std::vector<std::string> path = prefix;
    path.push_back(key.get<std::string>());
    const json* sub = nullptr;
    if (schema.contains("properties") && schema["properties"].contains(path.back()))
      sub = &schema["properties"][path.back()];
    if (sub && sub->contains("required")) {
      Witnesses(*sub, path, out);
    } else {
      out.push_back(path);
    }
  }
}

Analysis Analyze(const json& rule, const json& instance) {
  Analysis analysis;
  analysis.body = &rule;
  if (rule.contains("if") && rule.contains("then") && Matches(rule["if"], instance)) analysis.body = &rule["then"];
  const json& body = *analysis.body;
  if (!instance.is_object()) return analysis;
  if (auto required = body.find("required"); required != body.end() && required->is_array()) {
    for (const json& key : *required) {
      if (key.is_string() && !instance.contains(key.get<std::string>()))
        analysis.missing.push_back(key.get<std::string>());
    }
  }
  if (auto properties = body.find("properties"); properties != body.end() && properties->is_object()) {
    for (const auto& [key, sub] : properties->items()) {
      if (instance.contains(key) && !Matches(sub, instance[key])) analysis.bad.push_back(key);
    }
  }
  if (auto negated = body.find("not"); negated != body.end() && Matches(*negated, instance)) {
    if (negated->contains("anyOf")) {
      for (const json& alternative : (*negated)["anyOf"]) {
        if (Matches(alternative, instance)) Witnesses(alternative, {}, analysis.forbidden);
      }
    } else {
      Witnesses(*negated, {}, analysis.forbidden);
    }
  }
  for (const char* keyword : {"anyOf", "oneOf"}) {
    auto branches = body.find(keyword);
    if (branches == body.end() || !branches->is_array()) continue;
    int count = 0;
    for (const json& branch : *branches) count += Matches(branch, instance) ? 1 : 0;
    analysis.none = analysis.none || count == 0;
    analysis.several = analysis.several || (count > 1 && std::string(keyword) == "oneOf");
  }
  return analysis;
}

// Every key path the rule looks at, for cascade suppression.
void Involved(const json& schema, const std::string& base, std::vector<std::string>& out) {
  if (!schema.is_object()) return;
  if (auto required = schema.find("required"); required != schema.end() && required->is_array()) {
    for (const json& key : *required) {
      if (key.is_string()) out.push_back(model::AppendPointer(base, key.get<std::string>()));
    }
  }
  if (auto properties = schema.find("properties"); properties != schema.end() && properties->is_object()) {
    for (const auto& [key, sub] : properties->items()) {
      std::string pointer = model::AppendPointer(base, key);
      out.push_back(pointer);
      Involved(sub, pointer, out);
    }
  }
  for (const char* keyword : {"if", "then", "else", "not"}) {
    if (schema.contains(keyword)) Involved(schema[keyword], base, out);
  }
  for (const char* keyword : {"anyOf", "oneOf", "allOf"}) {
    if (!schema.contains(keyword)) continue;
    for (const json& sub : schema[keyword]) Involved(sub, base, out);
  }
}

// "Scheduler: awsbatch" for an if part that tests a const (possibly nested), else "Key is set".
std::string DescribeCondition(const json& condition) {
  if (auto properties = condition.find("properties"); properties != condition.end() && properties->is_object()) {
    for (const auto& [key, sub] : properties->items()) {
      if (sub.contains("const"))
        return key + ": " + (sub["const"].is_string() ? sub["const"].get<std::string>() : sub["const"].dump());
      std::string inner = DescribeCondition(sub);
      if (!inner.empty()) return inner;
    }
  }
  if (auto required = condition.find("required");
      required != condition.end() && required->is_array() && !required->empty() && (*required)[0].is_string()) {
    return (*required)[0].get<std::string>() + " is set";
  }
  return "";
}

std::string PointerOf(const Path& path, const std::vector<std::string>& tokens) {
  std::string pointer = path.pointer;
  for (const std::string& token : tokens) pointer = model::AppendPointer(pointer, token);
  return pointer;
}

// The key (of `keys`) written last in the mapping at `path`: the one that creates the conflict.
std::string LastWritten(const ExplainContext& context, const Path& path, const std::vector<std::string>& keys) {
  const model::Node* node = NodeAt(context, path.pointer);
  std::string last = keys.empty() ? "" : keys.back();
  if (!node || node->kind != model::NodeKind::kMapping) return last;
  for (const model::MapEntry& entry : node->entries) {
    if (std::find(keys.begin(), keys.end(), entry.key) != keys.end()) last = entry.key;
  }
  return last;
}

struct Emitter {
  ExplainContext& context;
  const Path& path;
  std::vector<std::string> all;        ///< every key the rule looks at
  std::vector<std::string> condition;  ///< the if part's keys and the keys whose values are wrong

  void Emit(const char* rule_id, const std::string& message, const std::string& pointer, Anchor anchor,
            const std::string& anchor_pointer) {
    Problem problem;
    problem.rule_id = rule_id;
    problem.message = message;
    problem.pointer = pointer;
    problem.anchor_pointer = anchor_pointer;
    problem.anchor = anchor;
    problem.cross_field = rule_id == ids::kCrossFieldConflict;
    // A finding about one key is shadowed by problems of that key or of the condition; one about
    // the whole object by a problem of any key the rule reads.
    problem.involved = anchor == Anchor::kMapping ? all : condition;
    if (anchor != Anchor::kMapping) problem.involved.push_back(pointer);
    problem.reads = all;
    context.problems.push_back(std::move(problem));
  }
  void AtKey(const std::string& message, const std::string& key) {
    std::string pointer = model::AppendPointer(path.pointer, key);
    Emit(ids::kCrossFieldConflict, message, pointer, Anchor::kKey, pointer);
  }
  void AtMapping(const std::string& message) {
    Emit(ids::kCrossFieldConflict, message, path.pointer, Anchor::kMapping, path.pointer);
  }
};

// Picks the two quoted official messages out of "With Scheduler: x: 'A' and 'B'".
std::vector<std::string> QuotedParts(const std::string& comment) {
  size_t open = comment.find('\'');
  size_t middle = comment.find("' and '");
  size_t close = comment.rfind('\'');
  if (open == std::string::npos || middle == std::string::npos || middle <= open || close <= middle + 6) return {};
  return {comment.substr(open + 1, middle - open - 1), comment.substr(middle + 7, close - middle - 7)};
}

void ExplainValueRule(const json& rule, const json& instance, const Path& path, ExplainContext& context) {
  std::string comment = rule.value("$comment", "");
  std::string message;
  if (!comment.empty()) {
    message = comment;
    if (message.back() == '.') message.pop_back();
    message += "; got " + ShowValue(instance);
  } else if (rule.contains("not") && rule["not"].contains("const")) {
    message = path.label + " must not be " + ShowValue(rule["not"]["const"]);
  } else if (rule.contains("not") && rule["not"].contains("pattern")) {
    message = path.label + " " + ShowValue(instance) + " contains characters that are not allowed";
  } else {
    message = path.label + " " + ShowValue(instance) + " is not allowed here";
  }
  Problem problem;
  problem.rule_id = ids::kInvalidValue;
  problem.pointer = problem.anchor_pointer = path.pointer;
  problem.anchor = Anchor::kValue;
  problem.message = message;
  context.problems.push_back(std::move(problem));
}

}  // namespace

void ExplainRule(const json& rule, const json& instance, const Path& path, bool value_level, ExplainContext& context) {
  if (value_level) {
    ExplainValueRule(rule, instance, path, context);
    return;
  }
  const std::string comment = rule.value("$comment", "");
  Analysis analysis = Analyze(rule, instance);
  Emitter out{context, path, {}, {}};
  Involved(rule, path.pointer, out.all);
  if (rule.contains("if")) Involved(rule["if"], path.pointer, out.condition);

  std::vector<std::string> forbidden_keys;
  for (const auto& tokens : analysis.forbidden) forbidden_keys.push_back(tokens.front());

  if (comment.rfind("Implicitly required", 0) == 0) {
    std::string why = rule.contains("if") ? " (needed with " + DescribeCondition(rule["if"]) + ")"
                                          : " (the official loader fails without it)";
    for (const std::string& key : analysis.missing) {
      out.Emit(ids::kMissingRequiredKey, ObjectName(path) + " is missing required key '" + key + "'" + why,
               model::AppendPointer(path.pointer, key), Anchor::kMapping, path.pointer);
    }
    return;
  }
  if (comment.rfind("Implicitly forbidden", 0) == 0) {
    std::string condition = rule.contains("if") ? DescribeCondition(rule["if"]) : "this configuration";
    for (const auto& tokens : analysis.forbidden) {
      std::string pointer = PointerOf(path, tokens);
      out.Emit(ids::kCrossFieldConflict,
               tokens.back() + " is not supported with " + condition + " (the official loader fails on it)", pointer,
               Anchor::kKey, pointer);
    }
    return;
  }
  if (comment.find("<X>") != std::string::npos || comment.find("<key>") != std::string::npos) {
    for (const auto& tokens : analysis.forbidden) {
      std::string name = tokens.back();
      if (tokens.size() >= 2 && name == "IntelHpcPlatform") name = tokens[tokens.size() - 2];
      std::string pointer = PointerOf(path, tokens);
      out.Emit(ids::kCrossFieldConflict, Replace(Replace(comment, "<X>", name), "<key>", name), pointer, Anchor::kKey,
               pointer);
    }
    if (!analysis.forbidden.empty()) return;
  }
  if (comment.rfind("With Scheduler:", 0) == 0) {
    std::vector<std::string> parts = QuotedParts(comment);
    std::string needed = parts.size() > 0 ? parts[0] : comment;
    std::string misplaced = parts.size() > 1 ? parts[1] : comment;
    std::vector<std::string> queue_problems = analysis.missing;
    queue_problems.insert(queue_problems.end(), analysis.bad.begin(), analysis.bad.end());
    for (const std::string& key : queue_problems) {
      if (instance.contains(key)) {
        out.AtKey(WithNote(needed, "an empty " + key + " list counts as missing"), key);
      } else {
        out.AtMapping(needed);
      }
    }
    for (const std::string& key : forbidden_keys) out.AtKey(Replace(misplaced, "*Settings/*Queues", key), key);
    return;
  }
  if (comment.find("<type>") != std::string::npos && rule.contains("if") && rule["if"].contains("required")) {
    std::string settings = rule["if"]["required"][0].get<std::string>();
    std::vector<std::string> blocks;
    for (const auto& [key, value] : instance.items()) {
      if (key.size() > 8 && key.compare(key.size() - 8, 8, "Settings") == 0 && value.is_object() && !value.empty()) {
        blocks.push_back(key);
      }
    }
    if (blocks.size() > 1) {
      out.AtMapping(WithNote("Multiple *Settings sections cannot be specified in the SharedStorage items.",
                             "found " + Join(blocks, " and ")));
      return;
    }
    std::string type = instance.contains("StorageType") ? ShowValue(instance["StorageType"]) : "(none)";
    if (instance.contains("StorageType") && instance["StorageType"].is_string())
      type = instance["StorageType"].get<std::string>();
    out.condition.push_back(model::AppendPointer(path.pointer, "StorageType"));
    out.AtKey("SharedStorage > " + settings + " section is not appropriate to the StorageType " + type + ".", settings);
    return;
  }

  std::string message = comment.empty() ? ObjectName(path) + " does not satisfy a rule of the schema" : comment;
  if (!analysis.bad.empty()) {
    out.AtKey(message, analysis.bad.front());
  } else if (!analysis.forbidden.empty()) {
    if (comment.find("can not be configured together") != std::string::npos &&
        comment.find(" or ") != std::string::npos) {
      message = WithNote(message, "found " + Join(forbidden_keys, " and "));
    }
    out.AtKey(message, LastWritten(context, path, forbidden_keys));
  } else if (!analysis.missing.empty() && rule.contains("if") && rule["if"].contains("required") &&
             rule["if"]["required"].is_array() && !rule["if"]["required"].empty()) {
    out.AtKey(message, rule["if"]["required"][0].get<std::string>());
  } else {
    out.AtMapping(message);
  }
}

}  // namespace pcl::schema
