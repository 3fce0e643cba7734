// Dates for the OS rules: ISO dates, "today", and the end of life of the configured OS.
#include "rules/util/os_lifecycle.h"

#include <chrono>

#include "schema/release_facts.h"

namespace pcl::rules {

int TodayDays(const std::string& today) {
  if (auto days = ParseIsoDate(today)) return *days;
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(now.time_since_epoch().count());
}

std::optional<OsEol> ImageOsEndOfLife(const engine::RuleContext& context) {
  const std::string& os = context.cluster().os;
  const schema::ReleaseFacts& facts = schema::ReleaseFacts::Embedded();
  const schema::OsFacts* known = facts.FindOs(os);
  if (os.empty() || facts.OsRefused(os, context.release())) return std::nullopt;
  const auto overrides = context.Option<std::map<std::string, std::string>>("eol_dates");
  auto it = overrides.find(os);
  const std::string date = it != overrides.end() ? it->second : known ? known->end_of_life : "";
  auto days = ParseIsoDate(date);
  if (!days) return std::nullopt;
  return OsEol{os, date, *days};
}

}  // namespace pcl::rules
