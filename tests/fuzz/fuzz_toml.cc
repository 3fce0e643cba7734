// libFuzzer target: the v2 TOML front end must never crash, hang or leak on any bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parsers/load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pcl::parsers::LoadOptions options;
  options.forced_format = pcl::model::Format::kTomlV2;
  pcl::parsers::LoadText("fuzz.toml", std::string(reinterpret_cast<const char*>(data), size), options);
  return 0;
}
