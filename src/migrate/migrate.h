// ParallelCluster v2 (INI/TOML) → v3 YAML migration: options, result, migration report entries.
#pragma once

#include <string>
#include <vector>

#include "migrate/out_node.h"
#include "model/diagnostic.h"
#include "model/document.h"

namespace pcl::migrate {

/// The knobs of `pcluster-lint migrate`.
struct MigrateOptions {
  /// Label of the [cluster LABEL] section; "" = [global] cluster_template, else [cluster default].
  std::string cluster_template;
  /// Convert the DevSettings-only parameters instead of refusing them.
  bool force_convert = false;
  /// For role name → ARN. Without them a role name is a blocking error (no AWS call is made).
  std::string account_id;
  std::string partition;  ///< "" = from [aws] aws_region_name (cn-* → aws-cn, us-gov-* → aws-us-gov)
  /// false for `check`: role names need no ARN there, so no account id is asked for.
  bool require_account = true;
  /// Write the official converter's note/warning lines as a comment block at the top.
  bool header_comments = true;
};

/// What became of one v2 option of the selected cluster or a section it uses.
struct KeyFate {
  enum class Kind { kConverted, kReference, kDropped };

  std::string section;  ///< as written, e.g. "cluster default"
  std::string key;      ///< lower-cased option name
  model::Range key_range;
  Kind kind = Kind::kDropped;
  /// kConverted: the v3 JSON pointers it went to; kReference: pointers of what it selected.
  std::vector<std::string> pointers;
  /// kDropped: obsolete | automatic | not-applicable | ignored-by-v2 | placeholder | unknown |
  /// inherited | ignored-section | not-converted; "" otherwise.
  std::string category;
  std::string detail;  ///< why, in words
};

/// The outcome of migrating one v2 document.
struct MigrationResult {
  /// False when a blocking problem was found; then `yaml` is empty and nothing may be written.
  bool ok = false;
  std::string yaml;
  OutNode tree;
  std::string cluster_section;              // "cluster default", or "" if none was found
  std::vector<model::Diagnostic> findings;  ///< parser and migration findings on the v2 file
  std::vector<KeyFate> keys;                ///< every key of the sections the migration read
};

/// Migrates a parsed v2 document. `parse_findings` are the front end's findings for it (they
/// decide, with the migration's own errors, whether the result is usable). Never throws for
/// anything the document contains.
MigrationResult Migrate(const model::Document& v2doc, const std::vector<model::Diagnostic>& parse_findings,
                        const MigrateOptions& options);

/// The migration findings for a v2 document (blockers, warnings and notes), without writing
/// anything: what `check` reports for v2 files.
std::vector<model::Diagnostic> MigrationFindings(const model::Document& v2doc, const MigrateOptions& options);

/// Adds to each finding about the migrated YAML (see pipeline::CheckMigratedYaml) a note at the v2
/// setting its value came from, or the nearest one above it. A schema finding on a value converted
/// from one v2 setting (e.g. base_os = ubuntu2004, which the target no longer accepts) moves to that
/// v2 line, with a note at the converted value.
void NoteV2Origins(const MigrationResult& result, const model::Document& v2doc,
                   std::vector<model::Diagnostic>& checked);

}  // namespace pcl::migrate
