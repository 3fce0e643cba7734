// Placeholder until the front end lands.
#include "parsers/ini_v2.h"

namespace pcl::parsers {

ParseResult ParseIniV2(model::SourcePtr source, const ParseLimits&) {
  ParseResult result;
  result.document.source = source;
  return result;
}

}  // namespace pcl::parsers
