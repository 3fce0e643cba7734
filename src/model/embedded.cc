// Lookup of files compiled into the binary by cmake/EmbedScript.cmake.
#include "model/embedded.h"

namespace pcl::model {

std::optional<std::string_view> FindEmbedded(std::string_view path) {
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.path == path) return file.data;
  }
  return std::nullopt;
}

}  // namespace pcl::model
