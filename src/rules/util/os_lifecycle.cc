// Dates for the OS rules: ISO dates, "today", and the end of life of the configured OS.
#include "rules/util/os_lifecycle.h"

#include <chrono>

namespace pcl::rules {

int TodayDays(const nlohmann::json& options) {
  auto it = options.find("today");
  if (it != options.end() && it->is_string()) {
    if (auto days = ParseIsoDate(it->get<std::string>())) return *days;
  }
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(now.time_since_epoch().count());
}

std::optional<OsEol> ImageOsEndOfLife(const engine::RuleContext& context) {
  const std::string& os = context.cluster().os;
  const nlohmann::json& dates = context.options().value("eol_dates", nlohmann::json::object());
  if (os.empty() || !dates.is_object()) return std::nullopt;
  auto it = dates.find(os);
  if (it == dates.end() || !it->is_string()) return std::nullopt;
  auto days = ParseIsoDate(it->get<std::string>());
  if (!days) return std::nullopt;
  return OsEol{os, it->get<std::string>(), *days};
}

}  // namespace pcl::rules
