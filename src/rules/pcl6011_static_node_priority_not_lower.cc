// PCL6011 static-node-priority-not-lower: a queue's static nodes are not preferred over its dynamic nodes.
#include <cstdint>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

struct Priority {
  int64_t value = 0;
  std::string resource;
};

class StaticNodePriorityNotLower : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    Priority highest_static{-1, ""};
    Priority lowest_dynamic{INT64_MAX, ""};
    for (const model::ComputeResource& resource : queue.compute_resources) {
      if (resource.MinCount() > 0) {
        const int64_t p = resource.ref.At("StaticNodePriority").Int().value_or(1);
        if (p > highest_static.value) highest_static = {p, resource.name};
      }
      if (resource.MaxCount() > resource.MinCount()) {
        const int64_t p = resource.ref.At("DynamicNodePriority").Int().value_or(1000);
        if (p < lowest_dynamic.value) lowest_dynamic = {p, resource.name};
      }
    }
    if (highest_static.value < 0 || lowest_dynamic.value == INT64_MAX) return;
    if (highest_static.value < lowest_dynamic.value) return;
    context.ReportAt(queue.ref.pointer() + (queue.ref.At("Name").written() ? "/Name" : ""),
                     "queue '" + queue.name + "': static nodes of '" + highest_static.resource +
                         "' (StaticNodePriority " + std::to_string(highest_static.value) +
                         ") are not preferred over dynamic nodes of '" + lowest_dynamic.resource +
                         "' (DynamicNodePriority " + std::to_string(lowest_dynamic.value) +
                         "), so Slurm may launch new instances while static ones idle; give static nodes the "
                         "lower value");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6011StaticNodePriorityNotLower() {
  return std::make_unique<StaticNodePriorityNotLower>();
}

}  // namespace pcl::rules
