// `diff`: what updating a cluster from one config to another needs (live, fleet stop, new cluster...).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "core/release.h"
#include "model/diagnostic.h"
#include "model/source.h"
#include "parsers/load.h"

namespace pcl::diff {

struct DiffOptions {
  std::string target_version = core::kDefaultTargetRelease;  ///< ParallelCluster release whose policy table applies
  bool show_live = false;  ///< also report changes that are free (SUPPORTED/IGNORED keys)
  parsers::LoadOptions load;
};

/// Counts over every change compared, shown or not; the strongest requirement wins.
struct DiffSummary {
  int changes = 0;
  int new_cluster = 0;            ///< PCL8001
  int fleet_stop = 0;             ///< PCL8002
  int login_stop = 0;             ///< PCL8003
  int strategy = 0;               ///< PCL8004 warnings: fleet stop or QueueUpdateStrategy
  int all_stop = 0;               ///< PCL8006
  int cluster_state = 0;          ///< PCL8007
  int covered = 0;                ///< PCL8004 info: covered by the new QueueUpdateStrategy
  int live = 0;                   ///< PCL8005, shown or not
  bool needs_fleet_stop = false;  ///< some change needs the fleet stopped, whatever the strategy
  bool needs_strategy = false;    ///< ... stopped, or a QueueUpdateStrategy set
  bool needs_terminate = false;   ///< ... and only TERMINATE covers it
  bool needs_login_stop = false;
  std::string covered_by;          ///< the strategy that covered changes
  int not_compared = 0;            ///< pairs whose inputs could not be read or parsed
  std::vector<std::string> notes;  ///< per-pair remarks (e.g. "new at REF")

  /// Machine-readable requirement: none, live, cluster-state, login-nodes-stop,
  /// compute-fleet-stop-or-strategy, compute-fleet-stop, compute-fleet-and-login-nodes-stop,
  /// new-cluster, unknown.
  std::string Requirement() const;
  /// "this change can be applied live", "this change needs a new cluster", ...
  std::string Verdict() const;
};

/// Everything one `diff` run produced, across all compared pairs.
struct DiffRun {
  std::string target_version;
  std::vector<std::string> files;
  std::vector<model::Diagnostic> diagnostics;  ///< per pair: sorted
  std::map<std::string, model::SourcePtr> sources;
  DiffSummary summary;
  bool io_error = false;  ///< a file could not be read (exit 2)
};

/// Compares two loaded inputs. Input problems (parse errors, a v2 file) become findings.
void DiffParsed(parsers::ParseResult old_input, parsers::ParseResult new_input, const DiffOptions& options,
                DiffRun& run);
/// Loads and compares two files.
void DiffFiles(const std::string& old_path, const std::string& new_path, const DiffOptions& options, DiffRun& run);

/// The summary lines that end the text report.
void WriteSummaryText(const DiffSummary& summary, std::ostream& out);
/// The summary as the "update" member of the JSON report.
nlohmann::ordered_json SummaryJson(const DiffSummary& summary);

}  // namespace pcl::diff
