// THE table of native rules. Adding a rule: one factory declaration and one line in its family.
#include "rules/native_rules.h"

namespace pcl::rules {

// Factories, one per native rule file (src/rules/pclNNNN_<name>.cc), grouped by family.
// -- network (PCL3) --
// -- IAM (PCL4) --
// -- storage (PCL5) --
// -- compute and scheduler (PCL6) --
// -- OS, image, monitoring, tags (PCL7) --

const std::vector<NativeRuleEntry>& NativeRules() {
  static const std::vector<NativeRuleEntry> kRules = {
      // -- network (PCL3) --
      // -- IAM (PCL4) --
      // -- storage (PCL5) --
      // -- compute and scheduler (PCL6) --
      // -- OS, image, monitoring, tags (PCL7) --
  };
  return kRules;
}

}  // namespace pcl::rules
