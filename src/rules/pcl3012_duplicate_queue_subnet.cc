// PCL3012 duplicate-queue-subnet: a queue lists the same subnet twice.
#include <map>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

class DuplicateQueueSubnet : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    std::map<std::string, size_t> first_index;
    const std::vector<model::Ref> subnets = queue.subnet_ids.Items();
    for (size_t i = 0; i < subnets.size(); ++i) {
      if (!subnets[i].IsString()) continue;
      auto [it, inserted] = first_index.emplace(subnets[i].String(), i);
      if (inserted) continue;
      context.ReportAt(subnets[i].pointer(), "queue '" + queue.name + "' lists subnet " + subnets[i].String() +
                                                 " twice (SubnetIds[" + std::to_string(it->second) +
                                                 "] and SubnetIds[" + std::to_string(i) +
                                                 "]); remove the repeated entry");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3012DuplicateQueueSubnet() {
  return std::make_unique<DuplicateQueueSubnet>();
}

}  // namespace pcl::rules
