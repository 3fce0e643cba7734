// Baselines: record today's findings, then report only new ones (keyed without line numbers).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "model/diagnostic.h"

namespace pcl::engine {

/// (file, rule id, JSON pointer — or the message when a finding has no pointer) → count.
class Baseline {
 public:
  using Key = std::tuple<std::string, std::string, std::string>;

  static Baseline FromFindings(const std::vector<model::Diagnostic>& findings);
  static std::optional<Baseline> Load(const std::string& path, std::string& error);
  /// Deterministic JSON text.
  std::string ToJson() const;
  /// Removes the findings the baseline knows (each entry absorbs as many as it counted).
  void Filter(std::vector<model::Diagnostic>& findings) const;
  size_t size() const { return counts_.size(); }

 private:
  static Key KeyOf(const model::Diagnostic& d);
  std::map<Key, int> counts_;
};

}  // namespace pcl::engine
