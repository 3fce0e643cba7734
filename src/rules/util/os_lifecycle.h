// Dates for the OS rules: ISO dates, "today", and the end of life of the configured OS.
#pragma once

#include <optional>
#include <string>

#include "engine/rule.h"
#include "model/iso_date.h"

namespace pcl::rules {

using model::ParseIsoDate;
/// Today in days since 1970-01-01: the `today` option (set by `today:` in the config file, the
/// rule's own option, or --today) when it is a valid date, else the system clock.
int TodayDays(const std::string& today);

/// The Image.Os of a document and its end-of-life date: the `eol_dates` option when it names the OS
/// (a team's override), else the release facts table.
struct OsEol {
  std::string os;
  std::string date;  ///< as written in the option
  int days = 0;      ///< `date` in days since 1970-01-01
};
/// Image.Os with a known end-of-life date; nullopt when Os is absent, not a string, has no date, or
/// is an OS the target release no longer accepts (the schema check reports that, with the choices).
std::optional<OsEol> ImageOsEndOfLife(const engine::RuleContext& context);

}  // namespace pcl::rules
