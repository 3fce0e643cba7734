// PCL7021 chef-in-place-update-not-boolean: ExtraChefAttributes sets
// cluster.in_place_update_on_fleet_enabled to something that is not a boolean.
#include "engine/rule.h"
#include "rules/util/chef_attributes.h"

namespace pcl::rules {
namespace {

class ChefInPlaceUpdateNotBoolean : public engine::Rule {
  void Check(const engine::RuleContext& context) const override {
    auto value = ChefAttribute(context, {"cluster", "in_place_update_on_fleet_enabled"});
    if (!value || ChefBoolean(*value)) return;
    context.ReportAt(kExtraChefAttributes,
                     "Invalid value in DevSettings/Cookbook/ExtraChefAttributes: attribute "
                     "'in_place_update_on_fleet_enabled' must be a boolean value. (it is " +
                         value->dump() + ")");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl7021ChefInPlaceUpdateNotBoolean() {
  return std::make_unique<ChefInPlaceUpdateNotBoolean>();
}

}  // namespace pcl::rules
