// DevSettings: template_url, instance_types_data, extra_json, custom_chef_cookbook (with
// --force-convert; without it they are blocking findings of the validation phase).
#include "migrate/translators.h"

namespace pcl::migrate {

void ConvertDevSettings(Context& ctx, OutNode& root) {
  const std::string& c = ctx.cluster;
  OutNode cookbook = OutNode::Map();
  cookbook.SetIf("ExtraChefAttributes", ctx.Str(c, "extra_json"));
  cookbook.SetIf("ChefCookbook", ctx.Str(c, "custom_chef_cookbook"));
  OutNode dev = OutNode::Map();
  dev.SetIf("ClusterTemplate", ctx.Str(c, "template_url"));
  dev.SetIf("InstanceTypesData", ctx.Str(c, "instance_types_data"));
  dev.SetIf("Cookbook", std::move(cookbook));
  root.SetIf("DevSettings", std::move(dev));
}

}  // namespace pcl::migrate
