// The update policy of every config key per ParallelCluster release, from the embedded schemas.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace pcl::diff {

/// What the table says about one key (a JSON pointer with "*" for list items) in one release.
struct KeyPolicy {
  bool known = false;          ///< false: no metadata (counts as UNSUPPORTED, as ParallelCluster does)
  std::string policy;          ///< e.g. "COMPUTE_FLEET_STOP"; "UNSUPPORTED" when !known
  std::string items_keyed_by;  ///< list items are matched by this key ("" = compare the list whole)
  bool free_form = false;      ///< contents are not described (CustomSlurmSettings, ...): compare whole
};

/// schemas/update-policies.json plus the added/removed/free_form facts of schemas/versions.json.
class PolicyTable {
 public:
  /// The table built from the embedded files. A broken embedded file is a build defect: the
  /// table is then empty (every key UNSUPPORTED) and `error()` says why.
  static const PolicyTable& Embedded();
  /// Builds a table from the two JSON texts; `error` is set if they cannot be read.
  static PolicyTable FromJson(const std::string& policies_json, const std::string& versions_json);

  KeyPolicy Lookup(const std::string& pattern, const std::string& release) const;
  /// Whether any key is described below `pattern` (i.e. it is a section we can walk into).
  bool HasChildren(const std::string& pattern) const { return parents_.count(pattern) > 0; }
  /// The one-line meaning of a policy, or "".
  std::string Meaning(const std::string& policy) const;
  const std::vector<std::string>& releases() const { return releases_; }
  bool IsRelease(const std::string& release) const;
  const std::string& error() const { return error_; }

 private:
  struct Entry {
    std::string since;
    std::string policy;
    std::string items_keyed_by;
  };
  struct Key {
    std::vector<Entry> entries;  // in release order
    std::string added;
    std::string removed;
    bool free_form = false;
  };
  std::map<std::string, Key> keys_;
  std::set<std::string> parents_;
  std::map<std::string, std::string> meanings_;
  std::vector<std::string> releases_;
  std::string error_;
};

/// Orders "3.9" before "3.10". Unparseable text sorts first.
int CompareReleases(const std::string& a, const std::string& b);

}  // namespace pcl::diff
