// PCL5014 ebs-throughput-invalid: gp3 throughput is within 125-1000 MiB/s and at most 0.25 MiB/s per IOPS.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

class EbsThroughputInvalid : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    for (const model::EbsVolume& volume : context.cluster().ebs_volumes) {
      if (volume.existing || volume.VolumeType() != "gp3") continue;
      const model::Ref throughput_node = volume.settings.At("Throughput");
      const model::Ref iops_node = volume.settings.At("Iops");
      std::optional<int64_t> throughput = throughput_node ? throughput_node.Int() : 125;
      std::optional<int64_t> iops = volume.Iops("gp3");
      if (!throughput) continue;
      const std::string where = volume.settings.pointer() + "/Throughput";
      if (throughput_node && (*throughput < 125 || *throughput > 1000)) {
        context.ReportAt(where, "Throughput " + std::to_string(*throughput) + " MiB/s of " + volume.label +
                                    " is outside 125-1000 MiB/s for gp3 volumes; choose a value in that range");
      }
      // Defaults (125 MiB/s, 3000 IOPS) are consistent; only written values can break the ratio.
      if (!iops || *iops <= 0 || (!throughput_node && !iops_node) || *throughput * 4 <= *iops) continue;
      context.ReportAt(throughput_node ? where : volume.settings.pointer() + "/Iops",
                       "Throughput " + std::to_string(*throughput) + " MiB/s with " + std::to_string(*iops) +
                           " IOPS on " + volume.label + " is more than 0.25 MiB/s per IOPS; raise Iops to at least " +
                           std::to_string(*throughput * 4) + " or lower Throughput");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5014EbsThroughputInvalid() {
  return std::make_unique<EbsThroughputInvalid>();
}

}  // namespace pcl::rules
