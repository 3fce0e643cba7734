// Input budgets before any parser builds (nesting, expanded bytes, nodes, line length) and the
// YAML reading cases decided after PyYAML's reader and scanner (issue 14). Timing lives in the
// benchmark (tests/bench/bench.py "hostile:" scenarios); these check the finding and its limit.
#include <catch2/catch.hpp>

#include "generated/ids/input.h"
#include "model/node.h"
#include "model/pointer_index.h"
#include "parsers/load.h"
#include "test_support.h"

namespace pcl::parsers {
namespace {

using Catch::Contains;
using testing::ParseToml;
using testing::ParseYaml;

const model::Diagnostic& Only(const ParseResult& result) {
  REQUIRE(result.diagnostics.size() == 1);
  return result.diagnostics[0];
}

TEST_CASE("budgets: flow nesting is refused by the pre-scan, naming the limit", "[budgets]") {
  auto brackets = ParseYaml(std::string(1 << 20, '['));
  CHECK(Only(brackets).rule_id == ids::kInputLimitExceeded);
  CHECK_THAT(Only(brackets).message, Contains("deeper than 200 levels"));
  CHECK(Only(brackets).range.begin == model::Position{1, 201});
  std::string maps;
  for (int i = 0; i < 100000; ++i) maps += "{a: ";
  CHECK(Only(ParseYaml(maps)).rule_id == ids::kInputLimitExceeded);
  CHECK_FALSE(ParseYaml(maps).document.ok);
}

TEST_CASE("budgets: block nesting, also compact '- - -' on one line", "[budgets]") {
  std::string dashes;
  for (int i = 0; i < 100000; ++i) dashes += "- ";
  auto one_line = ParseYaml(dashes + "x\n");
  CHECK(Only(one_line).rule_id == ids::kInputLimitExceeded);
  CHECK_THAT(Only(one_line).message, Contains("200 levels"));
  std::string keys;
  for (int i = 0; i < 300; ++i) keys += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  CHECK(Only(ParseYaml(keys)).rule_id == ids::kInputLimitExceeded);
  // 150 levels are fine: the budget leaves real files alone.
  std::string ok;
  for (int i = 0; i < 150; ++i) ok += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  CHECK(ParseYaml(ok).diagnostics.empty());
}

TEST_CASE("budgets: aliases count their bytes, so a big scalar aliased often stops early", "[budgets]") {
  std::string text = "a: &a " + std::string(4 << 20, 'x') + "\nb: [";
  for (int i = 0; i < 100; ++i) text += i ? ", *a" : "*a";
  text += "]\n";
  auto result = ParseYaml(text);
  CHECK(Only(result).rule_id == ids::kInputLimitExceeded);
  CHECK_THAT(Only(result).message, Contains("32 MiB of text"));
  CHECK(Only(result).range.begin.line == 2);
  CHECK_FALSE(result.document.ok);
  // A few copies stay under the budget.
  auto few = ParseYaml("a: &a " + std::string(4 << 20, 'x') + "\nb: [*a, *a, *a]\n");
  CHECK(few.diagnostics.empty());
}

TEST_CASE("budgets: a line longer than 1 MiB is refused in every format", "[budgets]") {
  const std::string long_value(2 << 20, 'x');
  for (const char* name : {"a.yaml", "a.ini", "a.toml"}) {
    std::string text =
        std::string(name).ends_with("yaml") ? "a: 1\nb: " + long_value + "\n" : "[aws]\nkey = \"" + long_value + "\"\n";
    auto result = LoadText(name, text);
    INFO(name);
    CHECK(Only(result).rule_id == ids::kInputLimitExceeded);
    CHECK_THAT(Only(result).message, Contains("1024 KiB limit"));
    CHECK(Only(result).range.begin.line == 2);
  }
  // Lone CRs end lines too: a file of short CR-ended lines is not one long line.
  LoadOptions short_lines;
  short_lines.limits.max_line_bytes = 16;
  std::string cr_lines;
  for (int i = 0; i < 100; ++i) cr_lines += "k" + std::to_string(i) + ": 1\r";
  CHECK(LoadText("cr.yaml", cr_lines, short_lines).document.ok);
  CHECK(LoadText("cr.yaml", cr_lines + std::string(17, 'x'), short_lines).diagnostics.at(0).rule_id ==
        ids::kInputLimitExceeded);
}

TEST_CASE("budgets: TOML counts keys, tables and list items against the node budget", "[budgets]") {
  std::string text = "[cluster.default]\n";
  for (int i = 0; i < 120000; ++i) text += "k" + std::to_string(i) + "=1\n";
  auto result = ParseToml(text);
  CHECK(Only(result).rule_id == ids::kInputLimitExceeded);
  CHECK_THAT(Only(result).message, Contains("more than 100000 keys"));
}

TEST_CASE("budgets: the INI expansion budget is the shared 32 MiB of text", "[budgets]") {
  std::string text = "[DEFAULT]\nbig = " + std::string(512 << 10, 'x') + "\n";
  for (int i = 0; i < 80; ++i) text += "[s" + std::to_string(i) + "]\n";  // 80 copies: 40 MiB
  auto result = LoadText("a.ini", text);
  REQUIRE_FALSE(result.diagnostics.empty());
  CHECK(result.diagnostics.back().rule_id == ids::kInputLimitExceeded);
  CHECK_THAT(result.diagnostics.back().message, Contains("32 MiB of text"));
}

// What PyYAML 6's safe loader does, and so what we do: each case below was run through
// yaml.safe_load.
TEST_CASE("pyyaml: control characters are refused, as PyYAML's reader does", "[budgets][pyyaml]") {
  auto bell = ParseYaml(
      "a: b\x07"
      "c\n");
  CHECK(Only(bell).rule_id == ids::kSyntaxError);
  CHECK_THAT(Only(bell).message, Contains("U+0007"));
  CHECK(Only(bell).range.begin == model::Position{1, 5});
  CHECK(Only(ParseYaml("# \x1b[2J in a comment\na: 1\n")).rule_id == ids::kSyntaxError);
  CHECK_THAT(Only(ParseYaml("a: \xC2\x9B\n")).message, Contains("U+009B"));  // C1 control
  CHECK_THAT(Only(ParseYaml("a: \x7F\n")).message, Contains("U+007F"));
  // NEL (U+0085), tabs in quotes, and a BOM after the start are accepted.
  CHECK(ParseYaml("a: \"x\ty\"\nb: \xC2\x85\n").diagnostics.empty());
}

TEST_CASE("pyyaml: a tab between tokens is refused, in quotes, comments and blocks it is text", "[budgets][pyyaml]") {
  for (const char* refused :
       {"Image:\n  Os:\talinux2\n", "a: 1\t# c\n", "[a,\tb]\n", "a: b\t\n", "a: b\n  c\td\n", "a: |\n  x\n\ty\n"}) {
    INFO(refused);
    auto result = ParseYaml(refused);
    CHECK(Only(result).rule_id == ids::kSyntaxError);
    CHECK_THAT(Only(result).message, Contains("tab"));
  }
  auto os = ParseYaml("Image:\n  Os:\talinux2\n");
  CHECK(Only(os).range.begin == model::Position{2, 6});
  for (const char* accepted :
       {"a: \"x\ty\"\n", "a: 'x\ty'\n", "a: b #\tc\n", "# c\t\n", "a: |\n  x\t\n  \ty\n", "a: >\n  x\n\n  \ty\n"}) {
    INFO(accepted);
    CHECK(ParseYaml(accepted).diagnostics.empty());
  }
}

TEST_CASE("pyyaml: a reused anchor name is refused with both places", "[budgets][pyyaml]") {
  auto result = ParseYaml("a: &x 1\nb: &x 2\nc: *x\n");
  CHECK(Only(result).rule_id == ids::kSyntaxError);
  CHECK_THAT(Only(result).message, Contains("'&x' is already defined at line 1, column 4"));
  CHECK(Only(result).range.begin == model::Position{2, 4});
  REQUIRE(Only(result).notes.size() == 1);
  CHECK(Only(result).notes[0].position == model::Position{1, 4});
  // '&' inside a plain scalar or a quoted one is no anchor.
  CHECK(ParseYaml("a: x&x\nb: '&x'\nc: &x 1\n").diagnostics.empty());
}

TEST_CASE("pyyaml: lone CR line ends are line breaks", "[budgets][pyyaml]") {
  auto result = ParseYaml("a: 1\rb:\r  c: x\r");
  REQUIRE(result.diagnostics.empty());
  CHECK(model::ToJson(result.document.root) == nlohmann::json({{"a", 1}, {"b", {{"c", "x"}}}}));
  CHECK(model::FindByPointer(result.document.root, "/b/c")->range.begin == model::Position{3, 6});
}

TEST_CASE("pyyaml: a BOM after the start is part of the text", "[budgets][pyyaml]") {
  auto result = ParseYaml(
      "a: 1\n\xEF\xBB\xBF"
      "b: 2\n");
  REQUIRE(result.diagnostics.empty());
  CHECK(model::ToJson(result.document.root) == nlohmann::json({{"a", 1},
                                                               {"\xEF\xBB\xBF"
                                                                "b",
                                                                2}}));
}

TEST_CASE("pyyaml: integers beyond 64 bits stay integers, saturated", "[budgets][pyyaml]") {
  auto result = ParseYaml("a: 99999999999999999999\nb: -99999999999999999999\nc: 0xFFFFFFFFFFFFFFFFFFFF\n");
  REQUIRE(result.diagnostics.empty());
  const model::Node* a = model::FindByPointer(result.document.root, "/a");
  CHECK(a->kind == model::NodeKind::kInt);
  CHECK(a->int_value == INT64_MAX);
  CHECK(a->text == "99999999999999999999");
  CHECK(model::FindByPointer(result.document.root, "/b")->int_value == INT64_MIN);
  CHECK(model::FindByPointer(result.document.root, "/c")->kind == model::NodeKind::kInt);
}

TEST_CASE("reading: UTF-32 is named, and a .yaml starting with a bracket is YAML", "[budgets]") {
  auto utf32 = LoadText("a.yaml", std::string("\xFF\xFE\0\0a\0\0\0", 8));
  CHECK(Only(utf32).rule_id == ids::kInvalidEncoding);
  CHECK_THAT(Only(utf32).message, Contains("UTF-32"));
  auto utf32be = LoadText("a.yaml", std::string("\0\0\xFE\xFF\0\0\0a", 8));
  CHECK_THAT(Only(utf32be).message, Contains("UTF-32"));
  auto flow = LoadText("list.yaml", "[a, b]\n");
  CHECK(flow.document.format == model::Format::kYamlV3);
  CHECK(flow.document.root.kind == model::NodeKind::kSequence);
  CHECK(LoadText("old.yaml", "[global]\ncluster_template = default\n").document.format == model::Format::kIniV2);
}

TEST_CASE("pointer index: finds the first of duplicate keys, like FindByPointer", "[budgets]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  text += "k5: again\n";
  auto result = ParseYaml(text);
  model::PointerIndex index(result.document.root);
  const model::MapEntry* entry = nullptr;
  const model::Node* node = index.Find("/k5", &entry);
  REQUIRE(node);
  CHECK(node->int_value == 5);
  CHECK(entry->key_range.begin.line == 6);
  CHECK(index.Find("/k99")->int_value == 99);
  CHECK(index.Find("/missing") == nullptr);
  CHECK(index.Find("/k5") == model::FindByPointer(result.document.root, "/k5"));
}

}  // namespace
}  // namespace pcl::parsers
