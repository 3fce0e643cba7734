// Lookup of files compiled into the binary by cmake/EmbedScript.cmake.
#include "data/embedded.h"

namespace pcl::data {

std::optional<std::string_view> FindEmbedded(std::string_view path) {
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.path == path) return file.data;
  }
  return std::nullopt;
}

}  // namespace pcl::data
