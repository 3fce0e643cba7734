// Names of input formats.
#include "model/document.h"

namespace pcl::model {

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kYamlV3: return "yaml-v3";
    case Format::kIniV2: return "ini-v2";
    case Format::kTomlV2: return "toml-v2";
    case Format::kUnknown: return "unknown";
  }
  return "unknown";
}

}  // namespace pcl::model
