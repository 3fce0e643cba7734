// Dates and versions for the OS and image rules: ISO dates, "today", the target release.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/rule.h"
#include "model/iso_date.h"
#include "model/node.h"

namespace pcl::rules {

using model::ParseIsoDate;
/// Today in days since 1970-01-01: the `today` option (set by `today:` in the config file, the
/// rule's own option, or --today) when it is a valid date, else the system clock.
int TodayDays(const std::string& today);
/// Minor version of a target like "3.12" (3.x only); nullopt for anything else (treated as newest).
std::optional<int> TargetMinor(const std::string& target_version);

/// The Image.Os of a document and its end-of-life date from the `eol_dates` option.
struct OsEol {
  std::string os;
  std::string date;  ///< as written in the option
  int days = 0;      ///< `date` in days since 1970-01-01
};
/// Image.Os with a known end-of-life date; nullopt when Os is absent, not a string or not listed.
std::optional<OsEol> ImageOsEndOfLife(const engine::RuleContext& context);

/// The child at a '/'-separated path of mapping keys, or nullptr (never throws).
const model::Node* ChildAt(const model::Node& node, std::string_view path);
/// The text of a string scalar, or "".
std::string StringOf(const model::Node* node);

}  // namespace pcl::rules
