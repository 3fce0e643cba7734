// PCL7005 small-instance-type-os: a micro or nano instance type runs an OS too heavy for it.
#include <algorithm>

#include "engine/rule.h"
#include "rules/util/os_lifecycle.h"

namespace pcl::rules {
namespace {

bool IsSmall(const std::string& type) {
  return type.find("micro") != std::string::npos || type.find("nano") != std::string::npos;
}

class SmallInstanceTypeOs : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    std::string os = StringOf(ChildAt(context.root(), "Image/Os"));
    const auto heavy = context.Option<std::vector<std::string>>("os_list");
    if (os.empty() || std::find(heavy.begin(), heavy.end(), os) == heavy.end()) return;
    auto check = [&](const model::Node* type_node, const std::string& pointer) {
      std::string type = StringOf(type_node);
      if (!IsSmall(type)) return;
      context.ReportAt(pointer, "instance type " + type + " is not recommended with OS " + os +
                                    ": it has too little memory and CPU for that OS and the cluster daemons "
                                    "and may be unstable; use a larger instance type");
    };
    check(ChildAt(context.root(), "HeadNode/InstanceType"), "/HeadNode/InstanceType");
    const model::Node* queues = ChildAt(context.root(), "Scheduling/SlurmQueues");
    for (size_t q = 0; queues && queues->kind == model::NodeKind::kSequence && q < queues->items.size(); ++q) {
      const model::Node* resources = ChildAt(queues->items[q], "ComputeResources");
      std::string base = "/Scheduling/SlurmQueues/" + std::to_string(q) + "/ComputeResources/";
      for (size_t r = 0; resources && resources->kind == model::NodeKind::kSequence && r < resources->items.size();
           ++r) {
        const model::Node& resource = resources->items[r];
        std::string pointer = base + std::to_string(r);
        check(ChildAt(resource, "InstanceType"), pointer + "/InstanceType");
        const model::Node* instances = ChildAt(resource, "Instances");
        for (size_t i = 0; instances && instances->kind == model::NodeKind::kSequence && i < instances->items.size();
             ++i) {
          check(ChildAt(instances->items[i], "InstanceType"), pointer + "/Instances/" + std::to_string(i) + "/InstanceType");
        }
      }
    }
    // Login pools are checked only with their own custom AMI, as the official validator does.
    const model::Node* pools = ChildAt(context.root(), "LoginNodes/Pools");
    for (size_t p = 0; pools && pools->kind == model::NodeKind::kSequence && p < pools->items.size(); ++p) {
      if (StringOf(ChildAt(pools->items[p], "Image/CustomAmi")).empty()) continue;
      check(ChildAt(pools->items[p], "InstanceType"), "/LoginNodes/Pools/" + std::to_string(p) + "/InstanceType");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl7005SmallInstanceTypeOs() { return std::make_unique<SmallInstanceTypeOs>(); }

}  // namespace pcl::rules
