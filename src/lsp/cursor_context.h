// Where the cursor is in a v3 YAML config, read from the text's indentation so that it works on
// the half-typed (often unparsable) text an editor has while someone types.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "lsp/document_store.h"

namespace pcl::lsp {

struct CursorContext {
  std::vector<std::string> path;   ///< keys to the mapping the cursor is in; "*" = a list item
  std::set<std::string> siblings;  ///< keys already written in that mapping
  std::string value_of;            ///< set when the cursor is in the value of this key
  std::string key_under_cursor;    ///< set when the cursor is on a key (for hover)
};

/// Reads block-style YAML around `position`. Flow collections are not understood.
CursorContext ContextAt(const LineText& text, LspPosition position);

}  // namespace pcl::lsp
