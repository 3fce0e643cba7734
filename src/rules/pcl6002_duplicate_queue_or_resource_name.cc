// PCL6002 duplicate-queue-or-resource-name: two queues, or two compute resources of a queue, share a Name.
#include <map>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

// Reports every item whose Name an earlier item of `items` already uses.
template <typename Item>
void ReportDuplicates(const engine::RuleContext& context, const std::vector<Item>& items, const std::string& what,
                      const std::string& scope) {
  std::map<std::string, std::string> first;
  for (const Item& item : items) {
    if (item.name.empty()) continue;
    auto [it, inserted] = first.emplace(item.name, item.ref.pointer());
    if (inserted) continue;
    context.ReportAt(item.ref.pointer() + "/Name", what + " name '" + item.name + "' is already used by " +
                                                       model::PointerLabel(it->second) + "; " + what +
                                                       " names must be unique" + scope);
  }
}

// The whole document: names are compared across queues.
class DuplicateQueueOrResourceName : public engine::Rule {
  void Check(const engine::RuleContext& context) const override {
    for (const auto* queues : {&context.cluster().slurm_queues, &context.cluster().batch_queues}) {
      ReportDuplicates(context, *queues, "queue", "");
      for (const model::Queue& queue : *queues) {
        ReportDuplicates(context, queue.compute_resources, "compute resource", " within a queue");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6002DuplicateQueueOrResourceName() {
  return std::make_unique<DuplicateQueueOrResourceName>();
}

}  // namespace pcl::rules
