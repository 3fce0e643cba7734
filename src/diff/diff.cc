// Turns the changes between two configs into PCL80nn findings, positioned in the file that shows them.
#include "diff/diff.h"

#include "diff/compare.h"
#include "diff/judge.h"
#include "diff/policy_table.h"
#include "engine/rule_meta.h"
#include "generated/ids/input.h"
#include "generated/ids/update.h"
#include "pipeline/runner.h"

namespace pcl::diff {
namespace {

using model::Diagnostic;
using model::Node;
using model::NodeKind;

bool IsSection(const Node* node) {
  return node && (node->kind == NodeKind::kMapping || node->kind == NodeKind::kSequence);
}

// "X changes from a to b", "X is added", ...: what happened, in the user's terms.
std::string What(const Change& change) {
  const std::string& name = change.display;
  switch (change.kind) {
    case ChangeKind::kAdded:
      if (change.list_item || IsSection(change.new_value)) return name + " is added";
      return name + " is set to " + ShortValue(change.new_value);
    case ChangeKind::kRemoved:
      if (change.list_item || IsSection(change.old_value)) return name + " is removed";
      return name + " is removed (was " + ShortValue(change.old_value) + ")";
    case ChangeKind::kModified: break;
  }
  return name + " changes from " + ShortValue(change.old_value) + " to " + ShortValue(change.new_value);
}

std::string StrategyValues(ComputeNeed need) {
  return need == ComputeNeed::kTerminate ? "TERMINATE" : "DRAIN or TERMINATE";
}

// Picks the finding for a verdict: the rule id and what the user must do.
std::pair<const char*, std::string> Requirement(const Verdict& verdict, const Change& change) {
  const bool soft = verdict.compute == ComputeNeed::kStrategy || verdict.compute == ComputeNeed::kTerminate;
  const std::string set_strategy =
      "set Scheduling.SlurmSettings.QueueUpdateStrategy to " + StrategyValues(verdict.compute);
  if (verdict.new_cluster) return {ids::kUpdateRequiresNewCluster, "cannot be updated; create a new cluster"};
  if (verdict.login && verdict.compute == ComputeNeed::kStop) {
    return {ids::kUpdateRequiresComputeAndLoginNodesStop, "stop the compute fleet and the login nodes first"};
  }
  if (verdict.login && soft) {
    return {ids::kUpdateRequiresComputeAndLoginNodesStop,
            "stop the login nodes, and stop the compute fleet or " + set_strategy + ", first"};
  }
  if (verdict.compute == ComputeNeed::kStop)
    return {ids::kUpdateRequiresComputeFleetStop, "stop the compute fleet first"};
  if (soft) return {ids::kUpdateNeedsQueueUpdateStrategy, "stop the compute fleet first, or " + set_strategy};
  if (verdict.login) {
    // Only LOGIN_NODES_POOL_STOP is about one pool; removing a pool needs every login node stopped.
    std::string text = change.policy.policy == "LOGIN_NODES_POOL_STOP" && !change.pool.empty()
                           ? "stop the login node pool '" + change.pool + "' first by setting its Count to 0"
                           : "stop the login nodes first by setting each pool's Count to 0";
    if (!verdict.covered_by.empty())
      text += "; the compute side is covered by QueueUpdateStrategy " + verdict.covered_by;
    return {ids::kUpdateRequiresLoginNodesStop, text};
  }
  if (verdict.cluster_state)
    return {ids::kUpdateDependsOnClusterState, "applies only if the running cluster allows it"};
  if (!verdict.covered_by.empty()) {
    return {ids::kUpdateNeedsQueueUpdateStrategy,
            "covered by QueueUpdateStrategy " + verdict.covered_by + ": no need to stop the compute fleet"};
  }
  return {ids::kUpdateAppliesLive, "applies live"};
}

model::Range Where(const Node* value, const model::MapEntry* entry, const Node* item_key, bool list_item,
                   bool modified) {
  if (list_item) return (item_key ? item_key : value)->range;
  if (modified && value->IsScalar()) return value->range;
  return entry ? entry->key_range : value->range;
}

void Count(DiffSummary& summary, const char* rule, const Verdict& verdict) {
  ++summary.changes;
  const std::string id = rule;
  if (!verdict.covered_by.empty()) summary.covered_by = verdict.covered_by;
  const bool soft = verdict.compute == ComputeNeed::kStrategy || verdict.compute == ComputeNeed::kTerminate;
  if (verdict.compute == ComputeNeed::kStop) summary.needs_fleet_stop = true;
  if (soft) summary.needs_strategy = true;
  if (verdict.compute == ComputeNeed::kTerminate) summary.needs_terminate = true;
  if (verdict.login) summary.needs_login_stop = true;
  if (id == ids::kUpdateRequiresNewCluster)
    ++summary.new_cluster;
  else if (id == ids::kUpdateRequiresComputeAndLoginNodesStop)
    ++summary.all_stop;
  else if (id == ids::kUpdateRequiresComputeFleetStop)
    ++summary.fleet_stop;
  else if (id == ids::kUpdateNeedsQueueUpdateStrategy)
    ++(soft ? summary.strategy : summary.covered);
  else if (id == ids::kUpdateRequiresLoginNodesStop)
    ++summary.login_stop;
  else if (id == ids::kUpdateDependsOnClusterState)
    ++summary.cluster_state;
  else
    ++summary.live;
}

void InputFindings(parsers::ParseResult& input, const std::string& path, DiffRun& run, std::vector<Diagnostic>& out,
                   bool& usable) {
  const model::Document& doc = input.document;
  if (doc.source) run.sources[path] = doc.source;
  run.files.push_back(path);
  std::vector<Diagnostic>& found = input.diagnostics;
  if (doc.ok && (doc.format == model::Format::kIniV2 || doc.format == model::Format::kTomlV2)) {
    Diagnostic d;
    d.rule_id = ids::kV2ConfigNeedsMigration;
    d.message =
        "this is a ParallelCluster 2 config; diff compares v3 YAML configs: migrate it first "
        "(pcluster-lint migrate)";
    found.push_back(std::move(d));
  } else if (doc.ok && doc.root.kind != NodeKind::kMapping) {
    Diagnostic d;
    d.rule_id = ids::kDocumentNotAMapping;
    d.range = doc.root.range;
    if (!d.range.begin.Known()) d.range.begin = d.range.end = {1, 1};
    d.message = "a cluster config is a mapping of keys, not a " + std::string(model::NodeKindName(doc.root.kind));
    found.push_back(std::move(d));
  }
  engine::ApplyRuleDefaults(path, found);
  for (Diagnostic& d : found) {
    if (d.rule_id == ids::kUnreadableFile) run.io_error = true;
    out.push_back(std::move(d));
  }
  usable = usable && doc.ok && doc.format == model::Format::kYamlV3 && doc.root.kind == NodeKind::kMapping;
}

}  // namespace

void DiffParsed(parsers::ParseResult old_input, parsers::ParseResult new_input, const DiffOptions& options,
                DiffRun& run) {
  const std::string old_path = old_input.document.source ? old_input.document.path() : "(old)";
  const std::string new_path = new_input.document.source ? new_input.document.path() : "(new)";
  std::vector<Diagnostic> found;
  bool usable = true;
  InputFindings(old_input, old_path, run, found, usable);
  InputFindings(new_input, new_path, run, found, usable);
  if (!usable) {
    ++run.summary.not_compared;
    run.summary.notes.push_back(old_path + " -> " + new_path + ": not compared; fix the input errors first");
  } else {
    const Node& old_root = old_input.document.root;
    const Node& new_root = new_input.document.root;
    const PolicyTable& table = PolicyTable::Embedded();
    JudgeContext context = MakeJudgeContext(old_root, new_root);
    const engine::RuleCatalog& catalog = engine::RuleCatalog::Embedded();
    for (const Change& change : CompareTrees(old_root, new_root, table, options.target_version)) {
      Verdict verdict = Judge(change, context);
      auto [rule, requirement] = Requirement(verdict, change);
      Count(run.summary, rule, verdict);
      if (std::string(rule) == ids::kUpdateAppliesLive && !verdict.conditional && !options.show_live) continue;

      Diagnostic d;
      d.rule_id = rule;
      if (const engine::RuleMeta* meta = catalog.FindById(rule)) d.severity = meta->severity;
      if (!verdict.covered_by.empty() && std::string(rule) == ids::kUpdateNeedsQueueUpdateStrategy)
        d.severity = model::Severity::kInfo;
      const bool removed = change.kind == ChangeKind::kRemoved;
      const bool modified = change.kind == ChangeKind::kModified;
      d.file = removed ? old_path : new_path;
      d.pointer = removed ? change.old_pointer : change.new_pointer;
      d.range = removed ? Where(change.old_value, change.old_entry, change.old_item_key, change.list_item, false)
                        : Where(change.new_value, change.new_entry, change.new_item_key, change.list_item, modified);
      // Why, in words, and only when it adds something: ParallelCluster's policy names
      // (MANAGED_FSX, QUEUE_UPDATE_STRATEGY) are internal and can name features the cluster lacks.
      std::string details = verdict.reason;
      if (!change.policy.known) details = "ParallelCluster " + options.target_version + " has no update rule for it";
      d.message = What(change) + ": " + requirement + (details.empty() ? "" : " (" + details + ")");
      if (modified) {
        model::Range old_range = Where(change.old_value, change.old_entry, change.old_item_key, change.list_item, true);
        if (old_range.begin.Known()) d.notes.push_back({"old value", old_path, old_range.begin});
      }
      if (!verdict.covered_by.empty() && context.strategy_entry) {
        d.notes.push_back({"QueueUpdateStrategy is set here", new_path, context.strategy_entry->key_range.begin});
      }
      found.push_back(std::move(d));
    }
  }
  model::SortDiagnostics(found);
  for (Diagnostic& d : found) run.diagnostics.push_back(std::move(d));
}

void DiffFiles(const std::string& old_path, const std::string& new_path, const DiffOptions& options, DiffRun& run) {
  DiffParsed(parsers::LoadFile(old_path, options.load), parsers::LoadFile(new_path, options.load), options, run);
}

}  // namespace pcl::diff
