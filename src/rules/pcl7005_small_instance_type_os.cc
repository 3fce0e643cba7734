// PCL7005 small-instance-type-os: a micro or nano instance type runs an OS too heavy for it.
#include <algorithm>

#include "engine/rule.h"
#include "rules/util/os_instance_types.h"

namespace pcl::rules {
namespace {

bool IsSmall(const std::string& type) {
  return type.find("micro") != std::string::npos || type.find("nano") != std::string::npos;
}

class SmallInstanceTypeOs : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const model::ClusterView& cluster = context.cluster();
    const std::string& os = cluster.os;
    const auto heavy = context.Option<std::vector<std::string>>("os_list");
    if (os.empty() || std::find(heavy.begin(), heavy.end(), os) == heavy.end()) return;
    for (const model::Ref& type_node : OsCheckedInstanceTypes(cluster)) {
      const std::string type = type_node.String();
      if (!IsSmall(type)) continue;
      context.ReportAt(type_node.pointer(), "instance type " + type + " is not recommended with OS " + os +
                                                ": it has too little memory and CPU for that OS and the cluster "
                                                "daemons and may be unstable; use a larger instance type");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl7005SmallInstanceTypeOs() {
  return std::make_unique<SmallInstanceTypeOs>();
}

}  // namespace pcl::rules
