// Tests of the v2 TOML front end: both table shapes, value text, findings, positions, comments.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "generated/ids/input.h"
#include "parsers/ini_v2.h"
#include "parsers/toml_v2.h"
#include "test_support.h"

namespace pcl {
namespace {

using model::Position;
using model::Range;
using parsers::ParseResult;
using testing::FormatFindings;
using testing::ParseToml;

// The option's text as the model stores it, or "<absent>".
std::string Get(const ParseResult& r, const std::string& section, const std::string& option) {
  const model::Node* s = r.document.root.Find(section);
  const model::Node* o = s ? s->Find(option) : nullptr;
  return o ? o->text : "<absent>";
}

std::vector<std::string> SectionNames(const ParseResult& r) {
  std::vector<std::string> names;
  for (const auto& entry : r.document.root.entries) names.push_back(entry.key);
  return names;
}

std::vector<model::Diagnostic> Findings(const ParseResult& r, const std::string& id) {
  std::vector<model::Diagnostic> out;
  for (const auto& d : r.diagnostics) {
    if (d.rule_id == id) out.push_back(d);
  }
  return out;
}

// Sections and options in file order, for golden files.
nlohmann::ordered_json OrderedJson(const model::Node& root) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& section : root.entries) {
    out[section.key] = nlohmann::ordered_json::object();
    for (const auto& option : section.value.entries) out[section.key][option.key] = option.value.text;
  }
  return out;
}

TEST_CASE("toml: dotted tables become 'type label' sections in file order", "[toml]") {
  auto r = ParseToml(
      "[aws]\naws_region_name = \"us-east-1\"\n[global]\ncluster_template = \"default\"\n"
      "[cluster.default]\nkey_name = \"k\"\n[vpc.public]\nvpc_id = \"vpc-1\"\n[queue.q1]\n"
      "[aliases]\nssh = \"ssh {CFN_USER}@{MASTER_IP}\"\n");
  REQUIRE(r.diagnostics.empty());
  CHECK(r.document.ok);
  CHECK(r.document.format == model::Format::kTomlV2);
  CHECK(SectionNames(r) ==
        std::vector<std::string>{"aws", "global", "cluster default", "vpc public", "queue q1", "aliases"});
  CHECK(Get(r, "cluster default", "key_name") == "k");
  CHECK(Get(r, "vpc public", "vpc_id") == "vpc-1");
  CHECK(r.document.root.Find("queue q1")->entries.empty());
  // An explicit [cluster] with options of its own is a section too, apart from [cluster.x].
  auto both = ParseToml("[cluster.x]\na = 1\n[cluster]\nb = 2\n");
  CHECK(SectionNames(both) == std::vector<std::string>{"cluster x", "cluster"});
}

TEST_CASE("toml: quoted keys name sections as v2 writes them", "[toml]") {
  auto r = ParseToml("[\"cluster default\"]\nkey_name = \"k\"\n['vpc public']\nvpc_id = 'v'\n[\"aws\"]\n");
  REQUIRE(r.diagnostics.empty());
  CHECK(SectionNames(r) == std::vector<std::string>{"cluster default", "vpc public", "aws"});
  CHECK(Get(r, "vpc public", "vpc_id") == "v");
  // Section names keep their case, as configparser's do.
  CHECK(SectionNames(ParseToml("[Cluster.Default]\n")) == std::vector<std::string>{"Cluster Default"});
}

TEST_CASE("toml: arrays become comma lists", "[toml]") {
  auto r = ParseToml(
      "[cluster.default]\nqueue_settings = [\"q1\", \"q2\"]\nebs_settings = [\n  \"a\",  # first\n"
      "  \"b\",\n]\none = [\"only\"]\nnone = []\nmixed = [1, true, 'x', 2.5]\n");
  REQUIRE(r.diagnostics.empty());
  CHECK(Get(r, "cluster default", "queue_settings") == "q1, q2");
  CHECK(Get(r, "cluster default", "ebs_settings") == "a, b");
  CHECK(Get(r, "cluster default", "one") == "only");
  CHECK(Get(r, "cluster default", "none") == "");
  CHECK(Get(r, "cluster default", "mixed") == "1, true, x, 2.5");
}

