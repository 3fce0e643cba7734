// Dates for the OS rules: ISO dates, "today", and the end of life of the configured OS.
#include "rules/util/os_lifecycle.h"

#include <chrono>

namespace pcl::rules {

int TodayDays(const std::string& today) {
  if (auto days = ParseIsoDate(today)) return *days;
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(now.time_since_epoch().count());
}

std::optional<OsEol> ImageOsEndOfLife(const engine::RuleContext& context) {
  const std::string& os = context.cluster().os;
  const auto dates = context.Option<std::map<std::string, std::string>>("eol_dates");
  auto it = dates.find(os);
  if (os.empty() || it == dates.end()) return std::nullopt;
  auto days = ParseIsoDate(it->second);
  if (!days) return std::nullopt;
  return OsEol{os, it->second, *days};
}

}  // namespace pcl::rules
