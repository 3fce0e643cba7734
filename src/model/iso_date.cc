// Calendar dates written as ISO 8601 "YYYY-MM-DD" (end-of-life dates, the `today` setting).
#include "model/iso_date.h"

#include <charconv>
#include <chrono>

namespace pcl::model {
namespace {

// The number written by `digits` (all '0'-'9'), or -1.
int Digits(std::string_view digits) {
  int value = -1;
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) return -1;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

}  // namespace

std::optional<int> ParseIsoDate(std::string_view text) {
  // Read by hand: std::regex costs more to compile than the rules using it take.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = Digits(text.substr(0, 4)), month = Digits(text.substr(5, 2)), day = Digits(text.substr(8, 2));
  if (year < 0 || month < 0 || day < 0) return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                   std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  return static_cast<int>(std::chrono::sys_days{date}.time_since_epoch().count());
}

}  // namespace pcl::model
