// PCL3013 multi-nic-assign-public-ip: a queue asks for public IPs but its nodes launch with several network interfaces.
#include <algorithm>

#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/instance_facts.h"

namespace pcl::rules {
namespace {

// Whether the compute resource's nodes launch with several network interfaces: one per network card,
// and ParallelCluster builds one launch template for the type with the fewest cards; from 3.16 also an
// EFA-enabled resource, whose nodes get an "interface" and an "efa-only" interface on a single card.
// Every type needs facts (a type without them could have one card, or no EFA).
bool SeveralInterfaces(const model::Queue& queue, const model::ComputeResource& resource, bool efa_counts) {
  const std::vector<const core::InstanceFacts*> facts = FactsOfAll(InstanceTypesOf(queue, resource));
  auto all = [&](auto has) {
    return !facts.empty() && std::all_of(facts.begin(), facts.end(), has);
  };
  if (efa_counts && resource.ref.At("Efa/Enabled").IsTrue() &&
      all([](const core::InstanceFacts* type) { return type->efa_supported; })) {
    return true;
  }
  return all([](const core::InstanceFacts* type) { return type->max_network_cards > 1; });
}

class MultiNicAssignPublicIp : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    const model::Ref assign = queue.ref.At("Networking/AssignPublicIp");
    if (!assign.IsTrue()) return;
    const bool since_3_16 = context.release() >= core::Release(3, 16);
    std::vector<std::string> found;
    for (const model::ComputeResource& resource : queue.compute_resources) {
      if (!SeveralInterfaces(queue, resource, since_3_16)) continue;
      for (const std::string& type : resource.InstanceTypeNames()) found.push_back(type);
    }
    if (found.empty()) return;
    const std::string types = JoinDistinct(found);
    if (since_3_16) {
      context.ReportAt(assign.pointer(),
                       "The queue " + queue.name + " contains instance types (" + types +
                           ") that launch with multiple network interfaces, but AssignPublicIp is set to true. AWS "
                           "can't auto-assign a public IP to instances with more than one network interface. Set "
                           "AssignPublicIp to false and use a private subnet with a NAT gateway to provide internet "
                           "access to the compute nodes.");
      return;
    }
    context.ReportAt(assign.pointer(), "The queue " + queue.name +
                                           " contains an instance type with multiple network "
                                           "interfaces (" +
                                           types +
                                           ") however the AssignPublicIp value is set to true. AWS public IPs can "
                                           "only be assigned to instances launched with a single network interface.");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3013MultiNicAssignPublicIp() {
  return std::make_unique<MultiNicAssignPublicIp>();
}

}  // namespace pcl::rules
