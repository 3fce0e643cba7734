// THE table of native rules. Adding a rule: one factory declaration and one line in its family.
#include "rules/native_rules.h"

namespace pcl::rules {

// Factories, one per native rule file (src/rules/pclNNNN_<name>.cc), grouped by family.
// -- network (PCL3) --
// -- IAM (PCL4) --
// -- storage (PCL5) --
// -- compute and scheduler (PCL6) --
std::unique_ptr<engine::Rule> NewPcl6002DuplicateQueueOrResourceName();
std::unique_ptr<engine::Rule> NewPcl6003TooManyQueuesOrComputeResources();
std::unique_ptr<engine::Rule> NewPcl6004MinCountAboveMaxCount();
std::unique_ptr<engine::Rule> NewPcl6005CapacityBlockCountMismatch();
std::unique_ptr<engine::Rule> NewPcl6009StaticComputeNodes();
std::unique_ptr<engine::Rule> NewPcl6010SpotWithoutPriceCeiling();
std::unique_ptr<engine::Rule> NewPcl6011StaticNodePriorityNotLower();
std::unique_ptr<engine::Rule> NewPcl6012HeadNodeUndersized();
std::unique_ptr<engine::Rule> NewPcl6015AwsBatchVcpusOutOfOrder();
std::unique_ptr<engine::Rule> NewPcl6017CustomSlurmSettingDenied();
// -- OS, image, monitoring, tags (PCL7) --

const std::vector<NativeRuleEntry>& NativeRules() {
  static const std::vector<NativeRuleEntry> kRules = {
      // -- network (PCL3) --
      // -- IAM (PCL4) --
      // -- storage (PCL5) --
      // -- compute and scheduler (PCL6) --
      {"PCL6002", NewPcl6002DuplicateQueueOrResourceName},
      {"PCL6003", NewPcl6003TooManyQueuesOrComputeResources},
      {"PCL6004", NewPcl6004MinCountAboveMaxCount},
      {"PCL6005", NewPcl6005CapacityBlockCountMismatch},
      {"PCL6009", NewPcl6009StaticComputeNodes},
      {"PCL6010", NewPcl6010SpotWithoutPriceCeiling},
      {"PCL6011", NewPcl6011StaticNodePriorityNotLower},
      {"PCL6012", NewPcl6012HeadNodeUndersized},
      {"PCL6015", NewPcl6015AwsBatchVcpusOutOfOrder},
      {"PCL6017", NewPcl6017CustomSlurmSettingDenied},
      // -- OS, image, monitoring, tags (PCL7) --
  };
  return kRules;
}

}  // namespace pcl::rules
