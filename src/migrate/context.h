// State shared by the translators: configparser-style reads of the v2 document, findings, the
// header comment block, and the record of what became of each v2 key.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "migrate/migrate.h"
#include "migrate/out_node.h"
#include "model/diagnostic.h"
#include "model/document.h"

namespace pcl::migrate {

/// An explicit decision about a v2 key that did not go into the output.
struct DropNote {
  std::string category;
  std::string detail;
};

class Context {
 public:
  Context(const model::Document& doc, const MigrateOptions& options);

  const MigrateOptions& options() const { return options_; }
  const model::Document& document() const { return doc_; }

  // ---- configparser reads. Every read marks the key as read; "NONE" counts as not set. ----

  bool HasSection(std::string_view section) const;
  /// The option's node as written (no NONE rule, nothing recorded), or nullptr.
  const model::MapEntry* Entry(std::string_view section, std::string_view key) const;
  /// configparser.get(section, key, fallback=None).
  std::optional<std::string> Get(const std::string& section, const std::string& key);
  /// Get, where an empty value counts as absent (the converter's truthiness tests).
  std::optional<std::string> GetTruthy(const std::string& section, const std::string& key);
  std::optional<int64_t> GetInt(const std::string& section, const std::string& key);
  std::optional<double> GetFloat(const std::string& section, const std::string& key);
  std::optional<bool> GetBool(const std::string& section, const std::string& key);

  /// Scalar output nodes made from one option (kNull when absent), with their origin recorded.
  OutNode Str(const std::string& section, const std::string& key);
  OutNode Int(const std::string& section, const std::string& key);
  OutNode Float(const std::string& section, const std::string& key);
  OutNode Bool(const std::string& section, const std::string& key);
  /// A constant the migration chose (not user data), attributed to `origin` when given.
  static OutNode Made(OutNode node, const std::vector<KeyRef>& origins = {});

  // ---- findings ----

  /// Where an option's value is (its key when the value is empty); the section header, or the
  /// start of the file, when the option is absent.
  model::Range ValueRange(std::string_view section, std::string_view key) const;
  model::Range KeyRange(std::string_view section, std::string_view key) const;
  model::Range SectionRange(std::string_view section) const;
  /// Adds a finding once per (id, range, message).
  void Report(const char* rule_id, const model::Range& where, std::string message, const std::string& section = "",
              const std::string& key = "");
  /// Adds a line ("# ...") to the header comment block; HeaderOnce skips a line already there.
  void Header(const std::string& text);
  void HeaderOnce(const std::string& text);
  bool HasErrors() const;

  // ---- the migration report ----

  void Drop(const std::string& section, const std::string& key, std::string category, std::string detail);
  /// A key that selects other sections (vpc_settings, queue_settings, ...).
  void Reference(const std::string& section, const std::string& key);
  const std::map<KeyRef, DropNote>& drops() const { return drops_; }
  const std::set<KeyRef>& references() const { return references_; }
  const std::set<KeyRef>& read_keys() const { return read_; }

  // ---- what the validation phase established ----

  std::string cluster;    ///< "cluster LABEL", or "" when none was found
  std::string vpc;        ///< "vpc LABEL" from vpc_settings, or ""
  std::string scheduler;  ///< as written
  bool slurm() const { return scheduler == "slurm"; }
  bool awsbatch() const { return scheduler == "awsbatch"; }
  /// Reads a `C.` option of the selected cluster.
  std::optional<std::string> Cluster(const std::string& key) { return Get(cluster, key); }
  std::optional<std::string> ClusterTruthy(const std::string& key) { return GetTruthy(cluster, key); }

  std::vector<model::Diagnostic> findings;
  std::vector<std::string> header;

 private:
  const model::Node* SectionNode(std::string_view section) const;
  /// The raw value after the NONE rule; records the read.
  const model::MapEntry* Read(const std::string& section, const std::string& key);
  void ReportWrongType(const std::string& section, const std::string& key, const std::string& error);

  const model::Document& doc_;
  const MigrateOptions& options_;
  std::set<std::tuple<std::string, model::Range, std::string>> reported_;
  std::map<KeyRef, DropNote> drops_;
  std::set<KeyRef> references_;
  std::set<KeyRef> read_;
};

/// The label list of a *_settings option: split on ',' and stripped, empty labels kept.
std::vector<std::string> Labels(const std::string& value);

}  // namespace pcl::migrate
