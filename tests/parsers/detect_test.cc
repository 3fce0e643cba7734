// Format detection and the loader's guards (binary, UTF-8, BOM, size, missing files).
#include <catch2/catch.hpp>

#include "generated/ids/input.h"
#include "parsers/detect.h"
#include "parsers/load.h"

namespace pcl::parsers {
namespace {

using model::Format;

TEST_CASE("content decides the format, the extension is a hint", "[detect]") {
  CHECK(DetectFormat("c.yaml", "HeadNode:\n  InstanceType: t3.micro\n") == Format::kYamlV3);
  CHECK(DetectFormat("config", "[aws]\naws_region_name = us-east-1\n[cluster default]\nkey_name = k\n") ==
        Format::kIniV2);
  CHECK(DetectFormat("c.toml", "[aws]\naws_region_name = \"us-east-1\"\n") == Format::kTomlV2);
  CHECK(DetectFormat("c", "[cluster.default]\nkey_name = \"k\"\nmax_queue_size = 10\n") == Format::kTomlV2);
  CHECK(DetectFormat("c", "[\"cluster default\"]\nkey_name = \"k\"\n") == Format::kTomlV2);
  // A v2 file saved with a .yaml extension is still v2.
  CHECK(DetectFormat("old.yaml", "[global]\ncluster_template = default\n") == Format::kIniV2);
  CHECK(DetectFormat("notes.txt", "just words\n") == Format::kUnknown);
  CHECK(ParseFormatName("toml") == Format::kTomlV2);
  CHECK(ParseFormatName("xml") == Format::kUnknown);
}

TEST_CASE("binary, invalid UTF-8 and oversized input are findings", "[detect]") {
  CHECK(LoadText("b.yaml", std::string("a: 1\n\0\x01", 7)).diagnostics.at(0).rule_id ==
        std::string(ids::kInvalidEncoding));
  auto bad_utf8 = LoadText("u.yaml", "a: ok\nb: \xff\n");
  REQUIRE(bad_utf8.diagnostics.size() == 1);
  CHECK(bad_utf8.diagnostics[0].rule_id == std::string(ids::kInvalidEncoding));
  CHECK(bad_utf8.diagnostics[0].range.begin == model::Position{2, 4});
  LoadOptions small;
  small.limits.max_bytes = 10;
  CHECK(LoadText("big.yaml", std::string(11, 'a'), small).diagnostics.at(0).rule_id ==
        std::string(ids::kInputLimitExceeded));
}

TEST_CASE("a UTF-8 BOM is dropped so columns match the editor", "[detect]") {
  auto result = LoadText("bom.yaml",
                         "\xEF\xBB\xBF"
                         "a: 1\n");
  REQUIRE(result.diagnostics.empty());
  CHECK(result.document.root.entries.at(0).key_range.begin == model::Position{1, 1});
}

TEST_CASE("missing files and directories are unreadable-file findings", "[detect]") {
  CHECK(LoadFile("/nonexistent/x.yaml").diagnostics.at(0).rule_id == std::string(ids::kUnreadableFile));
  CHECK(LoadFile("/").diagnostics.at(0).rule_id == std::string(ids::kUnreadableFile));
}

TEST_CASE("unknown content is reported, not guessed", "[detect]") {
  auto result = LoadText("notes.txt", "just words\n");
  CHECK(result.diagnostics.at(0).rule_id == std::string(ids::kUnknownFormat));
}

}  // namespace
}  // namespace pcl::parsers
