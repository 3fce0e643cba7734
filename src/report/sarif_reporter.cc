// SARIF 2.1.0 output: repo-relative artifact URIs, a rule index, fingerprints and suppressions.
#include <map>

#include <nlohmann/json.hpp>

#include "engine/rule_meta.h"
#include "report/locations.h"
#include "report/report.h"

namespace pcl::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kSchemaUri[] =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr char kSrcRoot[] = "%SRCROOT%";
// Versioned so a future change of what is hashed does not silently re-key every alert.
constexpr char kFingerprintKey[] = "pclusterLint/v1";

std::string Level(model::Severity severity) {
  switch (severity) {
    case model::Severity::kError: return "error";
    case model::Severity::kWarning: return "warning";
    case model::Severity::kInfo: return "note";
  }
  return "error";
}

Json Text(const std::string& text) {
  return {{"text", text}};
}

Json Descriptor(const std::string& rule_id) {
  Json rule;
  rule["id"] = rule_id;
  const engine::RuleMeta* meta = engine::RuleCatalog::EmbeddedWithDocs().FindById(rule_id);
  if (!meta) return rule;
  rule["name"] = meta->name;
  if (!meta->summary.empty()) rule["shortDescription"] = Text(meta->summary);
  if (!meta->rationale.empty()) rule["fullDescription"] = Text(meta->rationale);
  if (!meta->references.empty()) rule["helpUri"] = meta->references.front();
  if (!meta->remediation.empty()) rule["help"] = Text(meta->remediation);
  rule["defaultConfiguration"] = {{"level", Level(meta->severity)}};
  return rule;
}

// GitHub code scanning needs a startLine on every result, so a whole-file finding points at line 1.
Json Region(const model::Range& range, const model::SourceFile* source) {
  Json region;
  if (!range.begin.Known()) {
    region["startLine"] = 1;
    return region;
  }
  region["startLine"] = range.begin.line;
  if (range.begin.column > 0) {
    region["startColumn"] = CharacterColumn(source, range.begin.line, range.begin.column);
  }
  if (range.end.Known() && range.end > range.begin) {
    region["endLine"] = range.end.line;
    if (range.end.column > 0) region["endColumn"] = CharacterColumn(source, range.end.line, range.end.column);
  }
  return region;
}

const model::SourceFile* SourceOf(const RunReport& report, const std::string& path) {
  auto it = report.sources.find(path);
  return it == report.sources.end() ? nullptr : it->second.get();
}

/// The artifacts of a run (every file checked) and how each is addressed.
class Artifacts {
 public:
  explicit Artifacts(const RepoPaths& paths) : paths_(paths) {}

  /// The artifactLocation of `path`, adding it to the artifact list on first use.
  Json Location(const std::string& path) {
    auto [it, added] = index_.emplace(path, static_cast<int>(list_.size()));
    Json location = Address(path);
    if (added) list_.push_back({{"location", location}});
    location["index"] = it->second;
    return location;
  }
  /// The identity used in fingerprints: repo-relative, so it is the same in every checkout.
  std::string Key(const std::string& path) const { return Address(path)["uri"].get<std::string>(); }
  const Json& list() const { return list_; }

 private:
  Json Address(const std::string& path) const {
    if (std::optional<std::string> relative = paths_.Relative(path)) {
      return {{"uri", PercentEncodePath(*relative)}, {"uriBaseId", kSrcRoot}};
    }
    std::string uri = PercentEncodePath(path);
    if (!path.empty() && path.front() == '/') uri = "file://" + uri;
    return {{"uri", uri}};
  }

  const RepoPaths& paths_;
  std::map<std::string, int> index_;
  Json list_ = Json::array();
};

}  // namespace

void WriteSarif(const RunReport& report, const RenderOptions& options, std::ostream& out) {
  RepoPaths paths(options);
  Artifacts artifacts(paths);
  for (const std::string& file : report.files) artifacts.Location(file);

  // Rules in id order, so ruleIndex does not depend on which file happened to come first.
  std::map<std::string, int> rule_index;
  for (const model::Diagnostic& d : report.diagnostics) rule_index.emplace(d.rule_id, 0);
  Json rules = Json::array();
  for (auto& [id, index] : rule_index) {
    index = static_cast<int>(rules.size());
    rules.push_back(Descriptor(id));
  }

  // Same rule, file and pointer more than once: numbered like GitHub's own "hash:n" fingerprints.
  std::map<std::string, int> occurrences;
  Json results = Json::array();
  for (const model::Diagnostic& d : report.diagnostics) {
    Json result;
    result["ruleId"] = d.rule_id;
    result["ruleIndex"] = rule_index.at(d.rule_id);
    result["level"] = Level(d.severity);
    result["message"] = Text(d.message);
    Json physical = {{"artifactLocation", artifacts.Location(d.file)},
                     {"region", Region(d.range, SourceOf(report, d.file))}};
    result["locations"] = Json::array({{{"physicalLocation", std::move(physical)}}});
    if (!d.notes.empty()) {
      Json related = Json::array();
      for (const model::Note& note : d.notes) {
        model::Range at{note.position, note.position};
        Json location = {{"artifactLocation", artifacts.Location(note.file)},
                         {"region", Region(at, SourceOf(report, note.file))}};
        related.push_back({{"id", static_cast<int>(related.size())},
                           {"physicalLocation", std::move(location)},
                           {"message", Text(note.message)}});
      }
      result["relatedLocations"] = std::move(related);
    }
    // Never line numbers: an alert must survive edits elsewhere in the file.
    std::string hash = StableHash(d.rule_id + '\n' + artifacts.Key(d.file) + '\n' + d.pointer);
    int occurrence = ++occurrences[hash];
    result["partialFingerprints"] = {{kFingerprintKey, hash + ':' + std::to_string(occurrence)}};
    if (d.suppressed) {
      Json suppression = {{"kind", "inSource"}};
      if (!d.suppression_reason.empty()) suppression["justification"] = d.suppression_reason;
      result["suppressions"] = Json::array({std::move(suppression)});
    }
    result["properties"] = {{"pointer", d.pointer}};
    results.push_back(std::move(result));
  }

  Json driver;
  driver["name"] = "pcluster-lint";
  driver["version"] = report.tool_version;
  driver["semanticVersion"] = report.tool_version;
  driver["rules"] = std::move(rules);

  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  if (!paths.root().empty()) {
    std::string root = paths.root() == "/" ? "" : paths.root();
    run["originalUriBaseIds"] = {{kSrcRoot, {{"uri", "file://" + PercentEncodePath(root) + "/"}}}};
  }
  run["artifacts"] = artifacts.list();
  run["results"] = std::move(results);
  run["columnKind"] = "unicodeCodePoints";
  if (!report.target_version.empty()) run["properties"] = {{"targetVersion", report.target_version}};

  Json doc;
  doc["$schema"] = kSchemaUri;
  doc["version"] = "2.1.0";
  doc["runs"] = Json::array({std::move(run)});
  // Paths and messages may hold invalid UTF-8; replace it rather than throw.
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace pcl::report
