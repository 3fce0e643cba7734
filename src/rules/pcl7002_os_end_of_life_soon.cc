// PCL7002 os-end-of-life-soon: Image.Os reaches its end of life within the option's window of days.
#include "engine/rule.h"
#include "rules/util/os_lifecycle.h"

namespace pcl::rules {
namespace {

class OsEndOfLifeSoon : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    auto eol = ImageOsEndOfLife(context);
    if (!eol) return;
    const int window_days = context.Option<int>("window_days");
    int left = eol->days - TodayDays(context.Option<std::string>("today"));
    if (left < 0 || left > window_days) return;
    context.ReportAt("/Image/Os", "Image.Os " + eol->os + " reaches its end of life on " + eol->date + " (in " +
                                      std::to_string(left) + " days); plan the move to a newer OS");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl7002OsEndOfLifeSoon() {
  return std::make_unique<OsEndOfLifeSoon>();
}

}  // namespace pcl::rules
