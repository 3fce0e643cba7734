// Interpreter for data rules: pattern match, JSON Schema conditions, message template.
#include "engine/data_rule.h"

#include "engine/pointer_pattern.h"
#include "model/json_pointer.h"
#include "schema/match.h"

#include <set>

namespace pcl::engine {
namespace {

// A node as a message shows it; a huge value is cut, so a finding never echoes megabytes.
std::string Show(const model::Node* node) {
  if (!node) return "";
  std::string text = node->IsScalar() ? node->text : model::ToJson(*node).dump();
  constexpr size_t kMaxShown = 200;
  if (text.size() > kMaxShown) {
    size_t cut = kMaxShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
    text = text.substr(0, cut) + "… (" + std::to_string(text.size()) + " bytes)";
  }
  return text;
}

std::string OptionText(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string out;
    for (const auto& item : value) out += (out.empty() ? "" : ", ") + OptionText(item);
    return out;
  }
  return value.dump();
}

}  // namespace

nlohmann::json SubstituteOptions(const nlohmann::json& schema, const nlohmann::json& options) {
  if (schema.is_string()) {
    const std::string& text = schema.get_ref<const std::string&>();
    const std::string prefix = "{{options.";
    if (text.rfind(prefix, 0) == 0 && text.size() > prefix.size() + 2 && text.substr(text.size() - 2) == "}}") {
      std::string name = text.substr(prefix.size(), text.size() - prefix.size() - 2);
      if (options.contains(name)) return options[name];
    }
    return schema;
  }
  if (schema.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (auto it = schema.begin(); it != schema.end(); ++it) out[it.key()] = SubstituteOptions(it.value(), options);
    return out;
  }
  if (schema.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : schema) out.push_back(SubstituteOptions(item, options));
    return out;
  }
  return schema;
}

DataRule::~DataRule() = default;

std::unique_ptr<DataRule> DataRule::Create(const RuleMeta& meta, const nlohmann::json& options, std::string& error) {
  const nlohmann::json& match = meta.match;
  std::unique_ptr<DataRule> rule(new DataRule());
  for (auto it = match.begin(); it != match.end(); ++it) {
    static const std::set<std::string> kKeys = {"at", "when", "document-when", "assert", "message", "report"};
    if (!kKeys.count(it.key())) {
      error = "unknown match field '" + it.key() + "'";
      return nullptr;
    }
  }
  // `at` is one pattern or a list of them (e.g. the head node and every login node pool).
  if (match.contains("at") && match["at"].is_string()) rule->at_.push_back(match["at"]);
  if (match.contains("at") && match["at"].is_array()) {
    for (const auto& pattern : match["at"]) {
      if (pattern.is_string()) rule->at_.push_back(pattern);
    }
  }
  bool patterns_ok = !rule->at_.empty();
  for (const auto& pattern : rule->at_) patterns_ok = patterns_ok && IsValidPattern(pattern);
  if (!patterns_ok) {
    error = "match.at must be a JSON-pointer pattern or a list of them";
    return nullptr;
  }
  if (!match.contains("assert") || !match.contains("message") || !match["message"].is_string()) {
    error = "match needs an assert schema and a message";
    return nullptr;
  }
  rule->message_ = match["message"];
  if (match.contains("report")) rule->report_ = match["report"].get<std::string>();
  auto compile = [&](const char* field, nlohmann::json& out) {
    if (!match.contains(field)) return true;
    out = SubstituteOptions(match[field], options);
    if (!out.is_object() && !out.is_boolean()) {
      error = std::string("match.") + field + " must be a JSON Schema object";
    } else if (std::string keyword = schema::UnsupportedKeyword(out); !keyword.empty()) {
      error = std::string("match.") + field + ": unsupported schema keyword '" + keyword + "'";
    } else {
      return true;
    }
    return false;
  };
  if (!compile("document-when", rule->document_when_) || !compile("when", rule->when_) ||
      !compile("assert", rule->assert_)) {
    return nullptr;
  }
  return rule;
}

void DataRule::Check(const RuleContext& context) const {
  if (!document_when_.is_null() && !schema::Matches(document_when_, context.RootJson())) return;
  std::vector<PatternMatch> matches;
  for (const auto& pattern : at_) {
    for (auto& match : MatchPattern(context.root(), pattern)) matches.push_back(std::move(match));
  }
  for (const PatternMatch& match : matches) {
    const nlohmann::json& instance = context.JsonAt(match.pointer);
    // An empty item (`-` alone) is PCL1007's finding; for rules it is absent, like a null key.
    // (JSON Schema's `required` and `properties` do not apply to null, so a rule's conditions
    // would pass on it vacuously.)
    if (instance.is_null()) continue;
    if (!when_.is_null() && !schema::Matches(when_, instance)) continue;
    if (schema::Matches(assert_, instance)) continue;
    // Fill the message template.
    std::string message;
    for (size_t i = 0; i < message_.size(); ++i) {
      size_t close = message_[i] == '{' ? message_.find('}', i) : std::string::npos;
      if (close == std::string::npos) {
        message += message_[i];
        continue;
      }
      std::string name = message_.substr(i + 1, close - i - 1);
      std::string parent = match.pointer.substr(0, match.pointer.rfind('/'));
      if (name == "value") {
        message += Show(match.node);
      } else if (name == "key") {
        message += match.entry ? match.entry->key : match.pointer.substr(match.pointer.rfind('/') + 1);
      } else if (name == "pointer") {
        message += match.pointer;
      } else if (name.rfind("options.", 0) == 0 && context.options().contains(name.substr(8))) {
        message += OptionText(context.options()[name.substr(8)]);
      } else if (name.rfind("field.", 0) == 0) {
        message += Show(match.node->Find(name.substr(6)));
      } else if (name.rfind("parent.", 0) == 0) {
        // The nearest enclosing mapping: for a list item, the mapping that holds the list.
        const model::Node* up = model::FindByPointer(context.root(), parent);
        if (up && up->kind == model::NodeKind::kSequence) {
          up = model::FindByPointer(context.root(), parent.substr(0, parent.rfind('/')));
        }
        message += Show(up ? up->Find(name.substr(7)) : nullptr);
      } else {
        message += message_.substr(i, close - i + 1);
      }
      i = close;
    }
    if (report_ == "key" && match.entry) {
      context.Report(match.pointer, match.entry->key_range, std::move(message));
    } else if (report_.size() > 1 && report_[0] == '/' && model::FindByPointer(*match.node, report_)) {
      const model::Node* child = model::FindByPointer(*match.node, report_);
      context.Report(match.pointer + report_, child->range, std::move(message));
    } else {
      context.Report(match.pointer, match.node->range, std::move(message));
    }
  }
}

}  // namespace pcl::engine
