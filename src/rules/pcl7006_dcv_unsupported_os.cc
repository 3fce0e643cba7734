// PCL7006 dcv-unsupported-os: DCV is enabled on a node whose OS and architecture DCV does not run on in the target
// release.
#include <string>

#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/instance_facts.h"
#include "schema/release_facts.h"

namespace pcl::rules {
namespace {

// The architecture of the node that runs DCV: "x86_64", "arm64", or "" when the table has no facts for its type.
std::string ArchitectureOf(const model::Ref& node) {
  const core::InstanceFacts* facts = core::FindInstanceType(node.At("InstanceType").Text());
  if (!facts) return "";
  auto architecture = NodeArchitecture(*facts);
  return architecture ? std::string(ArchitectureName(*architecture)) : "";
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "'" : ", '") + name + "'";
  return "[" + out + "]";
}

class DcvUnsupportedOs : public engine::Rule {
  void CheckNode(const engine::RuleContext& context, const model::Ref& dcv) const override {
    if (!dcv.At("Enabled").IsTrue()) return;
    const std::string& os = context.cluster().os;
    if (os.empty()) return;
    // The node that owns this Dcv block: the head node or one login pool.
    const std::string owner = dcv.pointer().substr(0, dcv.pointer().rfind('/'));
    model::Ref node = context.cluster().head_node;
    for (const model::Ref& pool : context.cluster().login_pools) {
      if (pool.pointer() == owner) node = pool;
    }
    const schema::ReleaseFacts& facts = schema::ReleaseFacts::Embedded();
    const std::string release = context.release().FeatureRelease().ToString();
    const std::string arch = ArchitectureOf(node);
    if (!arch.empty()) {
      if (facts.DcvSupported(os, arch, context.release()).value_or(true)) return;
      context.ReportAt(dcv.At("Enabled").pointer(),
                       "Amazon DCV can be used with one of the following operating systems when using " + arch +
                           " architecture: " + Join(facts.DcvOses(arch, context.release())) +
                           ". Please double check the os configuration (Image.Os is " + os + ", ParallelCluster " +
                           release + ")");
      return;
    }
    // Architecture unknown: report only what holds for every architecture the table knows.
    bool known = false;
    for (const char* candidate : {"x86_64", "arm64"}) {
      auto supported = facts.DcvSupported(os, candidate, context.release());
      if (supported && *supported) return;
      known = known || supported.has_value();
    }
    if (!known) return;
    context.ReportAt(dcv.At("Enabled").pointer(), "Amazon DCV is not available on Image.Os " + os +
                                                      " in ParallelCluster " + release +
                                                      " on any architecture; disable DCV or choose an OS that "
                                                      "supports it, such as " +
                                                      Join(facts.DcvOses("x86_64", context.release())));
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl7006DcvUnsupportedOs() {
  return std::make_unique<DcvUnsupportedOs>();
}

}  // namespace pcl::rules
