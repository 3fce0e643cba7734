// THE table of native rules. Adding a rule: one factory declaration and one line in its family.
#include "rules/native_rules.h"

namespace pcl::rules {

// Factories, one per native rule file (src/rules/pclNNNN_<name>.cc), grouped by family.
// -- network (PCL3) --
// -- IAM (PCL4) --
// -- storage (PCL5) --
// -- compute and scheduler (PCL6) --
// -- OS, image, monitoring, tags (PCL7) --
std::unique_ptr<engine::Rule> NewPcl7001OsEndOfLife();
std::unique_ptr<engine::Rule> NewPcl7002OsEndOfLifeSoon();
std::unique_ptr<engine::Rule> NewPcl7005SmallInstanceTypeOs();
std::unique_ptr<engine::Rule> NewPcl7010LogRotationWithoutCloudWatch();
std::unique_ptr<engine::Rule> NewPcl7014MissingRequiredTags();

const std::vector<NativeRuleEntry>& NativeRules() {
  static const std::vector<NativeRuleEntry> kRules = {
      // -- network (PCL3) --
      // -- IAM (PCL4) --
      // -- storage (PCL5) --
      // -- compute and scheduler (PCL6) --
      // -- OS, image, monitoring, tags (PCL7) --
      {"PCL7001", NewPcl7001OsEndOfLife},
      {"PCL7002", NewPcl7002OsEndOfLifeSoon},
      {"PCL7005", NewPcl7005SmallInstanceTypeOs},
      {"PCL7010", NewPcl7010LogRotationWithoutCloudWatch},
      {"PCL7014", NewPcl7014MissingRequiredTags},
  };
  return kRules;
}

}  // namespace pcl::rules
