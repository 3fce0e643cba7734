// libFuzzer target: the whole `check` pipeline (detection, parsing, schema, every rule, suppressions).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "engine/registry.h"
#include "engine/runner.h"

namespace {

const pcl::engine::RuleSet& AllRules() {
  static std::unique_ptr<pcl::engine::RuleSet> rules = [] {
    std::string error;
    auto built = pcl::engine::RuleSet::Build(pcl::engine::Selection(), error);
    if (!built) __builtin_trap();  // a broken rule catalogue is a build defect
    return built;
  }();
  return *rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pcl::engine::CheckOptions options;
  options.rules = &AllRules();
  pcl::engine::CheckText("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), options);
  return 0;
}
