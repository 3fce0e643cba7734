// The v3 YAML front end: tree, positions, typing, and every hostile-input edge.
#include <catch2/catch.hpp>

#include <chrono>

#include "generated/ids/input.h"
#include "model/json_pointer.h"
#include "parsers/yaml_tree_util.h"
#include "test_support.h"

namespace pcl::parsers {
namespace {

using model::NodeKind;
using testing::FormatFindings;
using testing::ParseYaml;

TEST_CASE("mapping, sequence and scalars with key and value positions", "[yaml]") {
  auto result = ParseYaml("HeadNode:\n  InstanceType: t3.micro\nTags:\n  - Key: a\n    Value: 'true'\n");
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.document.ok);
  const model::MapEntry* entry = nullptr;
  const model::Node* node = model::FindByPointer(result.document.root, "/HeadNode/InstanceType", &entry);
  REQUIRE(node);
  CHECK(node->text == "t3.micro");
  CHECK(entry->key_range.begin == model::Position{2, 3});
  CHECK(node->range.begin == model::Position{2, 17});
  CHECK(node->range.end == model::Position{2, 25});
  const model::Node* value = model::FindByPointer(result.document.root, "/Tags/0/Value");
  REQUIRE(value);
  CHECK(value->kind == NodeKind::kString);
  CHECK(value->IsQuoted());
  CHECK(value->range.begin == model::Position{5, 12});
  CHECK(model::FindByPointer(result.document.root, "/Tags/1") == nullptr);
}

TEST_CASE("quoted scalars read as PyYAML reads them where yaml-cpp differs", "[yaml]") {
  // yaml-cpp decodes \N and \_ to the bytes 0x85 and 0xA0 (not UTF-8), and reads a quoted scalar
  // of line breaks only as empty.
  auto result = ParseYaml(
      "a: \"x\\Ny\\_z\"\nb: '\n\n  '\nc: \"\n\n\n  \"\nd: '\n  '\n\"\\N\": 1\n"
      "e: \"\\\\N \\xE9\"\n");
  REQUIRE(result.diagnostics.empty());
  const model::Node& root = result.document.root;
  CHECK(root.Find("a")->text == "x\xC2\x85y\xC2\xA0z");
  CHECK(root.Find("b")->text == "\n");
  CHECK(root.Find("c")->text == "\n\n");
  CHECK(root.Find("d")->text == " ");
  CHECK(root.Find("\xC2\x85") != nullptr);  // keys too
  CHECK(root.Find("e")->text == "\\N \xC3\xA9");
}

TEST_CASE("quoted and plain scalars keep their type and raw text", "[yaml]") {
  auto result = ParseYaml("a: true\nb: 'true'\nc: 010\nd: '010'\ne: 1:00:00\nf: \"1:00:00\"\ng: yes\nh: ~\n");
  REQUIRE(result.diagnostics.empty());
  auto json = model::ToJson(result.document.root);
  CHECK(json["a"] == true);
  CHECK(json["b"] == "true");
  CHECK(json["c"] == 8);
  CHECK(json["d"] == "010");
  CHECK(json["e"] == 3600);
  CHECK(json["f"] == "1:00:00");
  CHECK(json["g"] == true);
  CHECK(json["h"].is_null());
  CHECK(model::FindByPointer(result.document.root, "/c")->text == "010");
}

TEST_CASE("duplicate keys are reported with both positions", "[yaml]") {
  auto result = ParseYaml("HeadNode:\n  InstanceType: a\n  InstanceType: b\n");
  CHECK(FormatFindings(result.diagnostics) ==
        "3:3 PCL0003 duplicate key 'InstanceType' (first defined at line 2, column 3)\n");
  REQUIRE(result.diagnostics[0].notes.size() == 1);
  CHECK(result.diagnostics[0].notes[0].position == model::Position{2, 3});
}

TEST_CASE("a second document is an error", "[yaml]") {
  auto result = ParseYaml("a: 1\n---\nb: 2\n");
  CHECK(FormatFindings(result.diagnostics) ==
        "2:1 PCL0005 a cluster config holds one YAML document; a second one starts here\n");
}

TEST_CASE("aliases are expanded and reported where they are used", "[yaml]") {
  auto result = ParseYaml("base: &b\n  MinCount: 0\nq:\n  cr: *b\n");
  REQUIRE(result.diagnostics.empty());
  const model::Node* copy = model::FindByPointer(result.document.root, "/q/cr/MinCount");
  REQUIRE(copy);
  CHECK(copy->int_value == 0);
  CHECK(copy->range.begin == model::Position{4, 7});
  CHECK(copy->anchor_position == model::Position{2, 13});  // where the value was written
}

TEST_CASE("merge keys follow PyYAML: written keys win", "[yaml]") {
  auto result = ParseYaml("d: &d {A: 1, B: 2}\nm:\n  <<: *d\n  B: 3\n");
  REQUIRE(result.diagnostics.empty());
  auto json = model::ToJson(result.document.root);
  CHECK(json["m"] == nlohmann::json({{"A", 1}, {"B", 3}}));
}

TEST_CASE("an alias bomb fails fast with a clear error", "[yaml]") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (char level = 'b'; level <= 'k'; ++level) {
    text += std::string(1, level) + ": &" + level + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", *" : "*") + prev;
    text += "]\n";
    prev = std::string(1, level);
  }
  auto started = std::chrono::steady_clock::now();
  auto result = ParseYaml(text);
  auto elapsed = std::chrono::steady_clock::now() - started;
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].rule_id == ids::kInputLimitExceeded);
  CHECK_FALSE(result.document.ok);
  // Generous bound: this guards against expanding the bomb, not a timing goal.
  CHECK(elapsed < std::chrono::seconds(5));
}

