// Unit tests of the PyYAML-compatible writer and the Python value readers the migration uses.
#include <catch2/catch.hpp>

#include <cmath>

#include "migrate/py_text.h"
#include "migrate/yaml_emit.h"
#include "model/node.h"
#include "test_support.h"

namespace pcl::migrate {
namespace {

std::string Dump(const std::string& key, OutNode value) {
  OutNode root = OutNode::Map();
  root.Set(key, std::move(value));
  return EmitYaml(root);
}

TEST_CASE("strings are quoted exactly when YAML 1.1 would read something else", "[migrate]") {
  struct Case {
    const char* value;
    const char* written;
  };
  const Case cases[] = {
      {"c5.xlarge", "c5.xlarge"},
      {"1:00:00", "'1:00:00'"},
      {"01:03", "01:03"},
      {"010", "'010'"},
      {"00000122", "'00000122'"},
      {"yes", "'yes'"},
      {"Off", "'Off'"},
      {"null", "'null'"},
      {"~", "'~'"},
      {"", "''"},
      {"*", "'*'"},
      {"{{ region }}", "'{{ region }}'"},
      {"1.5", "'1.5'"},
      {"1e5", "1e5"},
      {"0x1F", "'0x1F'"},
      {"2001-12-14", "'2001-12-14'"},
      {"- x", "'- x'"},
      {"a: b", "'a: b'"},
      {"a:b", "a:b"},
      {"a #b", "'a #b'"},
      {"a#b", "a#b"},
      {"it's", "it's"},
      {"'q'", "'''q'''"},
      {" lead", "' lead'"},
      {"s3://b/k", "s3://b/k"},
      {"=", "'='"},
      {"<<", "'<<'"},
      {"tab\there", "\"tab\\there\""},
      {"caf\xC3\xA9", "\"caf\\xE9\""},
      {"line\nbreak", "'line\n\n  break'"},
  };
  for (const Case& c : cases) {
    INFO(c.value);
    CHECK(Dump("K", OutNode::String(c.value)) == std::string("K: ") + c.written + "\n");
  }
}

TEST_CASE("floats are written as Python repr, ints and booleans plainly", "[migrate]") {
  CHECK(Dump("K", OutNode::Float(2)) == "K: 2.0\n");
  CHECK(Dump("K", OutNode::Float(5.88)) == "K: 5.88\n");
  CHECK(Dump("K", OutNode::Float(0.1)) == "K: 0.1\n");
  CHECK(Dump("K", OutNode::Float(1e16)) == "K: 1.0e+16\n");
  CHECK(Dump("K", OutNode::Float(1.5e-7)) == "K: 1.5e-07\n");
  CHECK(Dump("K", OutNode::Float(0.0001)) == "K: 0.0001\n");
  CHECK(Dump("K", OutNode::Float(123456789012345.0)) == "K: 123456789012345.0\n");
  CHECK(Dump("K", OutNode::Float(HUGE_VAL)) == "K: .inf\n");
  CHECK(Dump("K", OutNode::Int(-3)) == "K: -3\n");
  CHECK(Dump("K", OutNode::Bool(false)) == "K: false\n");
}

TEST_CASE("sequences are indented under their key and mappings in items follow the dash", "[migrate]") {
  OutNode item = OutNode::Map();
  item.Set("Name", OutNode::String("q1"));
  OutNode groups = OutNode::Seq();
  groups.Append(OutNode::String("sg-1"));
  item.Set("SecurityGroups", std::move(groups));
  OutNode list = OutNode::Seq();
  list.Append(std::move(item));
  OutNode scheduling = OutNode::Map();
  scheduling.Set("SlurmQueues", std::move(list));
  CHECK(Dump("Scheduling", std::move(scheduling)) ==
        "Scheduling:\n  SlurmQueues:\n    - Name: q1\n      SecurityGroups:\n        - sg-1\n");
}

TEST_CASE("long quoted strings fold at width 80 like PyYAML", "[migrate]") {
  std::string json = "{\"hpc\": {";
  for (int i = 0; i < 12; ++i) json += "\"Key" + std::to_string(i) + "\": \"value number " + std::to_string(i) + "\", ";
  json += "\"end\": true}}";
  OutNode dev = OutNode::Map();
  dev.Set("InstanceTypesData", OutNode::String(json));
  const std::string text = Dump("DevSettings", std::move(dev));
  // Every continuation line is indented by 4 and the text reads back as the same string.
  CHECK(text.find("\n    ") != std::string::npos);
  auto parsed = testing::ParseYaml(text);
  REQUIRE(parsed.document.ok);
  CHECK(parsed.document.root.Find("DevSettings")->Find("InstanceTypesData")->text == json);
}

TEST_CASE("carried comments go above keys and at the end of lines", "[migrate]") {
  OutNode root = OutNode::Map();
  OutNode& name = root.Set("Region", OutNode::String("us-east-1"));
  name.comments_before.push_back("# where it runs");
  name.comment_after = "# pcluster-lint: disable=PCL3001";
  OutNode list = OutNode::Seq();
  OutNode item = OutNode::Map();
  item.Set("Name", OutNode::String("a")).comments_before.push_back("# first");
  list.Append(std::move(item));
  root.Set("SharedStorage", std::move(list));
  CHECK(EmitYaml(root, {"# header"}) ==
        "# header\n# where it runs\nRegion: us-east-1  # pcluster-lint: disable=PCL3001\n"
        "SharedStorage:\n  # first\n  - Name: a\n");
}

TEST_CASE("Python int(), float() and getboolean() semantics", "[migrate]") {
  CHECK(py::ParseInt("010").value == 10);
  CHECK(py::ParseInt("+5").value == 5);
  CHECK(py::ParseInt(" 1_000 ").value == 1000);
  CHECK_FALSE(py::ParseInt("1024.0").value);
  CHECK(py::ParseInt("abc").error == "invalid literal for int() with base 10: 'abc'");
  CHECK_FALSE(py::ParseInt("1__0").value);
  CHECK(py::ParseFloat("1").value == 1.0);
  CHECK(py::ParseFloat("5.88").value == 5.88);
  CHECK(py::ParseFloat(".5").value == 0.5);
  CHECK(py::ParseFloat("1e3").value == 1000.0);
  CHECK(py::ParseFloat("-inf").value == -HUGE_VAL);
  CHECK(py::ParseFloat("x").error == "could not convert string to float: 'x'");
  CHECK(py::ParseBool("YES").value == true);
  CHECK(py::ParseBool("off").value == false);
  CHECK(py::ParseBool("compute").error == "Not a boolean: compute");
  CHECK(py::SplitLabels("custom1,     custom2") == std::vector<std::string>{"custom1", "custom2"});
  CHECK(py::SplitLabels("a,,b") == std::vector<std::string>{"a", "", "b"});
  CHECK(py::SplitWhitespace("  R curl\twget ") == std::vector<std::string>{"R", "curl", "wget"});
  CHECK(py::Repr("it's") == "\"it's\"");
}

}  // namespace
}  // namespace pcl::migrate
