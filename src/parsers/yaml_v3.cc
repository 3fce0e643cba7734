// v3 YAML front end: builds the document tree from yaml-cpp parser events (never YAML::Node).
#include "parsers/yaml_v3.h"

#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "generated/ids/input.h"
#include "model/json_pointer.h"
#include "parsers/yaml11_scalar.h"
#include "parsers/yaml_comments.h"
#include "parsers/yaml_prescan.h"
#include "parsers/yaml_tree_util.h"

namespace pcl::parsers {
namespace {

using model::Diagnostic;
using model::MapEntry;
using model::Node;
using model::NodeKind;
using model::Position;
using model::Range;
using model::ScalarStyle;

/// Thrown by the handler to abandon the parse after a fatal finding has been recorded.
struct StopParsing {};

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const model::SourceFile& source, const ParseLimits& limits, std::vector<Diagnostic>& diagnostics)
      : source_(source), limits_(limits), diagnostics_(diagnostics) {}

  bool has_root() const { return has_root_; }
  Node TakeRoot() { return std::move(root_); }
  const std::vector<std::pair<size_t, size_t>>& scalar_spans() const { return scalar_spans_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node node;
    node.kind = NodeKind::kNull;
    Position where = EmptyItemIndicator(mark).value_or(PositionOf(mark));
    node.range = {where, where};
    Complete(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    Position where = PositionOf(mark);
    if (it == anchors_.end()) {
      Fail(ids::kSyntaxError, "alias refers to an anchor that is not complete here (recursive alias?)", where);
    }
    // Check the budgets before copying, so a "billion laughs" file never allocates its expansion.
    if (node_count_ + it->second.size.nodes > limits_.max_nodes) {
      Fail(ids::kInputLimitExceeded,
           "alias expansion exceeds " + std::to_string(limits_.max_nodes) +
               " nodes (a YAML alias bomb?); the file is not read further",
           where);
    }
    // A big scalar aliased many times is few nodes but many bytes: the copies count their text.
    if (expanded_bytes_ + it->second.size.bytes > limits_.max_expanded_bytes) {
      Fail(ids::kInputLimitExceeded,
           "alias expansion exceeds " + std::to_string(limits_.max_expanded_bytes >> 20) +
               " MiB of text (the file plus every aliased copy); the file is not read further",
           where);
    }
    node_count_ += it->second.size.nodes;
    expanded_bytes_ += it->second.size.bytes;
    Node copy = it->second.node;
    Relocate(copy, {where, AliasEnd(mark)});
    Complete(std::move(copy), YAML::NullAnchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node node;
    node.range.begin = PositionOf(mark);
    node.style = StyleAt(mark, tag);
    size_t end_offset = ScalarEnd(mark, node.style, value);
    node.range.end = source_.PositionOf(end_offset);
    if (node.style != ScalarStyle::kPlain) scalar_spans_.emplace_back(mark.pos, end_offset);
    if (tag == "?") {
      ResolvePlainScalar(value, node);
    } else if (tag == "!" || tag == "tag:yaml.org,2002:str") {
      node.kind = NodeKind::kString;
      node.text = value;
      if (node.IsQuoted() && mark.pos >= 0 && end_offset > static_cast<size_t>(mark.pos)) {
        const std::string_view written = std::string_view(source_.text()).substr(mark.pos, end_offset - mark.pos);
        if (auto repaired = RepairQuotedScalar(value, written, node.style)) node.text = std::move(*repaired);
      }
    } else if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" || tag == "tag:yaml.org,2002:bool" ||
               tag == "tag:yaml.org,2002:null") {
      ResolvePlainScalar(value, node);
      std::string want = tag.substr(tag.rfind(':') + 1);
      if (model::NodeKindName(node.kind).substr(0, 3) != want.substr(0, 3) &&
          !(want == "float" && node.kind == NodeKind::kInt)) {
        Fail(ids::kSyntaxError, "'" + value + "' is not a valid !!" + want, node.range.begin);
      }
    } else {
      // PyYAML's safe loader has no constructor for other tags and refuses the file.
      Fail(ids::kSyntaxError, "unsupported YAML tag '" + tag + "'", node.range.begin);
    }
    Complete(std::move(node), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    CheckCollectionTag(tag, mark);
    Push(NodeKind::kSequence, mark, anchor);
  }
  void OnSequenceEnd() override { Pop(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    CheckCollectionTag(tag, mark);
    Push(NodeKind::kMapping, mark, anchor);
  }
  void OnMapEnd() override {
    Frame& frame = stack_.back();
    ApplyMerges(frame);
    Pop();
  }

 private:
  struct Anchored {
    Node node;
    NodeSize size;
  };
  struct Frame {
    Node node;
    std::string pointer;  // JSON pointer of this collection, for findings inside it
    YAML::anchor_t anchor = YAML::NullAnchor;
    bool have_key = false;
    MapEntry pending;
    bool pending_is_merge = false;
    std::unordered_map<std::string, Position> seen;
    std::vector<Node> merges;  // values of "<<" keys, applied at the end of the mapping
  };

  Position PositionOf(const YAML::Mark& mark) const {
    if (mark.is_null()) return {};
    return {mark.line + 1, mark.column + 1};
  }

  // yaml-cpp marks an empty list item at the token after it; the item's own `-` is better.
  std::optional<Position> EmptyItemIndicator(const YAML::Mark& mark) const {
    if (stack_.empty() || stack_.back().node.kind != NodeKind::kSequence || mark.is_null()) return std::nullopt;
    auto dash = EmptyItemDash(source_.text(), static_cast<size_t>(mark.pos));
    if (!dash) return std::nullopt;
    return source_.PositionOf(*dash);
  }

  Position AliasEnd(const YAML::Mark& mark) const {
    size_t pos = mark.pos + 1;
    const std::string& text = source_.text();
    while (pos < text.size() && !std::isspace(static_cast<unsigned char>(text[pos])) && text[pos] != ',' &&
           text[pos] != ']' && text[pos] != '}') {
      ++pos;
    }
    return source_.PositionOf(pos);
  }

  ScalarStyle StyleAt(const YAML::Mark& mark, const std::string& tag) const {
    if (tag == "?") return ScalarStyle::kPlain;
    const std::string& text = source_.text();
    if (mark.pos < 0 || static_cast<size_t>(mark.pos) >= text.size()) return ScalarStyle::kDoubleQuoted;
    switch (text[mark.pos]) {
      case '\'': return ScalarStyle::kSingleQuoted;
      case '"': return ScalarStyle::kDoubleQuoted;
      case '|': return ScalarStyle::kLiteral;
      case '>': return ScalarStyle::kFolded;
      default: return ScalarStyle::kPlain;  // explicitly tagged plain scalar (!!str 123)
    }
  }

  // Events carry only a start mark, so the end of a scalar is found in the source text.
  size_t ScalarEnd(const YAML::Mark& mark, ScalarStyle style, const std::string& value) const {
    const std::string& text = source_.text();
    size_t pos = mark.pos < 0 ? 0 : static_cast<size_t>(mark.pos);
    if (pos >= text.size()) return text.size();
    switch (style) {
      case ScalarStyle::kSingleQuoted:
        for (size_t i = pos + 1; i < text.size(); ++i) {
          if (text[i] == '\'') {
            if (i + 1 < text.size() && text[i + 1] == '\'') {
              ++i;
              continue;
            }
            return i + 1;
          }
        }
        return text.size();
      case ScalarStyle::kDoubleQuoted:
        for (size_t i = pos + 1; i < text.size(); ++i) {
          if (text[i] == '\\') {
            ++i;
          } else if (text[i] == '"') {
            return i + 1;
          }
        }
        return text.size();
      case ScalarStyle::kLiteral:
      case ScalarStyle::kFolded: {
        // The block runs over as many source lines as its content has (plus the header line).
        size_t lines = 1;
        for (char c : value) lines += c == '\n';
        size_t i = pos;
        while (lines > 0 && i < text.size()) {
          if (text[i] == '\n') --lines;
          ++i;
        }
        while (i > pos && (text[i - 1] == '\n' || text[i - 1] == '\r')) --i;
        return i;
      }
      case ScalarStyle::kPlain:
        // Exact for one-line plain scalars; folded multi-line ones end at least this far.
        return std::min(text.size(), pos + value.size());
    }
    return pos;
  }

  void CheckCollectionTag(const std::string& tag, const YAML::Mark& mark) {
    if (tag.empty() || tag == "?" || tag == "!" || tag == "tag:yaml.org,2002:map" || tag == "tag:yaml.org,2002:seq") {
      return;
    }
    Fail(ids::kSyntaxError, "unsupported YAML tag '" + tag + "'", PositionOf(mark));
  }

  void Push(NodeKind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      Fail(ids::kInputLimitExceeded, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels",
           PositionOf(mark));
    }
    Frame frame;
    if (!stack_.empty()) {
      const Frame& parent = stack_.back();
      frame.pointer = parent.node.kind == NodeKind::kSequence
                          ? model::AppendPointer(parent.pointer, parent.node.items.size())
                          : model::AppendPointer(parent.pointer, parent.have_key ? parent.pending.key : "");
    }
    frame.node.kind = kind;
    frame.node.range.begin = PositionOf(mark);
    frame.anchor = anchor;
    stack_.push_back(std::move(frame));
  }

  void Pop() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    Complete(std::move(frame.node), frame.anchor);
  }

  // Attaches a finished node to its parent (or makes it the root) and records its anchor.
  void Complete(Node node, YAML::anchor_t anchor) {
    if (++node_count_ > limits_.max_nodes) {
      Fail(ids::kInputLimitExceeded, "document has more than " + std::to_string(limits_.max_nodes) + " nodes",
           node.range.begin);
    }
    if (node.kind == NodeKind::kMapping || node.kind == NodeKind::kSequence) {
      node.range.end = LastEnd(node);
    }
    if (anchor != YAML::NullAnchor) anchors_[anchor] = {node, SizeOf(node)};
    if (stack_.empty()) {
      root_ = std::move(node);
      has_root_ = true;
      return;
    }
    Frame& parent = stack_.back();
    if (parent.node.kind == NodeKind::kSequence) {
      parent.node.items.push_back(std::move(node));
      return;
    }
    if (!parent.have_key) {
      StartEntry(parent, std::move(node));
      return;
    }
    parent.have_key = false;
    if (parent.pending_is_merge) {
      parent.merges.push_back(std::move(node));
      return;
    }
    parent.pending.value = std::move(node);
    parent.node.entries.push_back(std::move(parent.pending));
  }

  static Position LastEnd(const Node& node) {
    if (node.kind == NodeKind::kMapping && !node.entries.empty()) {
      const Node& last = node.entries.back().value;
      return last.IsScalar() ? last.range.end : LastEnd(last);
    }
    if (node.kind == NodeKind::kSequence && !node.items.empty()) {
      const Node& last = node.items.back();
      return last.IsScalar() ? last.range.end : LastEnd(last);
    }
    return node.range.begin;
  }

  void StartEntry(Frame& parent, Node key) {
    if (!key.IsScalar()) {
      Fail(ids::kSyntaxError, "a mapping key must be a scalar, not a " + std::string(model::NodeKindName(key.kind)),
           key.range.begin);
    }
    parent.have_key = true;
    parent.pending = MapEntry{};
    parent.pending.key = key.text;
    parent.pending.key_range = key.range;
    parent.pending_is_merge = key.text == "<<" && key.style == ScalarStyle::kPlain;
    if (parent.pending_is_merge) return;
    auto [it, inserted] = parent.seen.emplace(key.text, key.range.begin);
    if (!inserted) {
      Diagnostic d;
      d.rule_id = ids::kDuplicateKey;
      d.message = "duplicate key '" + key.text + "' (first defined at line " + std::to_string(it->second.line) +
                  ", column " + std::to_string(it->second.column) + ")";
      d.range = key.range;
      d.pointer = model::AppendPointer(parent.pointer, key.text);
      d.notes.push_back({"first defined here", source_.path(), it->second});
      diagnostics_.push_back(std::move(d));
    }
  }

  // YAML 1.1 merge keys ("<<: *defaults"), as PyYAML applies them: keys written in the mapping
  // win over merged ones, earlier merged mappings win over later ones.
  void ApplyMerges(Frame& frame) {
    if (frame.merges.empty()) return;
    std::vector<MapEntry> merged;
    std::unordered_map<std::string, bool> present;
    for (const MapEntry& entry : frame.node.entries) present[entry.key] = true;
    for (Node& source : frame.merges) {
      std::vector<Node*> maps;
      if (source.kind == NodeKind::kMapping) maps.push_back(&source);
      if (source.kind == NodeKind::kSequence) {
        for (Node& item : source.items) maps.push_back(&item);
      }
      if (maps.empty() || (source.kind == NodeKind::kSequence && std::any_of(maps.begin(), maps.end(), [](Node* n) {
                             return n->kind != NodeKind::kMapping;
                           }))) {
        Fail(ids::kSyntaxError, "a merge key '<<' needs a mapping or a list of mappings", source.range.begin);
      }
      for (Node* map : maps) {
        for (MapEntry& entry : map->entries) {
          if (present.emplace(entry.key, true).second) merged.push_back(entry);
        }
      }
    }
    merged.insert(merged.end(), std::make_move_iterator(frame.node.entries.begin()),
                  std::make_move_iterator(frame.node.entries.end()));
    frame.node.entries = std::move(merged);
  }

  [[noreturn]] void Fail(const char* id, std::string message, Position where) {
    Diagnostic d;
    d.rule_id = id;
    d.message = std::move(message);
    d.range = {where, where};
    diagnostics_.push_back(std::move(d));
    throw StopParsing{};
  }

  const model::SourceFile& source_;
  const ParseLimits& limits_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, Anchored> anchors_;
  std::vector<std::pair<size_t, size_t>> scalar_spans_;
  size_t node_count_ = 0;
  size_t expanded_bytes_ = source_.text().size();  ///< the text plus every alias copy's text
  Node root_;
  bool has_root_ = false;
};

// PyYAML reads a lone CR as a line break, yaml-cpp does not: make it the LF it stands for (same
// length, so every offset and column stays).
model::SourcePtr WithLineFeeds(model::SourcePtr source) {
  const std::string& text = source->text();
  size_t cr = text.find('\r');
  while (cr != std::string::npos && cr + 1 < text.size() && text[cr + 1] == '\n') cr = text.find('\r', cr + 2);
  if (cr == std::string::npos) return source;
  std::string fixed = text;
  for (size_t i = cr; i < fixed.size(); ++i) {
    if (fixed[i] == '\r' && (i + 1 == fixed.size() || fixed[i + 1] != '\n')) fixed[i] = '\n';
  }
  return std::make_shared<model::SourceFile>(source->path(), std::move(fixed));
}

}  // namespace

