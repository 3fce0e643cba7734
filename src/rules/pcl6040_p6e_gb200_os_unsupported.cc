// PCL6040 p6e-gb200-os-unsupported: a p6e-gb200 instance type with an OS that cannot run it.
#include <set>

#include "engine/rule.h"
#include "rules/util/os_instance_types.h"

namespace pcl::rules {
namespace {

// RHEL/Rocky 8 and Amazon Linux 2 do not support the Grace Blackwell nodes (aws/aws-parallelcluster PR #6978).
const std::set<std::string> kUnsupported = {"alinux2", "rhel8", "rocky8"};

class P6eGb200OsUnsupported : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const model::ClusterView& cluster = context.cluster();
    if (!kUnsupported.count(cluster.os)) return;
    for (const model::Ref& type : OsCheckedInstanceTypes(cluster)) {
      if (!type.String().starts_with("p6e-gb200")) continue;
      // The list leaves out rhel9, which a later change (PR #7018) also refuses.
      context.ReportAt(type.pointer(), "The instance type " + type.String() + " is not officially supported with OS " +
                                           cluster.os +
                                           ". Please use one of the following OS: alinux2023, ubuntu2204, "
                                           "ubuntu2404, rocky9");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6040P6eGb200OsUnsupported() {
  return std::make_unique<P6eGb200OsUnsupported>();
}

}  // namespace pcl::rules
