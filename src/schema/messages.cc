// Wording helpers for schema findings: value descriptions, key suggestions, pattern forms, history.
#include "schema/messages.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/edit_distance.h"
#include "core/release.h"
#include "model/json_pointer.h"
#include "schema/schema_store.h"

namespace pcl::schema {

Path Path::Key(const std::string& key) const {
  return {model::AppendPointer(pointer, key), model::AppendPointer(wildcard, key), key};
}

Path Path::Index(size_t index) const {
  std::string parent = label.empty() ? "item" : label;
  return {model::AppendPointer(pointer, index), wildcard + "/*", parent + "[" + std::to_string(index) + "]"};
}

std::string Quoted(const std::string& text) {
  constexpr size_t kMax = 60;
  if (text.size() <= kMax) return "'" + text + "'";
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return "'" + text.substr(0, cut) + "…'";
}

std::string ShowValue(const nlohmann::json& value) {
  if (value.is_string()) return Quoted(value.get<std::string>());
  if (value.is_array()) return "a list";
  if (value.is_object()) return "a mapping";
  if (value.is_null()) return "null";
  return value.dump();
}

std::string DescribeActual(const model::Node* node, const nlohmann::json& value) {
  if (node && node->IsScalar() && node->kind != model::NodeKind::kString) {
    std::string text = node->text;
    if (text.size() > 40) text = text.substr(0, 40) + "…";
    return std::string(model::NodeKindName(node->kind)) + " `" + text + "`";
  }
  if (value.is_string()) return "string " + Quoted(value.get<std::string>());
  if (value.is_array()) return "a list";
  if (value.is_object()) return "a mapping";
  if (value.is_boolean()) return "boolean `" + value.dump() + "`";
  if (value.is_number_integer()) return "integer `" + value.dump() + "`";
  if (value.is_number()) return "number `" + value.dump() + "`";
  return "null";
}

std::string ObjectName(const Path& path) {
  return path.pointer.empty() ? "the config" : path.label;
}

namespace {

std::string Lower(const std::string& text) {
  std::string out = text;
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

std::optional<std::string> SuggestName(const std::string& name, const std::vector<std::string>& candidates) {
  if (name.size() > 200) return std::nullopt;
  const std::string lowered = Lower(name);
  // Short names tolerate one edit, longer ones proportionally more (typos, not different words).
  const size_t limit = name.size() <= 4 ? 1 : name.size() <= 10 ? 2 : 3;
  std::optional<std::string> best;
  size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    std::string other = Lower(candidate);
    // The distance is at least the difference in length: past the limit, skip computing it.
    const size_t gap = other.size() > lowered.size() ? other.size() - lowered.size() : lowered.size() - other.size();
    size_t distance = other == lowered ? 0 : gap > limit ? limit + 1 : core::EditDistance(lowered, other);
    if (other != lowered && other.size() >= 6 && lowered.size() >= 3 &&
        (other.find(lowered) == 0 || lowered.find(other) == 0)) {
      distance = std::min(distance, limit);  // a truncated or extended name ("Instance" → "InstanceType")
    }
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string PatternForm(const std::string& pattern) {
  static const std::map<std::string, std::string> kForms = [] {
    std::map<std::string, std::string> forms;
    for (const char* prefix : {"subnet", "sg", "ami", "snap", "vol", "fs"}) {
      forms[std::string("^") + prefix + "-[0-9a-z]{8}\\n?$|^" + prefix + "-[0-9a-z]{17}\\n?$"] =
          std::string(prefix) + "-<8 or 17 lowercase letters or digits>";
    }
    forms["^fs-[0-9a-z]{17}\\n?$"] = "fs-<17 lowercase letters or digits>";
    forms["^fsap-[0-9a-z]{17}\\n?$"] = "fsap-<17 lowercase letters or digits>";
    forms["^fsvol-[0-9a-f]{17}\\n?$"] = "fsvol-<17 hex digits>";
    forms["^(backup-[0-9a-f]{8,})\\n?$"] = "backup-<8 or more hex digits>";
    forms["^(fc-[0-9a-f]{8,18})\\n?$"] = "fc-<8 to 18 hex digits>";
    forms["^arn:[^\\n]*:role/"] = "an IAM role ARN, arn:<partition>:iam::<account>:role/<name>";
    forms["^arn:[^\\n]*:instance-profile/"] =
        "an instance profile ARN, arn:<partition>:iam::<account>:instance-profile/<name>";
    forms["^arn:[^\\n]*:policy/"] = "an IAM policy ARN, arn:<partition>:iam::<account>:policy/<name>";
    forms["^arn:[^\\n]*:secret"] = "a Secrets Manager secret ARN, arn:<partition>:secretsmanager:…:secret:<name>";
    forms["^arn:[^\\n]*:(secretsmanager:[^\\n]*:[^\\n]*:secret:|ssm:[^\\n]*:[^\\n]*:parameter\\/)[^\\n]*\\n?$"] =
        "a Secrets Manager secret ARN or an SSM parameter ARN";
    const std::string cidr =
        "^(([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\\.){3}([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])"
        "(\\/([0-9]|[1-2][0-9]|3[0-2]))\\n?$";
    forms[cidr] = "an IPv4 CIDR a.b.c.d/n (n from 0 to 32)";
    forms[cidr + "|^pl-[a-zA-Z0-9]"] = "an IPv4 CIDR a.b.c.d/n (n from 0 to 32) or a prefix list ID pl-…";
    forms["^\\/?[^\\/.\\\\][^\\/\\\\]*(\\/[^\\/.\\\\][^\\/]*)*\\n?$"] =
        "a path whose parts do not start with '.' and that has no backslash";
    forms["^[\\*a-z0-9\\-\\.]+\\n?$"] = "lowercase letters, digits, '-', '.' and '*'";
    forms["^([01][0-9]|2[0-3]):([0-5][0-9])\\n?$"] = "HH:MM (24-hour clock)";
    forms["^[1-7]:([01][0-9]|2[0-3]):([0-5][0-9])\\n?$"] = "d:HH:MM (day 1-7, 24-hour clock)";
    forms["^[^:*]*\\n?$"] = "text without ':' or '*'";
    forms["^[A-Fa-f0-9]{64}\\n?$"] = "64 hex digits (a SHA-256 checksum)";
    forms["^[0-9]{12}\\n?$"] = "a 12-digit AWS account ID";
    forms["^[0-9]+\\.[0-9]+\\n?$"] = "<major>.<minor>";
    forms["^[0-9a-z_]+\\n?$"] = "lowercase letters, digits and '_'";
    forms["^[^\\x00\\r\\n]*$"] = "a path without NUL characters or line breaks";
    return forms;
  }();
  auto it = kForms.find(pattern);
  if (it != kForms.end()) return it->second;
  if (pattern.find("[0-9]+\\.[0-9]+\\.[0-9]+") != std::string::npos) {
    return "comma-separated version constraints such as >=3.1.0, <3.7.0";
  }
  return "";
}

std::string Join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
  return out;
}

std::string JoinValues(const nlohmann::json& values) {
  std::vector<std::string> shown;
  for (const auto& value : values) shown.push_back(value.is_string() ? value.get<std::string>() : value.dump());
  return Join(shown);
}

const nlohmann::json* KeyHistory(const std::string& wildcard) {
  const nlohmann::json& history = VersionHistory();
  auto keys = history.find("keys");
  if (keys == history.end() || !keys->is_object()) return nullptr;
  auto it = keys->find(wildcard);
  return it == keys->end() ? nullptr : &*it;
}

const nlohmann::json* EnumHistory(const std::string& wildcard) {
  const nlohmann::json& history = VersionHistory();
  auto enums = history.find("enums");
  if (enums == history.end() || !enums->is_object()) return nullptr;
  auto it = enums->find(wildcard);
  return it == enums->end() ? nullptr : &*it;
}

std::string EnumValueHistoryNote(const std::string& wildcard, const nlohmann::json& value, const std::string& target) {
  const nlohmann::json* history = EnumHistory(wildcard);
  if (!history || !history->contains("values") || !(*history)["values"].is_array()) return "";
  for (const auto& entry : (*history)["values"]) {
    if (!entry.is_object() || entry.value("value", nlohmann::json()) != value) continue;
    std::string added = entry.value("added", "");
    std::string removed = entry.value("removed", "");
    if (!removed.empty() && core::CompareReleaseText(removed, target) <= 0) return " (removed in " + removed + ")";
    if (!added.empty() && core::CompareReleaseText(added, target) > 0) {
      return " (requires ParallelCluster ≥ " + added + ", target is " + target + ")";
    }
  }
  return "";
}

}  // namespace pcl::schema
