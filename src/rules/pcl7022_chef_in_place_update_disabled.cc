// PCL7022 chef-in-place-update-disabled: ExtraChefAttributes turns in-place updates of the compute and
// login nodes off (cluster.in_place_update_on_fleet_enabled false).
#include "engine/rule.h"
#include "rules/util/chef_attributes.h"

namespace pcl::rules {
namespace {

class ChefInPlaceUpdateDisabled : public engine::Rule {
  void Check(const engine::RuleContext& context) const override {
    auto value = ChefAttribute(context, {"cluster", "in_place_update_on_fleet_enabled"});
    if (!value || ChefBoolean(*value) != false) return;
    context.ReportAt(kExtraChefAttributes,
                     "When in-place updates are disabled, cluster updates are applied by replacing compute and "
                     "login nodes according to the selected QueueUpdateStrategy.");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl7022ChefInPlaceUpdateDisabled() {
  return std::make_unique<ChefInPlaceUpdateDisabled>();
}

}  // namespace pcl::rules
