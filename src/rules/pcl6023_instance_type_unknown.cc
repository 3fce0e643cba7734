// PCL6023 instance-type-unknown: an instance type that EC2 does not know, with a did-you-mean.
#include "core/edit_distance.h"
#include "core/instance_types.h"
#include "engine/rule.h"
#include "rules/util/instance_facts.h"

namespace pcl::rules {
namespace {

// "; did you mean 'a', 'b' or 'c'?" (the form the language server turns into replacements), or "":
// the nearest names only, so that c5n.18xlage proposes c5n.18xlarge and not also c5.18xlarge.
std::string DidYouMean(std::string_view name) {
  std::vector<std::string_view> near = core::SuggestInstanceTypes(name);
  if (!near.empty()) {
    const size_t best = core::EditDistance(name, near.front());
    std::erase_if(near, [&](std::string_view other) { return core::EditDistance(name, other) > best; });
  }
  std::string out;
  for (size_t i = 0; i < near.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == near.size() ? " or " : ", ") + ("'" + std::string(near[i]) + "'");
  }
  return out.empty() ? out : "; did you mean " + out + "?";
}

// Neither the facts nor the EC2 API's name list knows the name (AWS Batch also takes `optimal` and families).
class InstanceTypeUnknown : public engine::Rule {
  void Check(const engine::RuleContext& context) const override {
    for (const InstanceTypePlace& place : AllInstanceTypePlaces(context.cluster())) {
      const std::string& name = place.type.name;
      // A number or boolean is the schema check's finding (PCL1xxx), not a misspelt name.
      if (!place.type.ref.IsString() || core::ClassifyInstanceType(name) != core::InstanceTypeKnowledge::kUnknown) {
        continue;
      }
      if (place.batch && (IsBatchOptimal(name) || IsBatchFamily(name))) continue;
      const std::string suggestion = DidYouMean(name);
      context.ReportAt(place.type.ref.pointer(),
                       "The instance type '" + name + "' is not supported" + (suggestion.empty() ? "." : suggestion));
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl6023InstanceTypeUnknown() {
  return std::make_unique<InstanceTypeUnknown>();
}

}  // namespace pcl::rules
