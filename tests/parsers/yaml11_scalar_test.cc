// YAML 1.1 plain-scalar typing, checked against what PyYAML's SafeLoader gives.
#include <catch2/catch.hpp>

#include <cmath>

#include "parsers/yaml11_scalar.h"

namespace pcl::parsers {
namespace {

using model::Node;
using model::NodeKind;

Node Resolve(const std::string& text) {
  Node node;
  ResolvePlainScalar(text, node);
  return node;
}

TEST_CASE("YAML 1.1 nulls", "[yaml11]") {
  for (const char* text : {"", "~", "null", "Null", "NULL"}) {
    CHECK(Resolve(text).kind == NodeKind::kNull);
  }
  CHECK(Resolve("nULL").kind == NodeKind::kString);
}

TEST_CASE("YAML 1.1 booleans include yes/no/on/off in three cases", "[yaml11]") {
  for (const char* text : {"yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"}) {
    Node node = Resolve(text);
    CHECK(node.kind == NodeKind::kBool);
    CHECK(node.bool_value);
  }
  for (const char* text : {"no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"}) {
    Node node = Resolve(text);
    CHECK(node.kind == NodeKind::kBool);
    CHECK_FALSE(node.bool_value);
  }
  // Not booleans for PyYAML (y/n are YAML 1.1 spec but not in its resolver), nor mixed case.
  for (const char* text : {"y", "n", "yEs", "tRUE"}) CHECK(Resolve(text).kind == NodeKind::kString);
}

TEST_CASE("YAML 1.1 integers: octal, hex, binary, underscores, base 60", "[yaml11]") {
  CHECK(Resolve("10").int_value == 10);
  CHECK(Resolve("-7").int_value == -7);
  CHECK(Resolve("+5").int_value == 5);
  CHECK(Resolve("010").int_value == 8);
  CHECK(Resolve("0x1f").int_value == 31);
  CHECK(Resolve("0b101").int_value == 5);
  CHECK(Resolve("1_000").int_value == 1000);
  CHECK(Resolve("1:00:00").int_value == 3600);
  CHECK(Resolve("190:20:30").int_value == 685230);
  CHECK(Resolve("0").kind == NodeKind::kInt);
  // Strings that look numeric but are not YAML 1.1 ints.
  CHECK(Resolve("08").kind == NodeKind::kString);
  CHECK(Resolve("01:03").kind == NodeKind::kString);
  CHECK(Resolve("1:60").kind == NodeKind::kString);
  CHECK(Resolve("0x").kind == NodeKind::kString);
  CHECK(Resolve("12abc").kind == NodeKind::kString);
  // PyYAML's integers have no bound: past 64 bits the value saturates, the kind stays integer.
  CHECK(Resolve("99999999999999999999999").kind == NodeKind::kInt);
  CHECK(Resolve("99999999999999999999999").int_value == INT64_MAX);
  CHECK(Resolve("-99999999999999999999999").int_value == INT64_MIN);
  CHECK(Resolve("9223372036854775807").int_value == INT64_MAX);
  CHECK(Resolve("-9223372036854775808").int_value == INT64_MIN);
}

TEST_CASE("YAML 1.1 floats need a dot and a signed exponent", "[yaml11]") {
  CHECK(Resolve("1.5").kind == NodeKind::kFloat);
  CHECK(Resolve("1.").float_value == 1.0);
  CHECK(Resolve(".5").float_value == 0.5);
  CHECK(Resolve("1.0e+5").float_value == 100000.0);
  CHECK(Resolve("-1_000.5").float_value == -1000.5);
  CHECK(Resolve("1:30.5").float_value == 90.5);
  CHECK(std::isinf(Resolve(".inf").float_value));
  CHECK(std::isinf(Resolve("-.Inf").float_value));
  CHECK(std::isnan(Resolve(".NaN").float_value));
  // PyYAML reads these as strings.
  CHECK(Resolve("1e5").kind == NodeKind::kString);
  CHECK(Resolve("1.0e5").kind == NodeKind::kString);
  CHECK(Resolve("-.5").kind == NodeKind::kString);
  CHECK(Resolve("1.2.3").kind == NodeKind::kString);
  CHECK(Resolve("t3.micro").kind == NodeKind::kString);
  // No number starts with '_' (PyYAML tries none on that first character); this read as 60.5.
  CHECK(Resolve("_1:00.5").kind == NodeKind::kString);
  CHECK(Resolve("1:00.5").float_value == 60.5);
}

Yaml11Tag TagOf(const std::string& text) {
  Node node;
  return ResolvePlainScalar(text, node);
}

TEST_CASE("YAML 1.1 tags the model keeps as strings: timestamp, merge, value, yaml", "[yaml11]") {
  for (const char* text : {"2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
                           "2001-1-2 3:04:05", "2001-12-14T21:59:43Z", "2001-12-14 21:59:43 +05:30"}) {
    INFO(text);
    CHECK(TagOf(text) == Yaml11Tag::kTimestamp);
    CHECK(Resolve(text).kind == NodeKind::kString);  // PyYAML makes a date; the model has no such kind
  }
  // Not timestamps for PyYAML: one-digit fields without a time, a trailing blank, a bad zone.
  for (const char* text : {"2001-1-2", "2001-12-14 ", "2001-12-14 21:59:43 ", "2001-12-14 21:59:43 +123", "01-12-14",
                           "2001-12-14T1:2:3"}) {
    INFO(text);
    CHECK(TagOf(text) == Yaml11Tag::kString);
  }
  CHECK(TagOf("<<") == Yaml11Tag::kMerge);
  CHECK(TagOf("=") == Yaml11Tag::kValue);
  CHECK(TagOf("*") == Yaml11Tag::kYaml);
  CHECK(TagOf("yes") == Yaml11Tag::kBool);
  CHECK(TagOf("") == Yaml11Tag::kNull);
  CHECK(PlainReadsAsString("c5.xlarge"));
  CHECK_FALSE(PlainReadsAsString("2001-12-14"));
  CHECK_FALSE(PlainReadsAsString("010"));
}

}  // namespace
}  // namespace pcl::parsers
