// libFuzzer target: the whole `check` pipeline (detection, parsing, schema, every rule, suppressions).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_support.h"
#include "pipeline/registry.h"
#include "pipeline/runner.h"

using pcl::fuzz::AllRules;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pcl::pipeline::CheckOptions options;
  options.rules = &AllRules();
  pcl::pipeline::CheckText("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), options);
  return 0;
}
