// libFuzzer target: the whole `check` pipeline (detection, parsing, schema, every rule, suppressions).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "engine/registry.h"
#include "engine/runner.h"
#include "fuzz_support.h"

using pcl::fuzz::AllRules;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pcl::engine::CheckOptions options;
  options.rules = &AllRules();
  pcl::engine::CheckText("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), options);
  return 0;
}
