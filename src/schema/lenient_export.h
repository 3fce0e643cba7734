// The JSON Schema `pcluster-lint schema` prints: the bundled one made as lenient as
// ParallelCluster's loader for editors that validate with it (yaml-language-server).
#pragma once

#include <nlohmann/json.hpp>

namespace pcl::schema {

/// A copy of `schema` where integer, number and boolean fields also accept the string (and
/// number) forms the official loader converts (see coerce.h): `MaxCount: "10"`, `Enabled: "yes"`.
/// Only positions where accepting more can never reject more are widened (properties, items,
/// allOf, anyOf, then/else); `if`, `not` and `oneOf` parts are kept exactly.
nlohmann::json LenientSchema(const nlohmann::json& schema);

}  // namespace pcl::schema
