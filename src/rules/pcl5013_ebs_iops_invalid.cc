// PCL5013 ebs-iops-invalid: EBS IOPS are allowed for the volume type, in range and within the IOPS/GiB ratio.
#include <cstdio>
#include <map>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

struct IopsLimits {
  int64_t min;
  int64_t max;
  int64_t per_gib;  // most IOPS per GiB of size
};

class EbsIopsInvalid : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    static const std::map<std::string, IopsLimits> kLimits = {
        {"io1", {100, 64000, 50}}, {"io2", {100, 256000, 1000}}, {"gp3", {3000, 16000, 500}}};
    static const char* const kNoIops[] = {"standard", "gp2", "st1", "sc1"};
    for (const model::EbsVolume& volume : context.cluster().ebs_volumes) {
      if (volume.existing) continue;
      const std::string type = volume.VolumeType();
      const model::Ref iops_node = volume.settings.At("Iops");
      const std::string iops_pointer = volume.settings.pointer() + "/Iops";
      if (iops_node) {
        for (const char* other : kNoIops) {
          if (type != other) continue;
          context.ReportAt(iops_pointer, "Iops is not supported for " + type + " volumes (" + volume.label +
                                             "); remove Iops or use VolumeType gp3, io1 or io2");
        }
      }
      auto limits = kLimits.find(type);
      std::optional<int64_t> iops = volume.Iops(type);
      if (limits == kLimits.end() || !iops) continue;
      const IopsLimits& l = limits->second;
      const std::string type_text = type + (volume.settings.At("VolumeType") ? "" : " (the default VolumeType)");
      if (iops_node && (*iops < l.min || *iops > l.max)) {
        context.ReportAt(iops_pointer, "Iops " + std::to_string(*iops) + " of " + volume.label + " is outside " +
                                           std::to_string(l.min) + "-" + std::to_string(l.max) + " for " + type_text +
                                           " volumes; choose a value in that range");
      }
      // The ratio also applies to default IOPS: a 3000-IOPS gp3 volume needs at least 6 GiB.
      std::optional<int64_t> size = volume.SizeGiB(context.release());
      if (!size || *size <= 0 || *iops <= *size * l.per_gib) continue;
      const int64_t needed = (*iops + l.per_gib - 1) / l.per_gib;
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.2f", static_cast<double>(*iops) / static_cast<double>(*size));
      std::string ratio = buffer;  // "50.05", "600" (no trailing zeros)
      ratio.erase(ratio.find_last_not_of('0') + 1);
      if (ratio.back() == '.') ratio.pop_back();
      context.ReportAt(iops_node ? iops_pointer : volume.settings.pointer() + "/Size",
                       std::string(iops_node ? "" : "default ") + "Iops " + std::to_string(*iops) + " on " +
                           std::to_string(*size) + " GiB is " + ratio + " IOPS per GiB for " + volume.label + "; " +
                           type + " allows at most " + std::to_string(l.per_gib) + " per GiB: raise Size to at least " +
                           std::to_string(needed) + " GiB or lower Iops");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5013EbsIopsInvalid() {
  return std::make_unique<EbsIopsInvalid>();
}

}  // namespace pcl::rules