TEST_CASE("toml: booleans, integers, floats and strings become v2 text", "[toml]") {
  auto r = ParseToml(
      "[s]\nt = true\nf = false\ni = 42\nneg = -7\nplus = +5\nhex = 0x1F\noct = 0o17\nbin = 0b101\n"
      "under = 1_000\nx = 1.5\ny = 1e3\nz = 0.40\nbig = 1_000.25\nbasic = \"a\\tb\"\nlit = 'C:\\dir'\n"
      "ml = \"\"\"\nline1\nline2\"\"\"\nstr_true = \"true\"\n");
  REQUIRE(r.diagnostics.empty());
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"t", "true"},          {"f", "false"},      {"i", "42"},        {"neg", "-7"},     {"plus", "5"},
      {"hex", "31"},          {"oct", "15"},       {"bin", "5"},       {"under", "1000"}, {"x", "1.5"},
      {"y", "1e3"},           {"z", "0.40"},       {"big", "1000.25"}, {"basic", "a\tb"}, {"lit", "C:\\dir"},
      {"ml", "line1\nline2"}, {"str_true", "true"}};
  for (const auto& [key, text] : expected) {
    INFO(key);
    CHECK(Get(r, "s", key) == text);
    CHECK(r.document.root.Find("s")->Find(key)->kind == model::NodeKind::kString);
  }
  CHECK(r.document.root.Find("s")->Find("basic")->style == model::ScalarStyle::kDoubleQuoted);
  CHECK(r.document.root.Find("s")->Find("lit")->style == model::ScalarStyle::kSingleQuoted);
  CHECK(r.document.root.Find("s")->Find("t")->style == model::ScalarStyle::kPlain);
}

TEST_CASE("toml: option names are lower-cased, case twins are duplicates", "[toml]") {
  auto r = ParseToml("[cluster.default]\nKey_Name = \"a\"\nBASE_OS = \"alinux2\"\nkey_name = \"b\"\n");
  CHECK(r.document.ok);
  CHECK(Get(r, "cluster default", "key_name") == "a");  // the first one stands
  CHECK(Get(r, "cluster default", "base_os") == "alinux2");
  auto dups = Findings(r, ids::kDuplicateKey);
  REQUIRE(dups.size() == 1);
  CHECK(dups[0].range.begin == Position{4, 1});
  CHECK_THAT(dups[0].message, Catch::Contains("line 4") && Catch::Contains("line 2"));
  CHECK(dups[0].notes.at(0).position == Position{2, 1});
}

TEST_CASE("toml: nesting has no v2 form and is a finding", "[toml]") {
  auto r = ParseToml(
      "[cluster.default]\ntags = { a = 1 }\ndotted.key = 2\nlists = [[1], 2]\nok = 1\n"
      "[cluster.default.extra]\nx = 1\n[\"vpc public\".sub]\n[[queue]]\nname = \"q\"\n"
      "stray = 1\n");
  CHECK(r.document.ok);  // valid TOML: findings, not a failure
  CHECK(Get(r, "cluster default", "ok") == "1");
  CHECK(Get(r, "cluster default", "tags") == "<absent>");
  CHECK(FormatFindings(r.diagnostics) ==
        "2:8 PCL0001 option 'tags' holds a table; v2 options are single values\n"
        "3:1 PCL0001 option 'dotted' holds a table; v2 options are single values\n"
        "4:10 PCL0001 option 'lists' nests a list in a list; v2 lists are flat\n"
        "6:1 PCL0001 [cluster.default.extra] nests too deep; v2 sections are [type.label]\n"
        "8:1 PCL0001 [\"vpc public\".sub] nests too deep; v2 sections are [type.label]\n"
        "9:1 PCL0001 [[queue]] (an array of tables) has no v2 form; use [type.label] tables\n");
  auto outside = ParseToml("region = \"x\"\n[aws]\n");
  CHECK(FormatFindings(outside.diagnostics) ==
        "1:1 PCL0001 option 'region' is outside any section; v2 options belong under a [section]\n");
}

TEST_CASE("toml: one section written in both shapes names both lines", "[toml]") {
  auto r = ParseToml("[cluster.default]\nkey_name = \"a\"\n\n[\"cluster default\"]\nkey_name = \"b\"\n");
  CHECK(r.document.ok);
  auto dups = Findings(r, ids::kDuplicateSection);
  REQUIRE(dups.size() == 1);
  CHECK(dups[0].message == "duplicate section [cluster default] at line 4 (first defined at line 1)");
  CHECK(dups[0].range == Range{{4, 1}, {4, 20}});
  CHECK(dups[0].notes.at(0).position == Position{1, 1});
  CHECK(dups[0].file == "test.toml");
  CHECK(Get(r, "cluster default", "key_name") == "a");
}

