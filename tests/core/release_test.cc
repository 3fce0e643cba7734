// core::Release: parsing, ordering and printing of ParallelCluster releases.
#include <catch2/catch.hpp>

#include "core/release.h"

namespace pcl::core {
namespace {

TEST_CASE("releases parse as MAJOR.MINOR or MAJOR.MINOR.PATCH with an optional v", "[core]") {
  CHECK(Release::Parse("3.16") == Release(3, 16));
  CHECK(Release::Parse("3.16.3") == Release(3, 16, 3));
  CHECK(Release::Parse("v3.2.1") == Release(3, 2, 1));
  for (const char* bad :
       {"", "3", "3.", ".3", "3.x", "3.1.", "3.1.2.4", "+3.1", "3.-1", " 3.1", "3.1 ", "develop", "3.1234567"}) {
    INFO(bad);
    CHECK_FALSE(Release::Parse(bad));
  }
}

TEST_CASE("releases order by number, not by text", "[core]") {
  CHECK(Release(3, 9) < Release(3, 10));
  CHECK(Release(3, 16) < Release(3, 16, 1));
  CHECK(Release(3, 16, 3).FeatureRelease() == Release(3, 16));
  CHECK(Release(3, 16, 3).ToString() == "3.16.3");
  CHECK(Release(3, 4).ToString() == "3.4");
  CHECK(CompareReleaseText("3.9", "3.10") < 0);
  CHECK(CompareReleaseText("3.12.1", "3.12") > 0);
  CHECK(CompareReleaseText("3.12", "3.12") == 0);
  // Text that is not a release names something newer than this build knows.
  CHECK(CompareReleaseText("develop", "3.16") > 0);
  CHECK(CompareReleaseText("develop", "next") == 0);
}

}  // namespace
}  // namespace pcl::core
