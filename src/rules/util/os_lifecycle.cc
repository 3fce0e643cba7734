// Dates and versions for the OS and image rules: ISO dates, "today", the target release.
#include "rules/util/os_lifecycle.h"

#include <chrono>
#include <string_view>

namespace pcl::rules {

namespace {

// The number written by `digits` (all '0'-'9'), or -1.
int Digits(std::string_view digits) {
  if (digits.empty()) return -1;
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

int TodayDays(const std::string& today) {
  if (auto days = ParseIsoDate(today)) return *days;
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(now.time_since_epoch().count());
}

std::optional<int> TargetMinor(const std::string& target_version) {
  // 3.N or 3.N.anything
  if (target_version.rfind("3.", 0) != 0) return std::nullopt;
  std::string_view rest = std::string_view(target_version).substr(2);
  std::string_view minor = rest.substr(0, rest.find('.'));
  if (minor.size() > 3) return std::nullopt;
  int value = Digits(minor);
  return value < 0 ? std::nullopt : std::optional<int>(value);
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
  const auto dates = context.Option<std::map<std::string, std::string>>("eol_dates");
  auto it = dates.find(os);
  if (os.empty() || it == dates.end()) return std::nullopt;
  auto days = ParseIsoDate(it->second);
  if (!days) return std::nullopt;
  return OsEol{os, it->second, *days};
}

}  // namespace pcl::rules
