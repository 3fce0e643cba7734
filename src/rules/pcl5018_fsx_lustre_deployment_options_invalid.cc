// PCL5018 fsx-lustre-deployment-options-invalid: deployment type, storage type, per-unit throughput and KMS fit.
#include <algorithm>
#include <map>
#include <vector>

#include "engine/rule.h"

namespace pcl::rules {
namespace {

using Values = std::vector<int64_t>;

std::string Join(const Values& values) {
  std::string out;
  for (int64_t value : values) out += (out.empty() ? "" : ", ") + std::to_string(value);
  return out;
}

class FsxLustreDeploymentOptionsInvalid : public engine::Rule {
 public:
  void CheckStorage(const engine::RuleContext& context, const model::StorageItem& item) const override {
    // MB/s per TiB that FSx offers: per deployment type on SSD, and on HDD (PERSISTENT_1 only).
    static const std::map<std::string, Values> kSsd = {{"PERSISTENT_1", {50, 100, 200}},
                                                       {"PERSISTENT_2", {125, 250, 500, 1000}}};
    static const Values kHdd = {12, 40};
    // A restored backup brings its own deployment type; the schema forbids these keys there.
    if (item.type != "FsxLustre" || item.existing || !item.settings.written() || item.Setting("BackupId").present())
      return;
    auto report = [&](const char* key, const std::string& message) {
      context.ReportAt(item.SettingsPointer() + "/" + key, message);
    };
    const model::Ref type_node = item.Setting("DeploymentType");
    const std::string type = type_node ? type_node.String() : "SCRATCH_2";
    const std::string is = "'" + item.name + "' is " + (type_node ? type : "SCRATCH_2 (the default)");
    const bool persistent = kSsd.count(type) > 0;
    const bool hdd = item.Setting("StorageType").String() == "HDD";
    const Values& offered = hdd ? kHdd : persistent ? kSsd.at(type) : kHdd;
    const model::Ref throughput_node = item.Setting("PerUnitStorageThroughput");
    std::optional<int64_t> throughput = throughput_node.Int();
    if (persistent && !throughput_node) {
      report("DeploymentType", "DeploymentType " + type + " of '" + item.name + "' needs PerUnitStorageThroughput (" +
                                   Join(offered) + " MB/s/TiB); add it");
    }
    if (!persistent && item.Setting("KmsKeyId")) {
      report("KmsKeyId", "KmsKeyId needs DeploymentType PERSISTENT_1 or PERSISTENT_2, but " + is +
                             "; remove KmsKeyId or use a PERSISTENT deployment type");
    }
    if (!persistent && throughput_node) {
      report("PerUnitStorageThroughput",
             "PerUnitStorageThroughput only applies to PERSISTENT_1 and PERSISTENT_2, but " + is +
                 "; remove it or use a PERSISTENT deployment type");
    } else if (throughput && std::find(offered.begin(), offered.end(), *throughput) == offered.end()) {
      report("PerUnitStorageThroughput", "PerUnitStorageThroughput " + std::to_string(*throughput) +
                                             " is not offered for " + (hdd ? "HDD" : type + " SSD") +
                                             " file systems; use " + Join(offered));
    }
    if (hdd && type != "PERSISTENT_1") {
      report("StorageType",
             "StorageType HDD needs DeploymentType PERSISTENT_1, but " + is + "; use SSD or PERSISTENT_1");
    }
    if (!hdd && item.Setting("DriveCacheType")) {
      report(
          "DriveCacheType",
          "DriveCacheType only applies to HDD file systems; remove it or set StorageType: HDD on '" + item.name + "'");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl5018FsxLustreDeploymentOptionsInvalid() {
  return std::make_unique<FsxLustreDeploymentOptionsInvalid>();
}

}  // namespace pcl::rules
