// Dates and versions for the OS and image rules: ISO dates, "today", the target release.
#include "rules/util/os_lifecycle.h"

#include <chrono>
#include <regex>

namespace pcl::rules {

std::optional<int> ParseIsoDate(std::string_view text) {
  static const std::regex kDate(R"((\d{4})-(\d{2})-(\d{2}))");
  std::cmatch match;
  if (!std::regex_match(text.begin(), text.end(), match, kDate)) return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year{std::stoi(match[1].str())},
                                   std::chrono::month{static_cast<unsigned>(std::stoi(match[2].str()))},
                                   std::chrono::day{static_cast<unsigned>(std::stoi(match[3].str()))}};
  if (!date.ok()) return std::nullopt;
  return static_cast<int>(std::chrono::sys_days{date}.time_since_epoch().count());
}

int TodayDays(const nlohmann::json& options) {
  auto it = options.find("today");
  if (it != options.end() && it->is_string()) {
    if (auto days = ParseIsoDate(it->get<std::string>())) return *days;
  }
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(now.time_since_epoch().count());
}

std::optional<int> TargetMinor(const std::string& target_version) {
  static const std::regex kVersion(R"(3\.(\d{1,3})(\..*)?)");
  std::smatch match;
  if (!std::regex_match(target_version, match, kVersion)) return std::nullopt;
  return std::stoi(match[1].str());
}

const model::Node* ChildAt(const model::Node& node, std::string_view path) {
  const model::Node* current = &node;
  while (current && !path.empty()) {
    size_t slash = path.find('/');
    std::string_view key = path.substr(0, slash);
    current = current->kind == model::NodeKind::kMapping ? current->Find(key) : nullptr;
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  return current;
}

std::string StringOf(const model::Node* node) {
  return node && node->kind == model::NodeKind::kString ? node->text : std::string();
}

std::optional<OsEol> ImageOsEndOfLife(const engine::RuleContext& context) {
  std::string os = StringOf(ChildAt(context.root(), "Image/Os"));
  const nlohmann::json& dates = context.options().value("eol_dates", nlohmann::json::object());
  if (os.empty() || !dates.is_object()) return std::nullopt;
  auto it = dates.find(os);
  if (it == dates.end() || !it->is_string()) return std::nullopt;
  auto days = ParseIsoDate(it->get<std::string>());
  if (!days) return std::nullopt;
  return OsEol{os, it->get<std::string>(), *days};
}

}  // namespace pcl::rules
