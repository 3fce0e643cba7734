// Lookups in the compiled EC2 instance-type table (instance_table.cc): binary search, no parsing.
#include "core/instance_types.h"

#include <algorithm>

#include "core/edit_distance.h"
#include "core/instance_table.h"

namespace pcl::core {
namespace {

std::span<const std::string_view> NamesWithoutFacts() {
  return {ec2_data::kNamesWithoutFacts, ec2_data::kNamesWithoutFactsCount};
}

}  // namespace

std::span<const InstanceFacts> AllInstanceTypes() {
  return {ec2_data::kFacts, ec2_data::kFactCount};
}

std::span<const std::string_view> KnownRegions() {
  return {ec2_data::kRegions, ec2_data::kRegionCount};
}

const InstanceFacts* FindInstanceType(std::string_view name) {
  auto all = AllInstanceTypes();
  auto it = std::lower_bound(all.begin(), all.end(), name,
                             [](const InstanceFacts& facts, std::string_view key) { return facts.name < key; });
  return it != all.end() && it->name == name ? &*it : nullptr;
}

InstanceTypeKnowledge ClassifyInstanceType(std::string_view name) {
  if (FindInstanceType(name)) return InstanceTypeKnowledge::kWithFacts;
  auto names = NamesWithoutFacts();
  return std::binary_search(names.begin(), names.end(), name) ? InstanceTypeKnowledge::kWithoutFacts
                                                              : InstanceTypeKnowledge::kUnknown;
}

std::vector<std::string_view> SuggestInstanceTypes(std::string_view name, size_t limit) {
  // Only close names: a third of the name may differ (at least 1, at most 3 edits), so that
  // "c5n.18xlage" suggests c5n.18xlarge but "foo" suggests nothing.
  const size_t max_distance = std::clamp<size_t>(name.size() / 3, 1, 3);
  std::vector<std::pair<size_t, std::string_view>> scored;
  auto consider = [&](std::string_view candidate) {
    size_t gap = candidate.size() > name.size() ? candidate.size() - name.size() : name.size() - candidate.size();
    if (gap > max_distance) return;
    size_t distance = EditDistance(name, candidate);
    if (distance <= max_distance) scored.emplace_back(distance, candidate);
  };
  for (const InstanceFacts& facts : AllInstanceTypes()) consider(facts.name);
  for (std::string_view other : NamesWithoutFacts()) consider(other);
  std::sort(scored.begin(), scored.end());
  std::vector<std::string_view> out;
  for (size_t i = 0; i < scored.size() && out.size() < limit; ++i) out.push_back(scored[i].second);
  return out;
}

bool OfferedIn(const InstanceFacts& facts, std::string_view region, bool& known_region) {
  auto regions = KnownRegions();
  auto it = std::lower_bound(regions.begin(), regions.end(), region);
  known_region = it != regions.end() && *it == region;
  return known_region && (facts.regions >> (it - regions.begin()) & 1u) != 0;
}

std::string_view InstanceTableDate() {
  return ec2_data::kDate;
}

std::string InstanceTableSource() {
  return std::string("facts: ") + ec2_data::kFactsSource + "; names: " + ec2_data::kNamesSource;
}

}  // namespace pcl::core
