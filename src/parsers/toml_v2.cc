// Placeholder until the front end lands.
#include "parsers/toml_v2.h"

namespace pcl::parsers {

ParseResult ParseTomlV2(model::SourcePtr source, const ParseLimits&) {
  ParseResult result;
  result.document.source = source;
  return result;
}

}  // namespace pcl::parsers
