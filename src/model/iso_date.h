// Calendar dates written as ISO 8601 "YYYY-MM-DD" (end-of-life dates, the `today` setting).
#pragma once

#include <optional>
#include <string_view>

namespace pcl::model {

/// Days since 1970-01-01 for an ISO date "YYYY-MM-DD"; nullopt if malformed or not a real day.
std::optional<int> ParseIsoDate(std::string_view text);

}  // namespace pcl::model
