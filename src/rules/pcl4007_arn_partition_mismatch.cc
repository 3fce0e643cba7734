// PCL4007 arn-partition-mismatch: an ARN names another AWS partition than the cluster's Region.
#include "engine/rule.h"
#include "rules/util/arn.h"

namespace pcl::rules {
namespace {

class ArnPartitionMismatch : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    // Without Region the CLI's region applies, which a file-only check cannot know.
    const std::string region = context.cluster().root.At("Region").Text();
    const std::string expected = PartitionOfRegion(region);
    if (expected.empty()) return;
    model::WalkNodes(context.root(), [&](const std::string& pointer, const model::Node& node, const model::MapEntry*) {
      if (node.kind != model::NodeKind::kString || node.text.rfind("arn:", 0) != 0) return;
      if (pointer.find("/Tags/") != std::string::npos) return;  // tag values are free text
      std::optional<Arn> arn = ParseArn(node.text);
      // Unknown partitions are PCL4008's; only a real but different partition is reported here.
      if (!arn || !IsKnownPartition(arn->partition) || arn->partition == expected) return;
      context.ReportAt(pointer, model::PointerLabel(pointer) + " is in partition '" + arn->partition + "' but Region " +
                                    region + " is in '" + expected + "', so ParallelCluster cannot find it; use arn:" +
                                    expected + ":" + arn->service + ":… (or check Region)");
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl4007ArnPartitionMismatch() {
  return std::make_unique<ArnPartitionMismatch>();
}

}  // namespace pcl::rules
