// The explicit table of native (C++) rules: one line per rule in native_rules.cc.
#pragma once

#include <memory>
#include <vector>

#include "engine/rule.h"

namespace pcl::rules {

struct NativeRuleEntry {
  const char* id;
  std::unique_ptr<engine::Rule> (*create)();
};

/// Every native rule, sorted by id. Metadata comes from rules/<id>.yaml (implementation: native).
const std::vector<NativeRuleEntry>& NativeRules();

}  // namespace pcl::rules
