// Baselines: record today's findings, then report only new ones (keyed without line numbers).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "model/diagnostic.h"

namespace pcl::pipeline {

/// (file, rule id, JSON pointer — or the message when a finding has no pointer) → count. Files
/// are keyed relative to one root directory (the repository root), so the same file given as
/// `a.yaml`, `./a.yaml`, an absolute path or from a subdirectory is one key.
class Baseline {
 public:
  using Key = std::tuple<std::string, std::string, std::string>;
  /// Baseline files larger than this are refused (a real one holds well under 100,000 entries).
  static constexpr size_t kMaxBytes = 64u << 20;

  /// `root`: absolute directory that keys are relative to ("" = paths as given, normalised).
  explicit Baseline(std::string root = "");

  static Baseline FromFindings(const std::vector<model::Diagnostic>& findings, const std::string& root = "");
  /// Reads a baseline file; a malformed one (wrong types, an unknown rule, too large) is an
  /// error naming the entry's index.
  static std::optional<Baseline> Load(const std::string& path, const std::string& root, std::string& error);
  /// Deterministic JSON text.
  std::string ToJson() const;
  /// Removes the findings the baseline knows (each entry absorbs as many as it counted).
  void Filter(std::vector<model::Diagnostic>& findings) const;
  /// Number of entries.
  size_t size() const { return counts_.size(); }
  /// Number of findings recorded (the sum of the counts, saturating).
  uint64_t findings() const;

 private:
  Key KeyOf(const model::Diagnostic& d) const;
  std::string root_;
  std::string working_dir_;  ///< what relative paths in findings start from
  std::map<Key, uint64_t> counts_;
};

}  // namespace pcl::pipeline
