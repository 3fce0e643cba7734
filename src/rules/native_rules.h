// The table of native (C++) rules, generated from rules/*.yaml by cmake/RuleTables.cmake.
#pragma once

#include <memory>
#include <vector>

#include "engine/rule.h"

namespace pcl::rules {

struct NativeRuleEntry {
  const char* id;
  std::unique_ptr<engine::Rule> (*create)();
};

/// Every native rule, sorted by id (generated/native_rule_table.cc). Metadata comes from
/// rules/<id>.yaml (implementation: native); the factory is New<Id><Name> in
/// src/rules/<id>_<name>.cc, e.g. NewPcl3001SshOpenToWorld in pcl3001_ssh_open_to_world.cc.
const std::vector<NativeRuleEntry>& NativeRules();

}  // namespace pcl::rules
