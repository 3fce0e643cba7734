// Data files (rules/*.yaml, schemas/*.json) compiled into the binary.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace pcl::data {

/// One embedded file: its path relative to the repository root and its bytes.
struct EmbeddedFile {
  std::string_view path;
  std::string_view data;
};

/// All embedded files, sorted by path.
const std::vector<EmbeddedFile>& EmbeddedFiles();

/// The bytes of the embedded file at `path` (e.g. "schemas/x.json"), if any.
std::optional<std::string_view> FindEmbedded(std::string_view path);

}  // namespace pcl::data
