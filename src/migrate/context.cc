// State shared by the translators: configparser-style reads of the v2 document, findings, the
// header comment block, and the record of what became of each v2 key.
#include "migrate/context.h"

#include <algorithm>

#include "generated/ids/migration.h"
#include "generated/rule_kinds.h"
#include "migrate/py_text.h"
#include "migrate/yaml_emit.h"
#include "model/json_pointer.h"

namespace pcl::migrate {

namespace {
constexpr char kNone[] = "NONE";
}  // namespace

std::vector<std::string> Labels(const std::string& value) {
  return py::SplitLabels(value);
}

Context::Context(const model::Document& doc, const MigrateOptions& options) : doc_(doc), options_(options) {}

const model::Node* Context::SectionNode(std::string_view section) const {
  if (doc_.root.kind != model::NodeKind::kMapping) return nullptr;
  const model::Node* node = doc_.root.Find(section);
  return node && node->kind == model::NodeKind::kMapping ? node : nullptr;
}

bool Context::HasSection(std::string_view section) const {
  // [DEFAULT] is not a section for configparser.
  return section != "DEFAULT" && SectionNode(section) != nullptr;
}

const model::MapEntry* Context::Entry(std::string_view section, std::string_view key) const {
  if (section.empty() || section == "DEFAULT") return nullptr;
  const model::Node* node = SectionNode(section);
  return node ? node->FindEntry(key) : nullptr;
}

const model::MapEntry* Context::Read(const std::string& section, const std::string& key) {
  const model::MapEntry* entry = Entry(section, key);
  if (entry == nullptr) return nullptr;
  read_.insert({section, key});
  if (entry->value.text == kNone) {
    // ParallelCluster 2 wrote NONE for "not set" (pcluster configure, from_cfn); v3 has no such
    // placeholder, so the option is treated as absent.
    if (!drops_.count({section, key})) {
      Drop(section, key, "placeholder", "NONE is ParallelCluster 2's placeholder for 'not set'");
      Report(ids::kNonePlaceholder, entry->value.range,
             key + " = NONE in [" + section + "] means 'not set' in ParallelCluster 2; it is left out", section, key);
    }
    return nullptr;
  }
  return entry;
}

std::optional<std::string> Context::Get(const std::string& section, const std::string& key) {
  const model::MapEntry* entry = Read(section, key);
  if (entry == nullptr) return std::nullopt;
  return entry->value.text;
}

std::optional<std::string> Context::GetTruthy(const std::string& section, const std::string& key) {
  auto value = Get(section, key);
  if (value && value->empty()) return std::nullopt;
  return value;
}

void Context::ReportWrongType(const std::string& section, const std::string& key, const std::string& error) {
  Report(ids::kWrongValueType, ValueRange(section, key), "wrong type for " + key + " in [" + section + "]: " + error,
         section, key);
  Drop(section, key, "not-converted", "the value could not be read: " + error);
}

std::optional<int64_t> Context::GetInt(const std::string& section, const std::string& key) {
  auto text = Get(section, key);
  if (!text) return std::nullopt;
  auto read = py::ParseInt(*text);
  if (!read.value) ReportWrongType(section, key, read.error);
  return read.value;
}

std::optional<double> Context::GetFloat(const std::string& section, const std::string& key) {
  auto text = Get(section, key);
  if (!text) return std::nullopt;
  auto read = py::ParseFloat(*text);
  if (!read.value) ReportWrongType(section, key, read.error);
  return read.value;
}

std::optional<bool> Context::GetBool(const std::string& section, const std::string& key) {
  auto text = Get(section, key);
  if (!text) return std::nullopt;
  auto read = py::ParseBool(*text);
  if (!read.value) ReportWrongType(section, key, read.error);
  return read.value;
}

namespace {
OutNode FromUser(OutNode node, const std::string& section, const std::string& key) {
  node.user_value = true;
  node.origins.push_back({section, key});
  return node;
}
}  // namespace

OutNode Context::Str(const std::string& section, const std::string& key) {
  auto value = Get(section, key);
  return value ? FromUser(OutNode::String(*value), section, key) : OutNode();
}

OutNode Context::Int(const std::string& section, const std::string& key) {
  auto value = GetInt(section, key);
  return value ? FromUser(OutNode::Int(*value), section, key) : OutNode();
}

OutNode Context::Float(const std::string& section, const std::string& key) {
  auto value = GetFloat(section, key);
  return value ? FromUser(OutNode::Float(*value), section, key) : OutNode();
}

OutNode Context::Bool(const std::string& section, const std::string& key) {
  auto value = GetBool(section, key);
  return value ? FromUser(OutNode::Bool(*value), section, key) : OutNode();
}

OutNode Context::Made(OutNode node, const std::vector<KeyRef>& origins) {
  for (const KeyRef& origin : origins) node.AddOrigin(origin);
  return node;
}

model::Range Context::SectionRange(std::string_view section) const {
  if (!section.empty() && doc_.root.kind == model::NodeKind::kMapping) {
    if (const model::MapEntry* entry = doc_.root.FindEntry(section)) return entry->value.range;
  }
  return {{1, 1}, {1, 1}};
}

model::Range Context::KeyRange(std::string_view section, std::string_view key) const {
  if (const model::MapEntry* entry = Entry(section, key)) return entry->key_range;
  return SectionRange(section);
}

model::Range Context::ValueRange(std::string_view section, std::string_view key) const {
  const model::MapEntry* entry = Entry(section, key);
  if (entry == nullptr) return SectionRange(section);
  if (entry->value.text.empty() || !entry->value.range.begin.Known()) return entry->key_range;
  return entry->value.range;
}

void Context::Report(const char* rule_id, const model::Range& where, std::string message, const std::string& section,
                     const std::string& key) {
  if (!reported_.emplace(rule_id, where, message).second) return;
  model::Diagnostic& d = findings.emplace_back();
  d.rule_id = rule_id;
  const ids::RuleInfo* rule = ids::FindRule(rule_id);
  d.severity = rule ? rule->severity : model::Severity::kError;
  d.message = std::move(message);
  d.file = doc_.source ? doc_.source->path() : std::string();
  d.range = where;
  if (!d.range.begin.Known()) d.range = {{1, 1}, {1, 1}};
  if (!section.empty()) {
    d.pointer = model::AppendPointer("", section);
    if (!key.empty()) d.pointer = model::AppendPointer(d.pointer, key);
  }
}

namespace {

// "# text", with every line of a multi-line text commented: a v2 value can continue over several
// lines (an INI continuation), and an uncommented line would be YAML of its own.
// Each line is CommentText, so a control character in the value cannot make the file unreadable.
std::string CommentLines(const std::string& text) {
  std::string out;
  size_t begin = 0;
  while (true) {
    const size_t end = text.find_first_of("\r\n", begin);
    out += "# " + CommentText(std::string_view(text).substr(begin, end == std::string::npos ? end : end - begin));
    if (end == std::string::npos) return out;
    begin = end + (text.compare(end, 2, "\r\n") == 0 ? 2 : 1);
    out += '\n';
  }
}

}  // namespace

void Context::Header(const std::string& text) {
  if (options_.header_comments) header.push_back(CommentLines(text));
}

void Context::HeaderOnce(const std::string& text) {
  if (std::find(header.begin(), header.end(), CommentLines(text)) == header.end()) Header(text);
}

bool Context::HasErrors() const {
  for (const auto& d : findings) {
    if (d.severity == model::Severity::kError) return true;
  }
  return false;
}

void Context::Drop(const std::string& section, const std::string& key, std::string category, std::string detail) {
  drops_[{section, key}] = {std::move(category), std::move(detail)};
}

void Context::Reference(const std::string& section, const std::string& key) {
  references_.insert({section, key});
}

}  // namespace pcl::migrate
