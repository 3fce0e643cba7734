// Parsing and printing ParallelCluster releases.
#include "core/release.h"

#include <charconv>
#include <climits>

namespace pcl::core {
namespace {

// A run of ASCII digits that fits an int, as a whole token.
std::optional<int> Number(std::string_view text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text[0] == '+' || text[0] == '-') {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<Release> Release::Parse(std::string_view text) {
  if (!text.empty() && (text[0] == 'v' || text[0] == 'V')) text.remove_prefix(1);
  const size_t first = text.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const size_t second = text.find('.', first + 1);
  std::optional<int> major = Number(text.substr(0, first));
  std::optional<int> minor =
      Number(text.substr(first + 1, second == std::string_view::npos ? std::string_view::npos : second - first - 1));
  std::optional<int> patch = second == std::string_view::npos ? 0 : Number(text.substr(second + 1));
  if (!major || !minor || !patch) return std::nullopt;
  return Release(*major, *minor, *patch);
}

std::string Release::ToString() const {
  std::string text = std::to_string(major_) + "." + std::to_string(minor_);
  if (patch_ != 0) text += "." + std::to_string(patch_);
  return text;
}

int CompareReleaseText(std::string_view a, std::string_view b) {
  std::optional<Release> left = Release::Parse(a);
  std::optional<Release> right = Release::Parse(b);
  if (!left || !right) return (left ? 0 : 1) - (right ? 0 : 1);
  if (*left == *right) return 0;
  return *left < *right ? -1 : 1;
}

}  // namespace pcl::core
