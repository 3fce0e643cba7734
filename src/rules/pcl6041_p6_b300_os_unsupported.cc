// PCL6041 p6-b300-os-unsupported: a p6-b300 instance type with Amazon Linux 2.
#include "engine/rule.h"
#include "rules/util/os_instance_types.h"

namespace pcl::rules {
namespace {

class P6B300OsUnsupported : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const model::ClusterView& cluster = context.cluster();
    if (cluster.os != "alinux2") return;
    for (const model::Ref& type : OsCheckedInstanceTypes(cluster)) {
      if (!type.String().starts_with("p6-b300")) continue;
      context.ReportAt(type.pointer(),
                       "The instance type " + type.String() + " is not supported with OS " + cluster.os + ".");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6041P6B300OsUnsupported() {
  return std::make_unique<P6B300OsUnsupported>();
}

}  // namespace pcl::rules
