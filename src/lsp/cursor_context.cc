// Where the cursor is in a v3 YAML config, read from the text's indentation so that it works on
// the half-typed (often unparsable) text an editor has while someone types.
#include "lsp/cursor_context.h"

#include <algorithm>

namespace pcl::lsp {
namespace {

// One line of block YAML: "  - - Key: value  # comment".
struct LineShape {
  bool blank = true;                 ///< empty or a comment only
  int indent = 0;                    ///< of the first non-space character
  bool dash = false;                 ///< starts a list item
  int dash_indent = 0;               ///< of the last "- " (the item the key is in)
  int key_indent = 0;                ///< where the key (or the content) starts
  std::string key;                   ///< "" when the content is not "key:"
  size_t colon = std::string::npos;  ///< byte offset of the key's colon
};

LineShape Shape(std::string_view line) {
  LineShape shape;
  size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos || line[i] == '#') return shape;
  shape.blank = false;
  shape.indent = static_cast<int>(i);
  while (i < line.size() && line[i] == '-' && (i + 1 == line.size() || line[i + 1] == ' ')) {
    shape.dash = true;
    shape.dash_indent = static_cast<int>(i);
    i = line.find_first_not_of(' ', i + 1);
    if (i == std::string_view::npos) i = line.size();
  }
  shape.key_indent = static_cast<int>(i);
  std::string_view content = line.substr(i);
  if (content.empty() || content.front() == '#') return shape;
  for (size_t at = 0; at < content.size(); ++at) {
    if (content[at] == ':' && (at + 1 == content.size() || content[at + 1] == ' ')) {
      std::string_view key = content.substr(0, at);
      if (key.find_first_of("{}[]\"'#") == std::string_view::npos) {
        shape.key = std::string(key);
        shape.colon = i + at;
      }
      break;
    }
  }
  return shape;
}

}  // namespace

CursorContext ContextAt(const LineText& text, LspPosition position) {
  CursorContext context;
  std::string_view line = text.Line(position.line);
  size_t cursor = std::min(text.OffsetOf(position) - text.OffsetOf({position.line, 0}), line.size());
  LineShape here = Shape(line);
  LineShape before = Shape(line.substr(0, cursor));
  int level;
  if (!before.key.empty()) {
    context.value_of = before.key;  // past "Key:" on this line
    level = before.key_indent;
  } else if (!here.key.empty() && cursor >= static_cast<size_t>(here.key_indent) && cursor <= here.colon) {
    context.key_under_cursor = here.key;
    level = here.key_indent;
  } else {
    level = before.blank ? static_cast<int>(cursor) : before.key_indent;
  }
  const bool new_item = !before.blank && before.dash;
  std::vector<std::string> reversed;
  bool in_list = false;  // looking for the key that owns a list whose dashes are at `level`
  if (new_item) {
    reversed.push_back("*");
    in_list = true;
    level = before.dash_indent;
  }
  const int mapping_indent = new_item ? before.key_indent : level;
  bool innermost = true;
  for (int i = position.line - 1; i >= 0; --i) {
    LineShape shape = Shape(text.Line(i));
    if (shape.blank) continue;
    if (!in_list) {
      if (shape.key_indent > level) continue;  // inside a sibling's value
      if (shape.key_indent == level) {
        if (innermost && !shape.key.empty()) context.siblings.insert(shape.key);
        if (shape.dash) {  // the first key of the item this mapping is
          reversed.push_back("*");
          innermost = false;
          in_list = true;
          level = shape.dash_indent;
        }
        continue;
      }
    } else {
      if (shape.dash && shape.dash_indent == level) continue;  // an earlier item of the same list
      if (shape.indent > level) continue;                      // inside an earlier item
    }
    if (shape.key.empty()) break;  // not block YAML we can follow
    reversed.push_back(shape.key);
    innermost = false;
    in_list = shape.dash;
    level = shape.dash ? shape.dash_indent : shape.key_indent;
    if (shape.dash) reversed.push_back("*");
  }
  // Keys written below the cursor in the same mapping.
  for (int i = position.line + 1; i < text.LineCount(); ++i) {
    LineShape shape = Shape(text.Line(i));
    if (shape.blank) continue;
    if (shape.indent < mapping_indent) break;  // the mapping (or its item) ended
    if (shape.key_indent == mapping_indent && !shape.key.empty()) context.siblings.insert(shape.key);
  }
  if (!new_item && !here.key.empty() && here.key_indent == mapping_indent && here.key != context.key_under_cursor) {
    context.siblings.insert(here.key);
  }
  context.path.assign(reversed.rbegin(), reversed.rend());
  return context;
}

}  // namespace pcl::lsp
