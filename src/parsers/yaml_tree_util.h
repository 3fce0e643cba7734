// Pieces of the v3 YAML front end around the tree builder: node counting and alias relocation,
// syntax findings from yaml-cpp exceptions, the probe for a second document, where an empty
// list item was written, and the quoted scalars yaml-cpp reads differently from PyYAML.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
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
/// The value PyYAML reads for a quoted scalar where yaml-cpp reads another (`value`), or nothing.
/// `written` is the scalar as written, quotes included. yaml-cpp decodes the escapes \N and \_ to
/// the single bytes 0x85 and 0xA0 (not UTF-8; PyYAML: U+0085, U+00A0), and reads a scalar of
/// line breaks only ('<break><break>  ') as empty (PyYAML: one line feed fewer than the breaks).
std::optional<std::string> RepairQuotedScalar(const std::string& value, std::string_view written,
                                              model::ScalarStyle style);

}  // namespace pcl::parsers
