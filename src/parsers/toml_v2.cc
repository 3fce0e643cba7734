// v2 TOML front end: toml11 parses (through toml11_adapter.h); tables map onto the v2 INI model of
// sections of text options.
#include "parsers/toml_v2.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "generated/ids/input.h"
#include "parsers/toml11_adapter.h"
#include "parsers/toml_v2_scan.h"

namespace pcl::parsers {
namespace {

using model::Diagnostic;
using model::MapEntry;
using model::Node;
using model::Position;
using model::Range;
using toml_v2::Finding;
using toml_v2::PreScan;
using TomlValue = toml11::Value;

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

std::pair<size_t, size_t> SpanOf(const TomlValue& value) {
  return {value.begin, value.end};
}

class Builder {
 public:
  Builder(const model::SourceFile& source, ParseResult& result) : source_(source), result_(result) {}

  void Build(const TomlValue& root) {
    std::vector<std::tuple<size_t, std::string, const TomlValue*>> sections;  // header offset first
    for (const auto& [key, value] : Ordered(root)) {
      if (!IsHeader(*value)) {
        bool tables = value->IsArray() && !value->array.empty() && IsHeader(value->array[0]);
        Fail(ids::kSyntaxError,
             tables ? "[[" + key + "]] (an array of tables) has no v2 form; use [type.label] tables"
                    : "option '" + key + "' is outside any section; v2 options belong under a [section]",
             tables || value->IsTable() ? RangeOf(*value) : KeyRange(*value));
        continue;
      }
      // [cluster.default] alone makes "cluster" implicitly, with that same header as its region.
      size_t offset = SpanOf(*value).first;
      bool implicit = false, has_options = false;
      for (const auto& [label, child] : Ordered(*value)) {
        if (!IsHeader(*child)) {
          has_options = true;
        } else if (key.find(' ') == std::string::npos) {  // else Options() reports it as nested
          implicit = implicit || SpanOf(*child).first == offset;
          sections.emplace_back(SpanOf(*child).first, key + " " + label, child);
        }
      }
      if (has_options || !implicit) sections.emplace_back(offset, key, value);
    }
    std::sort(sections.begin(), sections.end());
    Node& root_node = result_.document.root;
    root_node.kind = model::NodeKind::kMapping;
    std::unordered_map<std::string, size_t> seen;  // section name → its entry
    for (const auto& [offset, name, table] : sections) {
      // As the INI reader does: the key is the name inside the brackets, the value the header.
      auto [begin, end] = SpanOf(*table);
      Range header = RangeOf(begin, end);
      if (auto found = seen.find(name); found != seen.end()) {
        const MapEntry* first = &root_node.entries[found->second];
        // Both shapes, [cluster.default] and ["cluster default"], name the same v2 section.
        Fail(ids::kDuplicateSection,
             "duplicate section [" + name + "] at line " + std::to_string(header.begin.line) +
                 " (first defined at line " + std::to_string(first->key_range.begin.line) + ")",
             header, {{"first defined here", source_.path(), first->value.range.begin}});
        continue;
      }
      // Tables under a labeled section ([cluster.default.x]) have no v2 form.
      Node options = Options(*table, name, name.find(' ') != std::string::npos);
      options.range = header;
      seen.emplace(name, root_node.entries.size());
      root_node.entries.push_back({name, RangeOf(begin + 1, end - 1), std::move(options)});
    }
    MergeDefaults(root_node);
  }

 private:
  void Fail(const char* id, std::string message, Range where, std::vector<model::Note> notes = {}) {
    result_.diagnostics.push_back(Finding(id, std::move(message), where));
    result_.diagnostics.back().notes = std::move(notes);
  }

  Range RangeOf(size_t begin, size_t end) const {
    const size_t size = source_.text().size();
    return {source_.PositionOf(std::min(begin, size)), source_.PositionOf(std::min(end, size))};
  }
  Range RangeOf(const TomlValue& value) const {
    auto [begin, end] = SpanOf(value);
    return RangeOf(begin, end);
  }

  // toml11 keeps no key positions, but a key starts its line and ends at the '=' before its value.
  Range KeyRange(const TomlValue& value) const {
    const std::string& text = source_.text();
    size_t end = std::min(SpanOf(value).first, text.size());
    size_t begin = end == 0 ? std::string::npos : text.rfind('\n', end - 1);
    begin = begin == std::string::npos ? 0 : begin + 1;
    while (begin < end && IsBlank(text[begin])) ++begin;
    while (end > begin && IsBlank(text[end - 1])) --end;
    if (end > begin && text[end - 1] == '=') --end;
    while (end > begin && IsBlank(text[end - 1])) --end;
    return RangeOf(begin, end);
  }

  std::string SourceText(const TomlValue& value) const {
    auto [begin, end] = SpanOf(value);
    return end <= source_.text().size() ? source_.text().substr(begin, end - begin) : "";
  }

  // A table written as a [header] (or made implicitly by one); not inline {…} or dotted a.b = 1.
  bool IsHeader(const TomlValue& value) const { return value.IsTable() && SourceText(value).rfind('[', 0) == 0; }

  // toml11 keeps tables sorted by key; v2 keeps file order.
  std::vector<std::pair<std::string, const TomlValue*>> Ordered(const TomlValue& table) const {
    std::vector<std::pair<std::string, const TomlValue*>> items;
    for (const auto& [key, value] : table.table) items.emplace_back(key, &value);
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return SpanOf(*a.second).first < SpanOf(*b.second).first; });
    return items;
  }

