// Placeholder until the schema check lands: knows the versions, reports nothing.
#include "schema/schema_check.h"

#include "model/embedded.h"

namespace pcl::schema {

bool IsKnownVersion(const std::string& version) {
  return model::FindEmbedded("schemas/cluster-config-" + version + ".schema.json").has_value();
}

std::vector<model::Diagnostic> CheckSchema(const model::Document&, const SchemaOptions&) { return {}; }

}  // namespace pcl::schema
