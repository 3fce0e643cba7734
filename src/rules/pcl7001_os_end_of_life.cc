// PCL7001 os-end-of-life: Image.Os is past the end of life of the distribution (dates in the options).
#include "engine/rule.h"
#include "rules/util/os_lifecycle.h"

namespace pcl::rules {
namespace {

class OsEndOfLife : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    auto eol = ImageOsEndOfLife(context);
    if (!eol || TodayDays(context.Option<std::string>("today")) <= eol->days) return;
    context.ReportAt("/Image/Os", "Image.Os " + eol->os + " reached its end of life on " + eol->date +
                                      " and gets no more security updates; move the cluster to a supported OS "
                                      "such as alinux2023 or rhel9");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl7001OsEndOfLife() {
  return std::make_unique<OsEndOfLife>();
}

}  // namespace pcl::rules