  Node Options(const TomlValue& table, const std::string& section_name, bool labeled) {
    Node section;
    section.kind = model::NodeKind::kMapping;
    std::unordered_map<std::string, size_t> seen;  // option name → its entry: linear in big tables
    for (const auto& [key, value] : Ordered(table)) {
      if (IsHeader(*value)) {  // a [type.label] section of its own unless already labeled
        if (labeled) {
          Fail(ids::kSyntaxError, SourceText(*value) + " nests too deep; v2 sections are [type.label]",
               RangeOf(*value));
        }
        continue;
      }
      Range key_range = value->IsTable() ? RangeOf(*value) : KeyRange(*value);
      std::optional<Node> node = OptionValue(key, *value);
      if (!node) continue;
      // configparser lower-cases option names, so Key_Name and key_name are the same option.
      std::string name = key;
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (auto found = seen.find(name); found != seen.end()) {
        // TOML allows Key_Name beside key_name; configparser would not.
        const MapEntry* first = &section.entries[found->second];
        Fail(ids::kDuplicateKey,
             "duplicate option '" + name + "' in section [" + section_name + "] at line " +
                 std::to_string(key_range.begin.line) + " (first defined at line " +
                 std::to_string(first->key_range.begin.line) + ")",
             key_range, {{"first defined here", source_.path(), first->key_range.begin}});
        continue;
      }
      seen.emplace(name, section.entries.size());
      section.entries.push_back({std::move(name), key_range, std::move(*node)});
    }
    return section;
  }

  // The text configparser would hand back for this value; nullopt (after a finding) if none.
  std::optional<Node> OptionValue(const std::string& key, const TomlValue& value) {
    if (value.IsTable()) {
      Fail(ids::kSyntaxError, "option '" + key + "' holds a table; v2 options are single values", RangeOf(value));
      return std::nullopt;
    }
    std::string text;
    if (value.IsArray()) {
      // v2 list settings are comma-separated text: queue_settings = q1, q2
      const auto& items = value.array;
      for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].IsTable() || items[i].IsArray()) {
          Fail(ids::kSyntaxError,
               "option '" + key + "' nests a " + (items[i].IsTable() ? "table" : "list") +
                   " in a list; v2 lists are flat",
               RangeOf(items[i]));
          return std::nullopt;
        }
        text += (i > 0 ? ", " : "") + ScalarText(items[i]);
      }
    } else {
      text = ScalarText(value);
    }
    Node node = Node::String(std::move(text), RangeOf(value));
    if (value.kind == TomlValue::Kind::kString) {
      node.style = value.literal ? model::ScalarStyle::kSingleQuoted : model::ScalarStyle::kDoubleQuoted;
    }
    return node;
  }

  std::string ScalarText(const TomlValue& value) {
    if (value.kind == TomlValue::Kind::kString) return value.string;
    if (value.kind == TomlValue::Kind::kBoolean) return value.boolean ? "true" : "false";
    // Numbers, dates and times as written (1.5, 1e3, 1_000 without '_'): Python's int() and
    // float() read them the same way. Only 0x/0o/0b integers need converting to decimal.
    std::string written = SourceText(value);
    written.erase(std::remove(written.begin(), written.end(), '_'), written.end());
    bool convert = written.starts_with('+') || (written.size() > 2 && std::isalpha(written[1] & 0xff));
    return value.kind == TomlValue::Kind::kInteger && convert ? std::to_string(value.integer) : written;
  }

  // configparser shows every [DEFAULT] option in every section, defaults first (in items()
  // order, an override keeps the default's place), as the INI reader does.
  static void MergeDefaults(Node& root) {
    const Node* found = root.Find("DEFAULT");
    if (found == nullptr) return;
    const Node defaults = *found;
    std::unordered_set<std::string_view> default_keys;
    for (const MapEntry& option : defaults.entries) default_keys.insert(option.key);
    for (MapEntry& section : root.entries) {
      std::unordered_map<std::string_view, const MapEntry*> own_options;
      for (const MapEntry& own : section.value.entries) own_options.try_emplace(own.key, &own);
      std::vector<MapEntry> merged;
      for (const MapEntry& option : defaults.entries) {
        auto own = own_options.find(option.key);
        merged.push_back(own != own_options.end() ? *own->second : option);
      }
      for (MapEntry& own : section.value.entries) {
        if (!default_keys.count(own.key)) merged.push_back(std::move(own));
      }
      section.value.entries = std::move(merged);
    }
  }

  const model::SourceFile& source_;
  ParseResult& result_;
};

}  // namespace

ParseResult ParseTomlV2(model::SourcePtr source, const ParseLimits& limits) {
  ParseResult result;
  result.document.source = source;
  result.document.format = model::Format::kTomlV2;
  if (source->text().size() > limits.max_bytes) {
    result.diagnostics.push_back(Finding(ids::kInputLimitExceeded, "file is larger than the input limit", {}));
  } else {
    PreScan scan;
    scan.Run(*source, limits);
    result.document.comments = std::move(scan.comments);
    if (scan.limit) result.diagnostics.push_back(std::move(*scan.limit));
  }
  if (result.diagnostics.empty()) {
    toml11::Parsed parsed = toml11::Parse(*source);
    if (parsed.error) result.diagnostics.push_back(std::move(*parsed.error));
    if (parsed.root) {
      result.document.ok = true;
      Builder(*source, result).Build(*parsed.root);
    }
  }
  for (Diagnostic& d : result.diagnostics) d.file = source->path();
  model::SortDiagnostics(result.diagnostics);  // toml11 hands back tables sorted by name
  return result;
}

}  // namespace pcl::parsers
