// libFuzzer target: the v2 INI front end (configparser semantics) must never crash, hang or leak on any bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parsers/load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pcl::parsers::LoadOptions options;
  options.forced_format = pcl::model::Format::kIniV2;
  pcl::parsers::LoadText("fuzz.ini", std::string(reinterpret_cast<const char*>(data), size), options);
  return 0;
}
