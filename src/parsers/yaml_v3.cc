// Placeholder until the front end lands.
#include "parsers/yaml_v3.h"

namespace pcl::parsers {

ParseResult ParseYamlV3(model::SourcePtr source, const ParseLimits&) {
  ParseResult result;
  result.document.source = source;
  return result;
}

}  // namespace pcl::parsers
