// Pieces of the v3 YAML front end around the tree builder: node counting and alias relocation,
// syntax findings from yaml-cpp exceptions, the probe for a second document, and where an empty
// list item was written.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "model/diagnostic.h"
#include "model/node.h"

namespace pcl::parsers {

/// How big a subtree is, for the alias-expansion budgets: nodes (keys counted) and bytes of text
/// (scalars and keys).
struct NodeSize {
  size_t nodes = 0;
  size_t bytes = 0;
};
NodeSize SizeOf(const model::Node& node);
/// Rewrites every position of an alias copy to the alias itself: a finding inside aliased content
/// is reported where it is used; each node keeps where it was written, for a note.
void Relocate(model::Node& node, model::Range where);
/// A PCL0001 finding for a yaml-cpp exception, at its mark.
model::Diagnostic SyntaxFinding(const YAML::Exception& e);
/// After the first document: a PCL0005 finding if another one follows (it is not built).
std::optional<model::Diagnostic> SecondDocumentFinding(YAML::Parser& parser);
/// yaml-cpp reports an empty list item (`-` with nothing after it) at the token that follows it,
/// often the next item or key at `mark_pos`. Returns the byte offset of the item's own `-`: back
/// from the mark over blanks and comments. Nothing when the null is written out (`~`, `null`)
/// or no `-` is found that way.
std::optional<size_t> EmptyItemDash(std::string_view text, size_t mark_pos);

}  // namespace pcl::parsers