ParseResult ParseYamlV3(model::SourcePtr source, const ParseLimits& limits) {
  ParseResult result;
  source = WithLineFeeds(std::move(source));
  result.document.source = source;
  result.document.format = model::Format::kYamlV3;
  if (auto refused = PreScanYaml(*source, limits)) {
    result.diagnostics.push_back(std::move(*refused));
    return result;
  }
  std::istringstream stream(source->text());
  TreeBuilder builder(*source, limits, result.diagnostics);
  bool fatal = false;
  try {
    YAML::Parser parser(stream);
    if (parser.HandleNextDocument(builder)) {
      if (auto second = SecondDocumentFinding(parser)) result.diagnostics.push_back(std::move(*second));
    }
  } catch (const StopParsing&) {
    fatal = true;
  } catch (const YAML::DeepRecursion& e) {
    Diagnostic d = SyntaxFinding(e);
    d.rule_id = ids::kInputLimitExceeded;
    d.message = "nesting too deep for a cluster config";
    result.diagnostics.push_back(std::move(d));
    fatal = true;
  } catch (const YAML::Exception& e) {
    result.diagnostics.push_back(SyntaxFinding(e));
    fatal = true;
  } catch (const std::exception& e) {
    Diagnostic d;
    d.rule_id = ids::kSyntaxError;
    d.message = std::string("could not read the YAML: ") + e.what();
    result.diagnostics.push_back(std::move(d));
    fatal = true;
  }
  for (Diagnostic& d : result.diagnostics) d.file = source->path();
  result.document.comments = ScanYamlComments(*source, builder.scalar_spans());
  if (fatal) return result;
  if (!builder.has_root()) {
    result.document.root.kind = NodeKind::kNull;
  } else {
    result.document.root = builder.TakeRoot();
  }
  result.document.ok = true;
  return result;
}

}  // namespace pcl::parsers
