// OS and monitoring rules: date helpers, and the options/target that fixtures cannot vary.
#include <catch2/catch.hpp>

#include "engine/engine_support.h"
#include "rules/util/os_lifecycle.h"

namespace pcl::testing {
namespace {

const char kUbuntu2204[] = "Image:\n  Os: ubuntu2204\nMonitoring:\n  Logs:\n    CloudWatch:\n      Enabled: false\n";

TEST_CASE("ISO dates and the pinned today parse without throwing", "[rules]") {
  CHECK(rules::ParseIsoDate("1970-01-02") == 1);
  CHECK(rules::ParseIsoDate("2026-06-30") == 20634);
  CHECK_FALSE(rules::ParseIsoDate("2026-02-30"));
  CHECK_FALSE(rules::ParseIsoDate("30/06/2026"));
  CHECK_FALSE(rules::ParseIsoDate(""));
  CHECK(rules::TodayDays("2026-11-25") == 20782);
}

TEST_CASE("OS end-of-life rules follow the pinned date and window", "[rules]") {
  pipeline::LintConfig config;
  config.options["PCL7001"] = {{"today", "2027-06-01"}};
  config.options["PCL7002"] = {{"today", "2026-01-01"}, {"window_days", 365}};
  auto result = CheckWith(*OnlyRules({"PCL7001", "PCL7002"}, config), "c.yaml", kUbuntu2204);
  CHECK(Findings(result, "PCL7001") != "");
  CHECK(Findings(result, "PCL7002") == "");               // 516 days ahead: outside the window
  config.options["PCL7001"] = {{"today", "2027-05-31"}};  // the last supported day
  config.options["PCL7002"] = {{"today", "2026-06-01"}, {"window_days", 365}};
  result = CheckWith(*OnlyRules({"PCL7001", "PCL7002"}, config), "c.yaml", kUbuntu2204);
  CHECK(Findings(result, "PCL7001") == "");
  CHECK(Findings(result, "PCL7002") ==
        "2:7 PCL7002 Image.Os ubuntu2204 reaches its end of life on 2027-05-31 "
        "(in 364 days); plan the move to a newer OS\n");
}

TEST_CASE("log rotation check starts with target 3.6", "[rules]") {
  pipeline::LintConfig config;
  config.target_version = "3.5";
  CHECK(Findings(CheckWith(*OnlyRules({"PCL7010"}, config), "c.yaml", kUbuntu2204)) == "");
  config.target_version = "3.6";
  CHECK(Findings(CheckWith(*OnlyRules({"PCL7010"}, config), "c.yaml", kUbuntu2204)) != "");
}

}  // namespace
}  // namespace pcl::testing
