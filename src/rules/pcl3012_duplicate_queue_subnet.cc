// PCL3012 duplicate-queue-subnet: a queue lists the same subnet twice.
#include <map>

#include "engine/rule.h"
#include "model/json_pointer.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

class DuplicateQueueSubnet : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    for (const Located& queue : SlurmQueues(context.root())) {
      const model::Node* subnets = At(queue.node, "Networking/SubnetIds");
      if (!subnets || subnets->kind != model::NodeKind::kSequence) continue;
      std::map<std::string, size_t> first_index;
      for (size_t i = 0; i < subnets->items.size(); ++i) {
        const model::Node& item = subnets->items[i];
        if (item.kind != model::NodeKind::kString) continue;
        auto [it, inserted] = first_index.emplace(item.text, i);
        if (inserted) continue;
        context.ReportAt(model::AppendPointer(queue.pointer + "/Networking/SubnetIds", i),
                         "queue '" + TextOf(queue.node->Find("Name")) + "' lists subnet " + item.text +
                             " twice (SubnetIds[" + std::to_string(it->second) + "] and SubnetIds[" +
                             std::to_string(i) + "]); remove the repeated entry");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3012DuplicateQueueSubnet() { return std::make_unique<DuplicateQueueSubnet>(); }

}  // namespace pcl::rules
