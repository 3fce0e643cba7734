// PCL6002 duplicate-queue-or-resource-name: two queues, or two compute resources of a queue, share a Name.
#include <map>

#include "engine/rule.h"
#include "rules/util/compute_util.h"

namespace pcl::rules {
namespace {

using compute::Located;

// Reports every item whose Name an earlier item of `items` already uses.
void ReportDuplicates(const engine::RuleContext& context, const std::vector<Located>& items, const std::string& what,
                      const std::string& scope) {
  std::map<std::string, std::string> first;
  for (const Located& item : items) {
    std::string name = compute::TextOf(item.node->Find("Name"));
    if (name.empty()) continue;
    auto [it, inserted] = first.emplace(name, item.pointer);
    if (inserted) continue;
    context.ReportAt(item.pointer + "/Name", what + " name '" + name + "' is already used by " +
                                                 compute::KeyLabel(it->second) + "; " + what + " names must be unique" +
                                                 scope);
  }
}

class DuplicateQueueOrResourceName : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    for (const char* list : {"Scheduling/SlurmQueues", "Scheduling/AwsBatchQueues"}) {
      std::vector<Located> queues = compute::MappingItems({"", &context.root()}, list);
      ReportDuplicates(context, queues, "queue", "");
      for (const Located& queue : queues) {
        ReportDuplicates(context, compute::ComputeResources(queue), "compute resource", " within a queue");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6002DuplicateQueueOrResourceName() {
  return std::make_unique<DuplicateQueueOrResourceName>();
}

}  // namespace pcl::rules
