// Top-level Region, Image, CustomS3Bucket, AdditionalResources, AdditionalPackages and Tags.
#include <string_view>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "generated/ids/migration.h"
#include "migrate/translators.h"

namespace pcl::migrate {

void ConvertRegion(Context& ctx, OutNode& root) {
  root.SetIf("Region", ctx.Str("aws", "aws_region_name"));
}

void ConvertImage(Context& ctx, OutNode& root) {
  const std::string& c = ctx.cluster;
  OutNode image = OutNode::Map();
  image.SetIf("CustomAmi", ctx.Str(c, "custom_ami"));
  OutNode os = ctx.Str(c, "base_os");
  if (os.kind == OutNode::Kind::kNull || os.str.empty()) {
    // The official converter then writes no Image, which v3 requires; v2 required base_os too.
    ctx.Report(ids::kMissingBaseOs, ctx.Entry(c, "base_os") ? ctx.ValueRange(c, "base_os") : ctx.SectionRange(c),
               "[" + c +
                   "] has no base_os; ParallelCluster 3 requires Image/Os (alinux2, "
                   "alinux2023, ubuntu2004, ubuntu2204, rhel8, rocky8, rhel9, rocky9)",
               c, "base_os");
  } else if (os.str == "alinux" || os.str == "centos7" || os.str == "centos8" || os.str == "ubuntu1604" ||
             os.str == "ubuntu1804") {
    ctx.Report(ids::kOsNotSupportedInV3, ctx.ValueRange(c, "base_os"),
               "base_os = " + os.str +
                   " is copied to Image/Os, but current ParallelCluster 3 "
                   "releases do not support it; choose one of alinux2, alinux2023, ubuntu2004, "
                   "ubuntu2204, rhel8, rocky8, rhel9, rocky9",
               c, "base_os");
    ctx.Header("base_os = " + os.str + " is not supported by current ParallelCluster 3 releases");
  }
  image.SetIf("Os", std::move(os));
  root.SetIf("Image", std::move(image));
}

void ConvertCustomS3Bucket(Context& ctx, OutNode& root) {
  root.SetIf("CustomS3Bucket", ctx.Str(ctx.cluster, "cluster_resource_bucket"));
}

void ConvertAdditionalResources(Context& ctx, OutNode& root) {
  root.SetIf("AdditionalResources", ctx.Str(ctx.cluster, "additional_cfn_template"));
}

void ConvertAdditionalPackages(Context& ctx, OutNode& root) {
  OutNode intel = OutNode::Map();
  intel.SetIf("IntelHpcPlatform", ctx.Bool(ctx.cluster, "enable_intel_hpc_platform"));
  OutNode packages = OutNode::Map();
  packages.SetIf("IntelSoftware", std::move(intel));
  root.SetIf("AdditionalPackages", std::move(packages));
}

void ConvertTags(Context& ctx, OutNode& root) {
  const std::string& c = ctx.cluster;
  auto text = ctx.ClusterTruthy("tags");
  if (!text) return;
  const model::Range where = ctx.ValueRange(c, "tags");
  // Python's json.loads keeps the keys in file order (a repeated key keeps its first place and
  // its last value). ordered_json would too, but it finds each key by a linear search; parse into
  // a sorted object and note the top-level key order on the way instead.
  std::vector<std::string> order;
  auto note_key = [&order](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    if (depth == 1 && event == nlohmann::json::parse_event_t::key) order.push_back(parsed.get<std::string>());
    return true;
  };
  nlohmann::json tags = nlohmann::json::parse(*text, note_key, false);
  if (tags.is_discarded()) {
    ctx.Report(ids::kInvalidTags, where,
               "tags must be a JSON object such as {\"key\": \"value\"}; this is not valid JSON", c, "tags");
    return;
  }
  if (!tags.is_object()) {
    ctx.Report(ids::kInvalidTags, where,
               std::string("tags must be a JSON object such as {\"key\": \"value\"}, not a JSON ") + tags.type_name(),
               c, "tags");
    return;
  }
  OutNode list = OutNode::Seq();
  std::unordered_set<std::string_view> done;
  for (const std::string& key : order) {
    if (!done.insert(key).second) continue;
    const nlohmann::json& value = tags.at(key);
    std::string text_value;
    if (value.is_string()) {
      text_value = value.get<std::string>();
    } else if (value.is_number() || value.is_boolean()) {
      // v3 tag values are strings; the official converter copies numbers and booleans as such,
      // which v3 rejects.
      text_value = value.dump();
    } else {
      ctx.Report(ids::kInvalidTags, where,
                 "the value of tag '" + key + "' is a JSON " + value.type_name() + "; tag values must be strings", c,
                 "tags");
      continue;
    }
    OutNode tag = OutNode::Map();
    tag.Set("Key", OutNode::String(key));
    tag.Set("Value", OutNode::String(text_value));
    tag.AddOrigin({c, "tags"});
    tag.Find("Key")->user_value = tag.Find("Value")->user_value = true;
    list.Append(std::move(tag));
  }
  root.SetIf("Tags", std::move(list));
}

}  // namespace pcl::migrate
