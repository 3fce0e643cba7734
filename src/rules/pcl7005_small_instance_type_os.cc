// PCL7005 small-instance-type-os: a micro or nano instance type runs an OS too heavy for it.
#include <algorithm>

#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/os_instance_types.h"
#include "schema/release_facts.h"

namespace pcl::rules {
namespace {

class SmallInstanceTypeOs : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const model::ClusterView& cluster = context.cluster();
    const std::string& os = cluster.os;
    const auto heavy = context.Option<std::vector<std::string>>("os_list");
    if (os.empty() || std::find(heavy.begin(), heavy.end(), os) == heavy.end()) return;
    // An OS the target no longer offers is the schema check's error; advice about it would be noise.
    if (schema::ReleaseFacts::Embedded().OsRefused(os, context.release())) return;
    const int64_t small_memory = context.Option<int64_t>("max_memory_mib");
    for (const model::Ref& type_node : OsCheckedInstanceTypes(cluster)) {
      // Small by memory from the EC2 table: in it, the *.micro and *.nano types ParallelCluster names are
      // exactly those with 1 GiB or less. A type without facts is not judged.
      const std::string type = type_node.String();
      const core::InstanceFacts* facts = core::FindInstanceType(type);
      if (!facts || facts->memory_mib > small_memory) continue;
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
