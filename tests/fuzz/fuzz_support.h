// What several fuzz targets share: the rule set with every rule on, built once per process.
#pragma once

#include <memory>
#include <string>

#include "pipeline/registry.h"
#include "pipeline/runner.h"

namespace pcl::fuzz {

inline const pipeline::RuleSet& AllRules() {
  static std::unique_ptr<pipeline::RuleSet> rules = [] {
    std::string error;
    auto built = pipeline::RuleSet::Build(pipeline::Selection(), error);
    if (!built) __builtin_trap();  // a broken rule catalogue is a build defect
    return built;
  }();
  return *rules;
}

}  // namespace pcl::fuzz
