// Decides what one change needs before `pcluster update-cluster` accepts it, from its update policy.
#pragma once

#include <set>
#include <string>

#include "diff/compare.h"
#include "model/node.h"

namespace pcl::diff {

/// Facts about the two configs that some policies look at.
struct JudgeContext {
  std::string queue_update_strategy;                ///< the new config's Scheduling.SlurmSettings.QueueUpdateStrategy
  const model::MapEntry* strategy_entry = nullptr;  ///< where it is set
  std::string scheduler;                            ///< the new config's Scheduling.Scheduler
  bool old_has_login_nodes = false;                 ///< the running cluster may have login nodes to stop
  std::set<std::string> kept_managed_fsx;           ///< managed FSx for Lustre names in both configs
};

JudgeContext MakeJudgeContext(const model::Node& old_root, const model::Node& new_root);

/// What the compute fleet must do for a change to be accepted.
enum class ComputeNeed {
  kNone,
  kStrategy,   ///< stopped, or QueueUpdateStrategy DRAIN or TERMINATE
  kTerminate,  ///< stopped, or QueueUpdateStrategy TERMINATE
  kStop,       ///< stopped
};

struct Verdict {
  bool new_cluster = false;
  ComputeNeed compute = ComputeNeed::kNone;
  bool login = false;
  bool cluster_state = false;  ///< depends on the running cluster, which an offline tool cannot see
  bool conditional = false;    ///< live because of how the value changed (worth showing)
  std::string covered_by;      ///< the QueueUpdateStrategy that makes a compute need moot
  std::string reason;          ///< why, when it is not plain from the policy
};

Verdict Judge(const Change& change, const JudgeContext& context);

}  // namespace pcl::diff
