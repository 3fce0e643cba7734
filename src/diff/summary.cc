// The end of a diff report: how many changes need what, and the one requirement that wins.
#include <utility>

#include "diff/diff.h"
#include "report/escape.h"

namespace pcl::diff {
namespace {

std::string StrategyText(const DiffSummary& summary) {
  return summary.needs_terminate ? "TERMINATE" : "DRAIN or TERMINATE";
}

}  // namespace

std::string DiffSummary::Requirement() const {
  if (not_compared > 0) return "unknown";
  if (changes == 0) return "none";
  if (new_cluster > 0) return "new-cluster";
  if (needs_fleet_stop && needs_login_stop) return "compute-fleet-and-login-nodes-stop";
  if (needs_fleet_stop) return "compute-fleet-stop";
  if (needs_strategy && needs_login_stop) return "login-nodes-stop-and-compute-fleet-stop-or-queue-update-strategy";
  if (needs_strategy) return "compute-fleet-stop-or-queue-update-strategy";
  if (needs_login_stop) return "login-nodes-stop";
  if (cluster_state > 0) return "cluster-state";
  return "live";
}

std::string DiffSummary::Verdict() const {
  const std::string requirement = Requirement();
  const std::string strategy =
      "the compute fleet stopped (or Scheduling.SlurmSettings.QueueUpdateStrategy set to " + StrategyText(*this) + ")";
  if (requirement == "unknown") return "cannot tell what the update needs: fix the input errors first";
  if (requirement == "none") return "no changes: nothing to update";
  if (requirement == "new-cluster") return "this change needs a new cluster";
  if (requirement == "compute-fleet-and-login-nodes-stop")
    return "this change needs the compute fleet and the login nodes stopped";
  if (requirement == "compute-fleet-stop") return "this change needs the compute fleet stopped";
  if (requirement == "login-nodes-stop-and-compute-fleet-stop-or-queue-update-strategy") {
    return "this change needs the login nodes stopped and " + strategy;
  }
  if (requirement == "compute-fleet-stop-or-queue-update-strategy") return "this change needs " + strategy;
  if (requirement == "login-nodes-stop") return "this change needs the login nodes stopped";
  if (requirement == "cluster-state")
    return "this change can be applied live if the running cluster allows it (see the warnings)";
  if (!covered_by.empty()) return "this change can be applied live (with QueueUpdateStrategy " + covered_by + ")";
  return "this change can be applied live";
}

void WriteSummaryText(const DiffSummary& summary, std::ostream& out) {
  for (const std::string& note : summary.notes) out << "note: " << report::Visible(note) << '\n';
  if (summary.changes > 0) {
    const std::pair<int, const char*> parts[] = {
        {summary.new_cluster, "a new cluster"},
        {summary.all_stop, "the compute fleet and the login nodes stopped"},
        {summary.fleet_stop, "the compute fleet stopped"},
        {summary.strategy, "the compute fleet stopped or QueueUpdateStrategy"},
        {summary.login_stop, "the login nodes stopped"},
    };
    out << summary.changes << (summary.changes == 1 ? " change: " : " changes: ");
    const char* separator = "";
    for (const auto& [count, what] : parts) {
      if (count == 0) continue;
      out << separator << count << (count == 1 ? " needs " : " need ") << what;
      separator = ", ";
    }
    if (summary.cluster_state > 0) {
      out << separator << summary.cluster_state << (summary.cluster_state == 1 ? " depends" : " depend")
          << " on the running cluster";
      separator = ", ";
    }
    if (summary.covered > 0) {
      out << separator << summary.covered << (summary.covered == 1 ? " is" : " are")
          << " covered by QueueUpdateStrategy";
      separator = ", ";
    }
    if (summary.live > 0) out << separator << summary.live << (summary.live == 1 ? " applies" : " apply") << " live";
    out << '\n';
  }
  out << "summary: " << summary.Verdict() << '\n';
}

nlohmann::ordered_json SummaryJson(const DiffSummary& summary) {
  nlohmann::ordered_json json;
  json["requirement"] = summary.Requirement();
  json["summary"] = summary.Verdict();
  json["changes"] = summary.changes;
  json["counts"] = {
      {"new_cluster", summary.new_cluster},
      {"compute_fleet_and_login_nodes_stop", summary.all_stop},
      {"compute_fleet_stop", summary.fleet_stop},
      {"compute_fleet_stop_or_queue_update_strategy", summary.strategy},
      {"login_nodes_stop", summary.login_stop},
      {"cluster_state", summary.cluster_state},
      {"covered_by_queue_update_strategy", summary.covered},
      {"live", summary.live},
  };
  json["covered_by"] =
      summary.covered_by.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(summary.covered_by);
  json["not_compared"] = summary.not_compared;
  json["notes"] = summary.notes;
  return json;
}

}  // namespace pcl::diff
