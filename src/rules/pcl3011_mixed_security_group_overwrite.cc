// PCL3011 mixed-security-group-overwrite: some nodes replace ParallelCluster's security groups, others keep them.
#include "engine/rule.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

bool NonEmptyList(const model::Node* node) {
  return node && node->kind == model::NodeKind::kSequence && !node->items.empty();
}

// 'a', 'b', 'c' and 2 more
std::string NameList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < 3; ++i) out += (i ? ", '" : "'") + names[i] + "'";
  if (names.size() > 3) out += " and " + std::to_string(names.size() - 3) + " more";
  return out;
}

class MixedSecurityGroupOverwrite : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const model::Node& root = context.root();
    if (TextOf(At(&root, "Scheduling/Scheduler")) != "slurm") return;
    const model::Node* head = At(&root, "HeadNode/Networking/SecurityGroups");
    // As in MixedSecurityGroupOverwriteValidator, an empty head-node list counts as neither.
    if (head && !NonEmptyList(head)) return;
    const bool head_custom = head != nullptr;
    std::vector<std::string> odd;  // queues that differ from the head node
    std::string first;
    for (const Located& queue : SlurmQueues(root)) {
      if (NonEmptyList(At(queue.node, "Networking/SecurityGroups")) == head_custom) continue;
      odd.push_back(TextOf(queue.node->Find("Name")));
      if (first.empty()) first = queue.pointer + "/Networking/SecurityGroups";
    }
    if (odd.empty()) return;
    // One finding, as the official validator gives: where the replacement is written.
    if (head_custom) {
      context.ReportAt("/HeadNode/Networking/SecurityGroups",
                       "HeadNode.Networking.SecurityGroups replaces the head node's security groups but queue(s) " +
                           NameList(odd) + " keep the ones ParallelCluster creates; make sure all nodes can reach "
                           "each other, or use AdditionalSecurityGroups instead of replacing them",
                       true);
    } else {
      context.ReportAt(first,
                       "queue(s) " + NameList(odd) + " replace their security groups (Networking.SecurityGroups) "
                       "while the head node keeps the ones ParallelCluster creates; make sure all nodes can reach "
                       "each other, or use AdditionalSecurityGroups instead of replacing them",
                       true);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3011MixedSecurityGroupOverwrite() {
  return std::make_unique<MixedSecurityGroupOverwrite>();
}

}  // namespace pcl::rules
