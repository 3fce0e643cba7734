// PCL5012 ebs-size-out-of-range: EBS volume sizes fit the bounds of their volume type.
#include <map>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

struct Bounds {
  int64_t min;
  int64_t max;
};

class EbsSizeOutOfRange : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    // GiB per volume type, as EC2 and ParallelCluster's EbsVolumeTypeSizeValidator allow them.
    static const std::map<std::string, Bounds> kBounds = {
        {"standard", {1, 1024}}, {"gp2", {1, 16384}},   {"gp3", {1, 16384}},  {"io1", {4, 16384}},
        {"io2", {4, 65536}},     {"st1", {500, 16384}}, {"sc1", {500, 16384}}};
    for (const model::EbsVolume& volume : context.cluster().ebs_volumes) {
      if (volume.existing) continue;  // PCL5011 says Size is ignored there
      std::optional<int64_t> size = volume.settings.At("Size").Int();
      std::string type = volume.VolumeType();
      auto bounds = kBounds.find(type);
      if (!size || bounds == kBounds.end()) continue;
      std::string type_text = type + (volume.settings.At("VolumeType") ? "" : " (the default VolumeType)");
      std::string limits = std::to_string(bounds->second.min) + "-" + std::to_string(bounds->second.max) + " GiB";
      if (*size < bounds->second.min) {
        context.ReportAt(volume.settings.pointer() + "/Size",
                         "Size " + std::to_string(*size) + " GiB of " + volume.label + " is below the minimum for " +
                             type_text + " volumes (" + limits + "); raise Size or choose another VolumeType");
      } else if (*size > bounds->second.max) {
        context.ReportAt(volume.settings.pointer() + "/Size",
                         "Size " + std::to_string(*size) + " GiB of " + volume.label + " is above the maximum for " +
                             type_text + " volumes (" + limits +
                             "); lower Size, choose another VolumeType or use a Raid array");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5012EbsSizeOutOfRange() {
  return std::make_unique<EbsSizeOutOfRange>();
}

}  // namespace pcl::rules
