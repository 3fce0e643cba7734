// PCL3011 mixed-security-group-overwrite: some nodes replace ParallelCluster's security groups, others keep them.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

bool NonEmptyList(const model::Ref& list) {
  return list.Size() > 0;
}

// 'a', 'b', 'c' and 2 more
std::string NameList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < 3; ++i) out += (i ? ", '" : "'") + names[i] + "'";
  if (names.size() > 3) out += " and " + std::to_string(names.size() - 3) + " more";
  return out;
}

// The whole document: the finding compares the head node with every queue.
class MixedSecurityGroupOverwrite : public engine::Rule {
  void Check(const engine::RuleContext& context) const override {
    const model::ClusterView& cluster = context.cluster();
    if (cluster.scheduler != "slurm") return;
    const model::Ref head = cluster.head_node.At("Networking/SecurityGroups");
    // As in MixedSecurityGroupOverwriteValidator, an empty head-node list counts as neither.
    if (head.written() && !NonEmptyList(head)) return;
    const bool head_custom = head.written();
    std::vector<std::string> odd;  // queues that differ from the head node
    std::string first;
    for (const model::Queue& queue : cluster.slurm_queues) {
      const model::Ref groups = queue.ref.At("Networking/SecurityGroups");
      if (NonEmptyList(groups) == head_custom) continue;
      odd.push_back(queue.name);
      if (first.empty()) first = groups.pointer();
    }
    if (odd.empty()) return;
    // One finding, as the official validator gives: where the replacement is written.
    if (head_custom) {
      context.ReportAt(head.pointer(),
                       "HeadNode.Networking.SecurityGroups replaces the head node's security groups but queue(s) " +
                           NameList(odd) +
                           " keep the ones ParallelCluster creates; make sure all nodes can reach "
                           "each other, or use AdditionalSecurityGroups instead of replacing them",
                       true);
    } else {
      context.ReportAt(first,
                       "queue(s) " + NameList(odd) +
                           " replace their security groups (Networking.SecurityGroups) "
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
