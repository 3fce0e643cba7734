// PCL3013 multi-nic-assign-public-ip: a queue asks for public IPs but runs instance types with several network cards.
#include <algorithm>

#include "engine/rule.h"
#include "rules/util/network_util.h"

namespace pcl::rules {
namespace {

class MultiNicAssignPublicIp : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    // No instance-type table is bundled: the option lists the types with more than one network card.
    const auto multi_nic = context.Option<std::vector<std::string>>("multi_nic_instance_types");
    for (const Located& queue : SlurmQueues(context.root())) {
      if (!IsTrue(At(queue.node, "Networking/AssignPublicIp"))) continue;
      std::vector<std::string> found;
      for (const Located& resource : ComputeResources(queue)) {
        for (const std::string& type : InstanceTypesOf(*resource.node)) {
          bool listed = std::find(multi_nic.begin(), multi_nic.end(), type) != multi_nic.end();
          if (listed && std::find(found.begin(), found.end(), type) == found.end()) found.push_back(type);
        }
      }
      if (found.empty()) continue;
      std::string types;
      for (const std::string& type : found) types += (types.empty() ? "" : ", ") + type;
      context.ReportAt(queue.pointer + "/Networking/AssignPublicIp",
                       "queue '" + TextOf(queue.node->Find("Name")) + "' sets AssignPublicIp: true but runs " + types +
                           " (several network cards, so no public IP can be assigned); set AssignPublicIp: "
                           "false and give the subnet a route through a NAT gateway");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3013MultiNicAssignPublicIp() { return std::make_unique<MultiNicAssignPublicIp>(); }

}  // namespace pcl::rules
