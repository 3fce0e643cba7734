// Pieces of the v3 YAML front end around the tree builder: node counting and alias relocation,
// syntax findings from yaml-cpp exceptions, the probe for a second document, and where an empty
// list item was written.
#include "parsers/yaml_tree_util.h"

#include <algorithm>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include "generated/ids/input.h"
#include "parsers/ini_v2_text.h"

namespace pcl::parsers {
namespace {

using model::Diagnostic;
using model::MapEntry;
using model::Node;
using model::Range;

/// Sees whether another document follows, without building it.
class SecondDocumentProbe : public YAML::EventHandler {
 public:
  struct Found {
    YAML::Mark mark;
  };
  void OnDocumentStart(const YAML::Mark& mark) override { throw Found{mark}; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

NodeSize SizeOf(const Node& node) {
  NodeSize size{1, node.text.size()};
  auto add = [&size](const NodeSize& child) {
    size.nodes += child.nodes;
    size.bytes += child.bytes;
  };
  for (const Node& item : node.items) add(SizeOf(item));
  for (const MapEntry& entry : node.entries) {
    add({1, entry.key.size()});
    add(SizeOf(entry.value));
  }
  return size;
}

void Relocate(Node& node, Range where) {
  if (!node.anchor_position.Known()) node.anchor_position = node.range.begin;
  node.range = where;
  for (Node& item : node.items) Relocate(item, where);
  for (MapEntry& entry : node.entries) {
    entry.key_range = where;
    Relocate(entry.value, where);
  }
}

Diagnostic SyntaxFinding(const YAML::Exception& e) {
  Diagnostic d;
  d.rule_id = ids::kSyntaxError;
  d.message = "YAML syntax error: " + e.msg;
  if (!e.mark.is_null()) {
    model::Position where{e.mark.line + 1, e.mark.column + 1};
    d.range = {where, where};
  }
  return d;
}

std::optional<Diagnostic> SecondDocumentFinding(YAML::Parser& parser) {
  try {
    SecondDocumentProbe probe;
    parser.HandleNextDocument(probe);
  } catch (const SecondDocumentProbe::Found& found) {
    Diagnostic d;
    d.rule_id = ids::kMultipleDocuments;
    d.message = "a cluster config holds one YAML document; a second one starts here";
    d.range.begin = d.range.end = {found.mark.line + 1, found.mark.column + 1};
    return d;
  } catch (const YAML::Exception&) {
    // A broken second document is still a second document; the first was read fine.
    Diagnostic d;
    d.rule_id = ids::kMultipleDocuments;
    d.message = "text after the first YAML document could not be read as YAML";
    return d;
  }
  return std::nullopt;
}

std::optional<size_t> EmptyItemDash(std::string_view text, size_t mark_pos) {
  size_t pos = std::min(mark_pos, text.size());
  std::string_view at = text.substr(pos);
  if (at.starts_with("~") || at.starts_with("null") || at.starts_with("Null") || at.starts_with("NULL")) {
    return std::nullopt;
  }
  while (pos > 0) {
    char c = text[pos - 1];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      --pos;
      continue;
    }
    size_t line_start = text.rfind('\n', pos - 1);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    if (c == '-') {
      if (pos - 1 > line_start && text[pos - 2] != ' ' && text[pos - 2] != '\t') return std::nullopt;
      return pos - 1;
    }
    // Inside a comment: continue before its '#' (at the line start or after a blank).
    size_t hash = std::string_view::npos;
    for (size_t i = line_start; i < pos; ++i) {
      if (text[i] == '#' && (i == line_start || text[i - 1] == ' ' || text[i - 1] == '\t')) {
        hash = i;
        break;
      }
    }
    if (hash == std::string_view::npos) return std::nullopt;
    pos = hash;
  }
  return std::nullopt;
}

std::optional<std::string> RepairQuotedScalar(const std::string& value, std::string_view written,
                                              model::ScalarStyle style) {
  if (written.size() < 2) return std::nullopt;
  const std::string_view inside = written.substr(1, written.size() - 2);
  if (value.empty() && inside.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    // Folding: the first break of a run becomes nothing when more follow, each further one "\n".
    const size_t breaks = static_cast<size_t>(std::count(inside.begin(), inside.end(), '\n'));
    if (breaks >= 2) return std::string(breaks - 1, '\n');
    return std::nullopt;
  }
  if (style != model::ScalarStyle::kDoubleQuoted ||
      (inside.find("\\N") == std::string_view::npos && inside.find("\\_") == std::string_view::npos)) {
    return std::nullopt;
  }
  // The file is UTF-8, and every other escape yaml-cpp encodes as UTF-8: a byte that starts no
  // valid sequence came from \N or \_.
  std::string repaired;
  for (size_t i = 0; i < value.size();) {
    const auto decoded = ini_text::DecodeAt(value, i);
    const auto byte = static_cast<unsigned char>(value[i]);
    if (decoded.value == 0xFFFD && decoded.length == 1 && (byte == 0x85 || byte == 0xA0)) {
      repaired += '\xC2';
      repaired += static_cast<char>(byte);
    } else {
      repaired.append(value, i, decoded.length);
    }
    i += decoded.length;
  }
  return repaired;
}

}  // namespace pcl::parsers
