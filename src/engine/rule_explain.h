// The `explain` page of a rule as text: shared by `pcluster-lint explain` and the language server.
#pragma once

#include <string>

#include "engine/rule_meta.h"

namespace pcl::engine {

/// What `pcluster-lint explain ID` prints for `meta` (from the catalogue with docs).
std::string ExplainText(const RuleMeta& meta);

}  // namespace pcl::engine
