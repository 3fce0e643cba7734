// PCL6011 static-node-priority-not-lower: a queue's static nodes are not preferred over its dynamic nodes.
#include <cstdint>

#include "engine/rule.h"
#include "rules/util/compute_util.h"

namespace pcl::rules {
namespace {

struct Priority {
  int64_t value = 0;
  std::string resource;
};

class StaticNodePriorityNotLower : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    for (const compute::Located& queue : compute::SlurmQueues(context.root())) {
      Priority highest_static{-1, ""};
      Priority lowest_dynamic{INT64_MAX, ""};
      for (const compute::Located& resource : compute::ComputeResources(queue)) {
        const model::Node& cr = *resource.node;
        const std::string name = compute::TextOf(cr.Find("Name"));
        const int64_t min = compute::MinCountOf(cr);
        if (min > 0) {
          int64_t p = compute::IntOf(cr.Find("StaticNodePriority")).value_or(1);
          if (p > highest_static.value) highest_static = {p, name};
        }
        if (compute::MaxCountOf(cr) > min) {
          int64_t p = compute::IntOf(cr.Find("DynamicNodePriority")).value_or(1000);
          if (p < lowest_dynamic.value) lowest_dynamic = {p, name};
        }
      }
      if (highest_static.value < 0 || lowest_dynamic.value == INT64_MAX) continue;
      if (highest_static.value < lowest_dynamic.value) continue;
      context.ReportAt(queue.pointer + (queue.node->Find("Name") ? "/Name" : ""),
                       "queue '" + compute::TextOf(queue.node->Find("Name")) + "': static nodes of '" +
                           highest_static.resource + "' (StaticNodePriority " + std::to_string(highest_static.value) +
                           ") are not preferred over dynamic nodes of '" + lowest_dynamic.resource +
                           "' (DynamicNodePriority " + std::to_string(lowest_dynamic.value) +
                           "), so Slurm may launch new instances while static ones idle; give static nodes the "
                           "lower value");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6011StaticNodePriorityNotLower() {
  return std::make_unique<StaticNodePriorityNotLower>();
}

}  // namespace pcl::rules
