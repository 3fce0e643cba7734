// A ParallelCluster release ("3.16", "3.16.3"): parsed once, compared everywhere.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace pcl::core {

/// MAJOR.MINOR[.PATCH]. Patch releases share their feature release's schema and rules, so most
/// code compares FeatureRelease()s; ordering compares all three numbers (a missing patch is 0).
class Release {
 public:
  constexpr Release() = default;
  constexpr Release(int major, int minor, int patch = 0) : major_(major), minor_(minor), patch_(patch) {}

  /// "3.16", "3.16.3", "v3.16.3" (digits only, no sign, no spaces); nullopt for anything else.
  static std::optional<Release> Parse(std::string_view text);

  constexpr int major() const { return major_; }
  constexpr int minor() const { return minor_; }
  constexpr int patch() const { return patch_; }
  /// The release without its patch number: 3.16.3 → 3.16.
  constexpr Release FeatureRelease() const { return Release(major_, minor_); }
  /// "3.16", or "3.16.3" when the patch is not 0.
  std::string ToString() const;

  constexpr auto operator<=>(const Release&) const = default;

 private:
  int major_ = 3;
  int minor_ = 0;
  int patch_ = 0;
};

/// The release checked against when none is given: the newest with a bundled schema (a test keeps
/// the two in step).
inline constexpr char kDefaultTargetRelease[] = "3.16";

/// Orders release texts; text that is not a release sorts after every release (it names something
/// newer than this build knows), and two such texts compare equal.
int CompareReleaseText(std::string_view a, std::string_view b);

}  // namespace pcl::core
