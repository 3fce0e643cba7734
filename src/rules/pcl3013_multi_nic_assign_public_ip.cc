// PCL3013 multi-nic-assign-public-ip: a queue asks for public IPs but runs instance types with several network cards.
#include <algorithm>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

class MultiNicAssignPublicIp : public engine::Rule {
  void CheckQueue(const engine::RuleContext& context, const model::Queue& queue) const override {
    const model::Ref assign = queue.ref.At("Networking/AssignPublicIp");
    if (!assign.IsTrue()) return;
    // The option lists the types with more than one network card.
    const auto multi_nic = context.Option<std::vector<std::string>>("multi_nic_instance_types");
    std::vector<std::string> found;
    for (const model::ComputeResource& resource : queue.compute_resources) {
      for (const std::string& type : resource.InstanceTypeNames()) {
        const bool listed = std::find(multi_nic.begin(), multi_nic.end(), type) != multi_nic.end();
        if (listed && std::find(found.begin(), found.end(), type) == found.end()) found.push_back(type);
      }
    }
    if (found.empty()) return;
    std::string types;
    for (const std::string& type : found) types += (types.empty() ? "" : ", ") + type;
    context.ReportAt(assign.pointer(), "queue '" + queue.name + "' sets AssignPublicIp: true but runs " + types +
                                           " (several network cards, so no public IP can be assigned); set "
                                           "AssignPublicIp: false and give the subnet a route through a NAT gateway");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3013MultiNicAssignPublicIp() {
  return std::make_unique<MultiNicAssignPublicIp>();
}

}  // namespace pcl::rules
