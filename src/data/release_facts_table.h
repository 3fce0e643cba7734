// The release facts table (schemas/release-facts.json) as compiled-in data, generated at build time by
// pcl_data_pack --facts: what a check reads, without parsing JSON at run time (schema/release_facts.h reads it).
#pragma once

#include <string_view>
#include <vector>

namespace pcl::data {

struct PackedOsFacts {
  std::string_view name;
  std::string_view added;
  std::string_view removed;  ///< "" = still accepted
  std::string_view end_of_life;
};

/// One DCV run; the OS lists are names separated by single spaces ("" = none).
struct PackedDcvRun {
  std::string_view arch;
  std::string_view since;
  std::string_view not_on;
  std::string_view only_on;
};

struct PackedReleaseFacts {
  std::vector<std::string_view> releases;
  std::vector<PackedOsFacts> os;
  std::vector<PackedDcvRun> dcv;
};

/// Defined in the generated generated/release_facts_table.cc. Provenance (`source`) stays in the JSON.
const PackedReleaseFacts& ReleaseFactsTable();

}  // namespace pcl::data
