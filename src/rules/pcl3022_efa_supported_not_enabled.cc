// PCL3022 efa-supported-not-enabled: a compute resource's instance type has EFA, but EFA is not enabled.
#include <algorithm>

#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/instance_facts.h"

namespace pcl::rules {
namespace {

// After "supports" or "support".
constexpr char kAdvice[] =
    " enhanced networking capabilities using Elastic Fabric Adapter (EFA). EFA enables you to run "
    "applications requiring high levels of inter-node communications at scale on AWS at no additional charge. "
    "You can update the cluster's configuration to enable EFA "
    "(https://docs.aws.amazon.com/parallelcluster/latest/ug/efa-v3.html)";

// Handed Slurm queues (applies_to). Like the validators, skipped in a queue spanning several zones,
// where EFA cannot work (PCL3004).
class EfaSupportedNotEnabled : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    if (queue.distinct_subnets.size() > 1) return;
    for (const model::ComputeResource& resource : queue.compute_resources) {
      if (resource.ref.At("Efa/Enabled").IsTrue()) continue;
      std::vector<std::string> with_efa;
      for (const NamedInstanceType& type : WithFacts(InstanceTypesOf(queue, resource))) {
        if (type.facts->efa_supported) with_efa.push_back(type.name);
      }
      if (with_efa.empty()) continue;
      if (!resource.instances.present()) {  // EfaValidator: a single InstanceType
        context.ReportAt(resource.instance_types.front().pointer(),
                         "The EC2 instance selected (" + with_efa.front() + ") supports" + kAdvice);
        continue;
      }
      std::sort(with_efa.begin(), with_efa.end());
      context.ReportAt(resource.instances.pointer(),
                       "The EC2 instance type(s) selected (" + JoinDistinct(with_efa, ",") +
                           ") for the Compute Resource " + resource.name + " support" + kAdvice,
                       true);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3022EfaSupportedNotEnabled() {
  return std::make_unique<EfaSupportedNotEnabled>();
}

}  // namespace pcl::rules