TEST_CASE("toml: invalid TOML is one plain finding at the right spot", "[toml]") {
  struct Case {
    const char* text;
    const char* finding;
  };
  const Case cases[] = {
      {"[aws]\nkey_name = mykey\n", "2:12 PCL0001 invalid value: text values need quotes (key = \"text\")\n"},
      {"[aws]\nregion\n", "2:7 PCL0001 expected '=' after the key\n"},
      {"[aws]\na = \"open\nb = 1\n", "2:5 PCL0001 unterminated or invalid string\n"},
      {"[aws]\na = 1\nb = 2\na = 3\n", "4:5 PCL0003 key 'a' is defined twice\n"},
      {"[aws]\n[global]\n[aws]\n", "3:1 PCL0004 table [aws] is defined twice\n"},
      {"[s]\n\nd = 1979-02-30\n", "3:15 PCL0001 invalid TOML: invalid date: it does not conform RFC3339\n"},
      {"[s]\na = [1,\n2\n", "4:1 PCL0001 invalid TOML: missing array separator `,` after a value\n"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto r = ParseToml(c.text);
    CHECK_FALSE(r.document.ok);
    CHECK(FormatFindings(r.diagnostics) == c.finding);
    CHECK(r.diagnostics.at(0).file == "test.toml");
  }
  auto dup = ParseToml("[aws]\na = 1\nb = 2\na = 3\n");
  CHECK(dup.diagnostics.at(0).range == Range{{4, 5}, {4, 6}});
  CHECK(dup.diagnostics.at(0).notes.at(0).position == Position{2, 5});
}

TEST_CASE("toml: positions of sections, keys and values", "[toml]") {
  auto r = ParseToml("# c\n[cluster.default]\n  Key_Name   =   \"my key\"  # c\nq = [\n  \"a\",\n]\n[\"vpc x\"]\n");
  REQUIRE(r.diagnostics.empty());
  const model::MapEntry& section = r.document.root.entries.at(0);
  // As the INI reader: the key is the name inside the brackets, the value range the header.
  CHECK(section.key_range == Range{{2, 2}, {2, 17}});
  CHECK(section.value.range == Range{{2, 1}, {2, 18}});
  const model::MapEntry& key = section.value.entries.at(0);
  CHECK(key.key_range == Range{{3, 3}, {3, 11}});
  CHECK(key.value.range == Range{{3, 18}, {3, 26}});
  CHECK(section.value.entries.at(1).value.range == Range{{4, 5}, {6, 2}});
  CHECK(r.document.root.entries.at(1).key_range == Range{{7, 2}, {7, 9}});
}

TEST_CASE("toml: comments are recorded with position and own_line", "[toml]") {
  auto r = ParseToml(
      "# top\n[s]  # after header\na = \"x # no\"  # real\nb = 'y # no'\nc = \"\"\"\n# no\n\"\"\" # yes\n"
      "d = [  # in list\n  1, # item\n]\n    # indented\r\ne = \"\\\"#\" # after escape\n");
  REQUIRE(r.document.ok);
  std::vector<std::tuple<int, int, std::string, bool>> got;
  for (const auto& c : r.document.comments) {
    got.emplace_back(c.position.line, c.position.column, c.text, c.own_line);
  }
  CHECK(got == std::vector<std::tuple<int, int, std::string, bool>>{{1, 1, "# top", true},
                                                                    {2, 6, "# after header", false},
                                                                    {3, 15, "# real", false},
                                                                    {7, 5, "# yes", false},
                                                                    {8, 8, "# in list", false},
                                                                    {9, 6, "# item", false},
                                                                    {11, 5, "# indented", true},
                                                                    {12, 11, "# after escape", false}});
  CHECK(Get(r, "s", "a") == "x # no");
}

TEST_CASE("toml: DEFAULT section options show in every section, as configparser's", "[toml]") {
  auto r = ParseToml("[DEFAULT]\nb = 1\na = 2\n[s]\nc = 3\na = 9\n[t]\n");
  REQUIRE(r.diagnostics.empty());
  const model::Node* s = r.document.root.Find("s");
  REQUIRE(s->entries.size() == 3);
  CHECK(s->entries[0].key == "b");
  CHECK((s->entries[1].key == "a" && s->entries[1].value.text == "9"));
  CHECK(s->entries[2].key == "c");
  CHECK(Get(r, "t", "a") == "2");
  CHECK(r.document.root.Find("DEFAULT")->entries.size() == 2);
}

TEST_CASE("toml: hostile input is bounded and never throws", "[toml]") {
  using namespace std::string_literals;
  auto start = std::chrono::steady_clock::now();
  auto deep = ParseToml("[s]\na = " + std::string(100000, '[') + std::string(100000, ']') + "\n");
  CHECK(Findings(deep, ids::kInputLimitExceeded).size() == 1);  // toml11 alone overflows the stack
  std::string inline_deep = "[s]\na = ";
  for (int i = 0; i < 30000; ++i) inline_deep += "[{b = ";
  CHECK(Findings(ParseToml(inline_deep + "\n"), ids::kInputLimitExceeded).size() == 1);
  CHECK_FALSE(ParseToml("[s]\na = " + std::string(50000, '{') + "\n").document.ok);
  std::string dotted = "a";
  for (int i = 0; i < 100000; ++i) dotted += ".a";
  CHECK(Findings(ParseToml(dotted + " = 1\n"), ids::kInputLimitExceeded).size() == 1);
  CHECK(Findings(ParseToml("[" + dotted + "]\n"), ids::kInputLimitExceeded).size() == 1);
  std::string wide = "[s]\na = [";
  for (int i = 0; i < 2000000; ++i) wide += "1,";
  CHECK(Findings(ParseToml(wide + "]\n"), ids::kInputLimitExceeded).size() == 1);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  // A healthy long list still parses.
  std::string list = "[s]\na = [";
  for (int i = 0; i < 5000; ++i) list += "\"q\",";
  CHECK(ParseToml(list + "]\n").document.ok);
  for (const std::string& text :
       {"\xFF\xFE\x00["s, "[s]\na = \"\\u"s, "a = \"\"\"\n"s, "[s]\na = 99999999999999999999\n"s,
        "\xEF\xBB\xBF[s]\na = 1\n"s, "["s, "]]]"s, "a = {"s, "= 1"s, ""s, "[s]\na = 1e999\n"s}) {
    INFO(text);
    CHECK_NOTHROW(ParseToml(text));
  }
  CHECK(ParseToml("").document.ok);
  CHECK(ParseToml("# only a comment").document.comments.size() == 1);
}

// A hand-written TOML and the INI it stands for read to the same data.
TEST_CASE("toml: same data as the equivalent INI", "[toml]") {
  const std::string ini =
      "[aws]\naws_region_name = us-east-1\n[cluster default]\nkey_name = k\nqueue_settings = q1, q2\n"
      "spot_price = 1.5\nmax_count = 10\nencrypted = true\n[queue q1]\ncompute_type = spot\n";
  const std::string toml =
      "[aws]\naws_region_name = \"us-east-1\"\n[cluster.default]\nKey_Name = \"k\"\n"
      "queue_settings = [\"q1\", \"q2\"]\nspot_price = 1.5\nmax_count = 10\nencrypted = true\n"
      "[\"queue q1\"]\ncompute_type = 'spot'\n";
  auto from_ini = testing::ParseIni(ini);
  if (!from_ini.document.ok) {
    testing::ReportSkipped("ini parser not ready");
    return;
  }
  auto from_toml = ParseToml(toml);
  REQUIRE(from_toml.diagnostics.empty());
  CHECK(model::ToJson(from_toml.document.root) == model::ToJson(from_ini.document.root));
  // The fixture twin of the v2 example config.
  const std::string dir = testing::SourceDir() + "/fixtures/";
  auto example = parsers::ParseIniV2(
      std::make_shared<model::SourceFile>("cluster.ini", testing::ReadFile(dir + "examples/v2/cluster.ini")));
  auto twin = parsers::ParseTomlV2(
      std::make_shared<model::SourceFile>("cluster.toml", testing::ReadFile(dir + "parse/toml/cluster.toml")));
  REQUIRE(twin.diagnostics.empty());
  CHECK(model::ToJson(twin.document.root) == model::ToJson(example.document.root));
}

// fixtures/parse/toml/<case>.toml → <case>.expected: the findings, then sections in file order.
// UPDATE_EXPECTED=1 rewrites the expected files.
TEST_CASE("toml: fixtures", "[toml]") {
  int count = 0;
  for (const std::string& path : testing::ListFiles(testing::SourceDir() + "/fixtures/parse/toml", ".toml")) {
    auto r = parsers::ParseTomlV2(std::make_shared<model::SourceFile>("input.toml", testing::ReadFile(path)));
    const std::string actual = FormatFindings(r.diagnostics) + OrderedJson(r.document.root).dump(1) + "\n";
    const std::string expected_path = path.substr(0, path.size() - 5) + ".expected";
    if (std::getenv("UPDATE_EXPECTED") != nullptr) std::ofstream(expected_path) << actual;
    INFO(path);
    CHECK(r.document.ok);
    CHECK(actual == testing::ReadFile(expected_path));
    ++count;
  }
  CHECK(count >= 3);
}

}  // namespace
}  // namespace pcl
