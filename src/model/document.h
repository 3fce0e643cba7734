// A parsed input: its source text, format, tree, comments and the findings its parser made.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/node.h"
#include "model/source.h"

namespace pcl::model {

/// The input formats pcluster-lint reads.
enum class Format { kUnknown, kYamlV3, kIniV2, kTomlV2 };

std::string_view FormatName(Format format);

/// A comment as written in the source ('#' or ';' included), with its position. Used for
/// suppression directives and for carrying v2 comments into migrated YAML.
struct Comment {
  Position position;
  std::string text;
  bool own_line = false;  ///< Nothing but whitespace before it on its line.
};

/// One parsed file. For v3 the root is the YAML mapping. For v2 (INI or TOML) the root maps each
/// section name as written ("cluster default") to a mapping of option name → string value as
/// configparser.get() returns it ([DEFAULT] merged, interpolated); a "DEFAULT" entry, when present,
/// holds the defaults themselves.
struct Document {
  SourcePtr source;
  Format format = Format::kUnknown;
  Node root;
  std::vector<Comment> comments;
  /// False when the parser could not build a usable tree (then `root` is meaningless).
  bool ok = false;

  const std::string& path() const { return source->path(); }
};

}  // namespace pcl::model