TEST_CASE("deep nesting is bounded, in flow and block style", "[yaml]") {
  auto flow = ParseYaml("a: " + std::string(100000, '[') + std::string(100000, ']') + "\n");
  REQUIRE_FALSE(flow.diagnostics.empty());
  CHECK(flow.diagnostics[0].rule_id == ids::kInputLimitExceeded);
  std::string block;
  for (int i = 0; i < 1000; ++i) block += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  auto deep = ParseYaml(block);
  REQUIRE_FALSE(deep.diagnostics.empty());
  CHECK(deep.diagnostics[0].rule_id == ids::kInputLimitExceeded);
}

TEST_CASE("tabs used for indentation are a syntax error at their line", "[yaml]") {
  auto result = ParseYaml("a:\n\tb: 1\n");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].rule_id == ids::kSyntaxError);
  CHECK(result.diagnostics[0].range.begin.line == 2);
}

TEST_CASE("CRLF line endings parse like LF, with the same positions", "[yaml]") {
  auto result = ParseYaml("a: 1\r\nb:\r\n  c: x\r\n");
  REQUIRE(result.diagnostics.empty());
  CHECK(model::ToJson(result.document.root) == nlohmann::json({{"a", 1}, {"b", {{"c", "x"}}}}));
  CHECK(model::FindByPointer(result.document.root, "/b/c")->range.begin == model::Position{3, 6});
}

TEST_CASE("an empty file parses to a null root", "[yaml]") {
  auto result = ParseYaml("");
  CHECK(result.diagnostics.empty());
  CHECK(result.document.root.kind == NodeKind::kNull);
  auto comments_only = ParseYaml("# nothing here\n");
  CHECK(comments_only.document.root.kind == NodeKind::kNull);
}

TEST_CASE("unsupported tags are refused like PyYAML's safe loader", "[yaml]") {
  auto result = ParseYaml("a: !Ref x\n");
  CHECK(FormatFindings(result.diagnostics) == "1:4 PCL0001 unsupported YAML tag '!Ref'\n");
  auto str = ParseYaml("a: !!str 123\n");
  REQUIRE(str.diagnostics.empty());
  CHECK(model::ToJson(str.document.root)["a"] == "123");
}

TEST_CASE("comments are found outside scalars only", "[yaml]") {
  auto result =
      ParseYaml("# top\na: 'x # not a comment'  # pcluster-lint: disable=PCL3001\nb: |\n  # in a block\nc: d#e\n");
  REQUIRE(result.diagnostics.empty());
  const auto& comments = result.document.comments;
  REQUIRE(comments.size() == 2);
  CHECK(comments[0].text == "# top");
  CHECK(comments[0].own_line);
  CHECK(comments[1].text == "# pcluster-lint: disable=PCL3001");
  CHECK(comments[1].position == model::Position{2, 25});
  CHECK_FALSE(comments[1].own_line);
}

TEST_CASE("JSON pointers escape '/' and '~'", "[yaml]") {
  auto result = ParseYaml("\"a/b\":\n  \"c~d\": 1\n");
  REQUIRE(result.diagnostics.empty());
  CHECK(model::FindByPointer(result.document.root, "/a~1b/c~0d")->int_value == 1);
  CHECK(model::AppendPointer("/a~1b", "c~d") == "/a~1b/c~0d");
}

TEST_CASE("an empty list item is placed at its own dash", "[yaml]") {
  // Through the parser: the null items of a block list sit at their '-'.
  auto parsed = ParseYaml("Tags:\n  - Key: a\n  -   # none - yet\n  # more\n  - ~\n  -\nNext: 1\n");
  REQUIRE(parsed.document.ok);
  const model::Node* tags = model::FindByPointer(parsed.document.root, "/Tags");
  REQUIRE(tags);
  REQUIRE(tags->items.size() == 4);
  CHECK(tags->items[1].range.begin == model::Position{3, 3});
  CHECK(tags->items[2].range.begin == model::Position{5, 5});  // a written-out ~ is its own place
  CHECK(tags->items[3].range.begin == model::Position{6, 3});
  // The scan itself: blanks and comments are skipped; anything else means "not found".
  CHECK(EmptyItemDash("- \n- x", 3) == std::optional<size_t>(0));
  CHECK(EmptyItemDash("-  # a - b\n\n- x", 12) == std::optional<size_t>(0));
  CHECK(EmptyItemDash("a-\n- x", 3) == std::nullopt);  // '-' ending a scalar is not an indicator
  CHECK(EmptyItemDash("key: v\n- x", 7) == std::nullopt);
  CHECK(EmptyItemDash("- null", 2) == std::nullopt);
}

}  // namespace
}  // namespace pcl::parsers
