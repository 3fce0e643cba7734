// THE table of native rules. Adding a rule: one factory declaration and one line below.
#include "rules/native_rules.h"

namespace pcl::rules {

const std::vector<NativeRuleEntry>& NativeRules() {
  static const std::vector<NativeRuleEntry> kRules = {
  };
  return kRules;
}

}  // namespace pcl::rules
