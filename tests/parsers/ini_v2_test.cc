// Tests of the v2 INI front end against configparser's rules, fixtures and the shared corpus.
#include "parsers/ini_v2.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "generated/ids/input.h"
#include "test_support.h"

namespace pcl {
namespace {

using parsers::ParseResult;
using testing::ParseIni;

// The option's value as the model stores it, or "<absent>".
std::string Get(const ParseResult& r, const std::string& section, const std::string& option) {
  const model::Node* s = r.document.root.Find(section);
  const model::Node* o = s ? s->Find(option) : nullptr;
  return o ? o->text : "<absent>";
}

std::vector<model::Diagnostic> Findings(const ParseResult& r, const std::string& id) {
  std::vector<model::Diagnostic> out;
  for (const auto& d : r.diagnostics) {
    if (d.rule_id == id) out.push_back(d);
  }
  return out;
}

std::set<int> Lines(const ParseResult& r, const std::string& id) {
  std::set<int> lines;
  for (const auto& d : Findings(r, id)) lines.insert(d.range.begin.line);
  return lines;
}

// The corpus's shape: {"defaults": {...}, "sections": [{"name", "options"}]}.
nlohmann::json CorpusJson(const model::Document& doc) {
  nlohmann::json out = {{"defaults", nlohmann::json::object()}, {"sections", nlohmann::json::array()}};
  for (const auto& section : doc.root.entries) {
    nlohmann::json options = nlohmann::json::object();
    for (const auto& option : section.value.entries) options[option.key] = option.value.text;
    if (section.key == "DEFAULT") {
      out["defaults"] = options;
    } else {
      out["sections"].push_back({{"name", section.key}, {"options", options}});
    }
  }
  return out;
}

model::Position Pos(int line, int column) {
  return {line, column};
}

TEST_CASE("ini: '=' and ':' delimiters, the first one wins", "[ini]") {
  auto r = ParseIni("[s]\na = b:c\nd: e=f\nurl = http://x\ng:h = i\nstorage_capacity: 1200\n");
  CHECK(r.document.ok);
  CHECK(r.document.format == model::Format::kIniV2);
  CHECK(Get(r, "s", "a") == "b:c");
  CHECK(Get(r, "s", "d") == "e=f");
  CHECK(Get(r, "s", "url") == "http://x");
  CHECK(Get(r, "s", "g") == "h = i");
  CHECK(Get(r, "s", "storage_capacity") == "1200");
  CHECK(r.diagnostics.empty());
}

TEST_CASE("ini: option names are lower-cased, section names are not", "[ini]") {
  auto r = ParseIni("[Cluster default]\n  Key_Name   =   k1  \n");
  CHECK(Get(r, "Cluster default", "key_name") == "k1");
  CHECK(r.document.root.Find("cluster default") == nullptr);
  // Python lower-cases beyond ASCII too.
  CHECK(Get(ParseIni("[s]\n\xC3\x84x = 1\n"), "s", "\xC3\xA4x") == "1");
  // Header text is kept as written, spaces inside the brackets included.
  CHECK(Get(ParseIni("[ s ]\na=1\n"), " s ", "a") == "1");
}

TEST_CASE("ini: full-line and inline comments", "[ini]") {
  auto r = ParseIni(
      "# top\n[s] ; header note\n  ; indented\na = c5.xlarge # x\nb = v ;y\nc = k;x\nd = v#x\n"
      "e = v;x ;y #z\nf = # only a comment\n");
  CHECK(r.document.ok);
  CHECK(Get(r, "s", "a") == "c5.xlarge");
  CHECK(Get(r, "s", "b") == "v");
  CHECK(Get(r, "s", "c") == "k;x");
  CHECK(Get(r, "s", "d") == "v#x");
  // configparser stops at the first search round that finds a comment ('#'), missing ' ;y'.
  CHECK(Get(r, "s", "e") == "v;x ;y");
  CHECK(Get(r, "s", "f") == "");
}

TEST_CASE("ini: comments are recorded with position and own_line", "[ini]") {
  auto r = ParseIni("# top\n[s] ; header\n  ; indented  \na = 1 # tail\nb = k;x\n");
  const auto& c = r.document.comments;
  REQUIRE(c.size() == 4);
  CHECK((c[0].position == Pos(1, 1) && c[0].text == "# top" && c[0].own_line));
  CHECK((c[1].position == Pos(2, 5) && c[1].text == "; header" && !c[1].own_line));
  CHECK((c[2].position == Pos(3, 3) && c[2].text == "; indented" && c[2].own_line));
  CHECK((c[3].position == Pos(4, 7) && c[3].text == "# tail" && !c[3].own_line));
}

TEST_CASE("ini: continuation lines and blank lines inside values", "[ini]") {
  auto r = ParseIni(
      "[s]\na = 1\n  2\n\n  3\n\n\n[t]\nb =\n  x\nc = 1\n  # not a blank line\n  2\n"
      "d = x\n\tnested = y\n");
  CHECK(Get(r, "s", "a") == "1\n2\n\n3");  // inner blank kept, trailing blanks dropped
  CHECK(Get(r, "t", "b") == "\nx");        // empty first line still starts the value
  CHECK(Get(r, "t", "c") == "1\n2");
  CHECK(Get(r, "t", "d") == "x\nnested = y");
  CHECK(r.document.root.Find("t")->Find("nested") == nullptr);
}

TEST_CASE("ini: a bad line does not end the option before it", "[ini]") {
  // configparser keeps `optname` after a bad line, so the indented line still continues 'a'.
  auto r = ParseIni("[s]\na = 1\nbogus\n  cont\n");
  CHECK_FALSE(r.document.ok);
  CHECK(Lines(r, ids::kSyntaxError) == std::set<int>{3});
  CHECK(Get(r, "s", "a") == "1\ncont");
}

TEST_CASE("ini: header quirks of SECTCRE", "[ini]") {
  auto r = ParseIni("[a] trailing\nx=1\n[b]c]\ny=2\n");
  CHECK(Get(r, "a", "x") == "1");
  CHECK(Get(r, "b]c", "y") == "2");
  auto empty = ParseIni("[s]\n[]\n");
  CHECK(Lines(empty, ids::kSyntaxError) == std::set<int>{2});
}

TEST_CASE("ini: DEFAULT section options are visible in every section", "[ini]") {
  auto r = ParseIni("[DEFAULT]\nb = 1\na = 2\n[s]\nc = 3\na = 9\n[t]\n");
  CHECK(r.document.ok);
  const model::Node* s = r.document.root.Find("s");
  REQUIRE(s != nullptr);
  // items(section) order: defaults first (an override keeps the default's place).
  REQUIRE(s->entries.size() == 3);
  CHECK(s->entries[0].key == "b");
  CHECK((s->entries[1].key == "a" && s->entries[1].value.text == "9"));
  CHECK(s->entries[2].key == "c");
  CHECK(s->entries[1].key_range.begin == Pos(6, 1));  // the override as written
  CHECK(s->entries[0].key_range.begin == Pos(2, 1));  // the inherited one, in [DEFAULT]
  CHECK(Get(r, "t", "b") == "1");
  CHECK(Get(r, "DEFAULT", "a") == "2");
  CHECK(CorpusJson(r.document) == nlohmann::json::parse(R"({"defaults":{"a":"2","b":"1"},
      "sections":[{"name":"s","options":{"a":"9","b":"1","c":"3"}},{"name":"t",
      "options":{"a":"2","b":"1"}}]})"));
  // Two [DEFAULT] headers are merged without complaint.
  auto twice = ParseIni("[DEFAULT]\na=1\n[s]\n[DEFAULT]\nb=2\n");
  CHECK(twice.diagnostics.empty());
  CHECK(Get(twice, "s", "b") == "2");
}

TEST_CASE("ini: BasicInterpolation", "[ini]") {
  auto r = ParseIni(
      "[DEFAULT]\ndir = /opt\n[s]\nname = App\npath = %(dir)s/%(NAME)s\npct = 50%%\n"
      "nested = %(path)s/bin\n");
  CHECK(r.diagnostics.empty());
  CHECK(Get(r, "s", "path") == "/opt/App");
  CHECK(Get(r, "s", "pct") == "50%");
  CHECK(Get(r, "s", "nested") == "/opt/App/bin");
  // A default that refers to a section's own option is resolved per section.
  auto per = ParseIni("[DEFAULT]\nlog = %(name)s.log\n[a]\nname = x\n[b]\nname = y\n");
  CHECK(Get(per, "a", "log") == "x.log");
  CHECK(Get(per, "b", "log") == "y.log");
  CHECK(per.diagnostics.empty());  // [DEFAULT] alone misses 'name'; only sections read it
}

TEST_CASE("ini: interpolation errors are findings at the value", "[ini]") {
  auto r = ParseIni("[s]\nlone = 50% off\nmissing = %(nope)s\nloop = %(loop)s\nbad = %(x\n");
  CHECK(r.document.ok);  // configparser raises only when the value is read
  auto found = Findings(r, ids::kInvalidInterpolation);
  REQUIRE(found.size() == 4);
  CHECK(found[0].range.begin == Pos(2, 8));
  CHECK(found[0].pointer == "/s/lone");
  CHECK_THAT(found[0].message, Catch::Contains("'% off'"));
  CHECK_THAT(found[1].message, Catch::Contains("'nope'"));
  CHECK_THAT(found[2].message, Catch::Contains("deeper than 10"));
  CHECK_THAT(found[3].message, Catch::Contains("'%(x'"));
  CHECK(Get(r, "s", "lone") == "50% off");  // raw text kept
  // A bad default is reported once, not once per section reading it.
  auto once = ParseIni("[DEFAULT]\np = 5%\n[a]\n[b]\n");
  CHECK(Findings(once, ids::kInvalidInterpolation).size() == 1);
}

TEST_CASE("ini: interpolation fan-out stops at a budget instead of hanging", "[ini]") {
  std::string text = "[s]\nz = x\n";
  std::string refs;  // each level refers 50 times to the one before: 50^9 bytes in the end
  for (int i = 0; i < 50; ++i) refs += "%(z)s";
  for (char level = 'a'; level < 'j'; ++level) {
    text += std::string(1, level) + " = " + refs + "\n";
    std::replace(refs.begin(), refs.end(), static_cast<char>(level == 'a' ? 'z' : level - 1), level);
  }
  auto r =
      parsers::ParseIniV2(std::make_shared<model::SourceFile>("t.ini", text), parsers::ParseLimits{.max_bytes = 1024});
  CHECK(Findings(r, ids::kInputLimitExceeded).size() == 1);
  CHECK_FALSE(r.document.ok);
}

TEST_CASE("ini: duplicate option and section name both lines", "[ini]") {
  auto r = ParseIni("[s]\nkey_name = a\nKey_Name = b\n  more\n[t]\n[s]\nkey_name = c\n");
  CHECK_FALSE(r.document.ok);
  auto options = Findings(r, ids::kDuplicateKey);
  REQUIRE(options.size() == 2);
  CHECK(options[0].range.begin == Pos(3, 1));
  CHECK_THAT(options[0].message, Catch::Contains("line 3") && Catch::Contains("line 2"));
  CHECK(options[0].notes.at(0).position == Pos(2, 1));
  CHECK_THAT(options[1].message, Catch::Contains("line 7") && Catch::Contains("line 2"));
  auto sections = Findings(r, ids::kDuplicateSection);
  REQUIRE(sections.size() == 1);
  CHECK_THAT(sections[0].message, Catch::Contains("line 6") && Catch::Contains("line 1"));
  CHECK(Get(r, "s", "key_name") == "a");       // the first value stands
  CHECK(Lines(r, ids::kSyntaxError).empty());  // "  more" went with the duplicate
}

TEST_CASE("ini: text before the first section header", "[ini]") {
  auto r = ParseIni("# fine\n\nkey = value\nother = 1\n[s]\na = 1\n");
  CHECK_FALSE(r.document.ok);
  auto found = Findings(r, ids::kSyntaxError);
  REQUIRE(found.size() == 1);  // one problem, reported once
  CHECK(found[0].range.begin == Pos(3, 1));
  CHECK_THAT(found[0].message, Catch::Contains("'key = value'"));
  CHECK(Get(r, "s", "a") == "1");
}

TEST_CASE("ini: every bad line is reported, like configparser's ParsingError", "[ini]") {
  auto r = ParseIni("[s]\na = 1\n${USE_PUBLIC_IPS}\nb = 2\n= orphan\n  indented # c\n");
  CHECK_FALSE(r.document.ok);
  CHECK(Lines(r, ids::kSyntaxError) == std::set<int>{3, 5, 6});
  auto found = Findings(r, ids::kSyntaxError);
  CHECK(found[0].message == "line is neither a section header, an option nor a comment: '${USE_PUBLIC_IPS}'");
  CHECK(found[0].range.end == Pos(3, 18));
  CHECK_THAT(found[1].message, Catch::Contains("option name missing"));
  CHECK(Get(r, "s", "b") == "2");
  CHECK(r.document.root.Find("s")->entries.size() == 2);
}

TEST_CASE("ini: empty values", "[ini]") {
  auto r = ParseIni("[s]\na =\nb:   \nc = # comment\n");
  CHECK(r.document.ok);
  CHECK(Get(r, "s", "a") == "");
  CHECK(Get(r, "s", "b") == "");
  CHECK(Get(r, "s", "c") == "");
}

TEST_CASE("ini: CRLF, lone CR and a UTF-8 BOM", "[ini]") {
  auto crlf = ParseIni("[s]\r\na = 1\r\n  2\r\n\r\nb = x # c\r\n");
  CHECK(Get(crlf, "s", "a") == "1\n2");
  CHECK(Get(crlf, "s", "b") == "x");
  CHECK(crlf.document.comments.at(0).text == "# c");
  CHECK(Get(ParseIni("[s]\ra = 1\r  2\r"), "s", "a") == "1\n2");
  auto bom = ParseIni("\xEF\xBB\xBF[s]\na = 1\n");
  CHECK(bom.document.ok);
  CHECK(Get(bom, "s", "a") == "1");
  // Unicode whitespace strips like Python's str.strip().
  CHECK(Get(ParseIni("[s]\na = \xC2\xA0v\xC2\xA0\n"), "s", "a") == "v");
}

TEST_CASE("ini: positions of sections, keys and values", "[ini]") {
  auto r = ParseIni("[cluster default]\n  Key_Name = my key  # c\nextra = {\n    \"a\": 1\n  }\n\n");
  const model::MapEntry& section = r.document.root.entries.at(0);
  CHECK(section.key == "cluster default");
  CHECK(section.key_range == model::Range{Pos(1, 2), Pos(1, 17)});
  CHECK(section.value.range == model::Range{Pos(1, 1), Pos(1, 18)});
  const model::MapEntry& key = section.value.entries.at(0);
  CHECK(key.key_range == model::Range{Pos(2, 3), Pos(2, 11)});
  CHECK(key.value.range == model::Range{Pos(2, 14), Pos(2, 20)});
  const model::MapEntry& multi = section.value.entries.at(1);
  CHECK(multi.value.text == "{\n\"a\": 1\n}");
  CHECK(multi.value.range == model::Range{Pos(3, 9), Pos(5, 4)});
  CHECK(multi.value.kind == model::NodeKind::kString);
}

TEST_CASE("ini: hostile bytes never throw", "[ini]") {
  using namespace std::string_literals;
  std::string text = "[s]\na = \xFF\xFE\x80 %(\n\xC3[\x00]\n\t\t\xE2\x80\xA8 = ;;\n"s;
  text += std::string(2000, '[') + "\n" + std::string(3000, ' ') + "#\n";
  CHECK_NOTHROW(ParseIni(text));
  CHECK_NOTHROW(ParseIni(std::string("\xEF\xBB")));
  CHECK(ParseIni("").document.ok);
}

// fixtures/parse/ini/<case>.ini → <case>.expected: the findings, then the data as JSON.
// UPDATE_EXPECTED=1 rewrites the expected files.
TEST_CASE("ini: fixtures", "[ini]") {
  const std::string dir = testing::SourceDir() + "/fixtures/parse/ini";
  int count = 0;
  for (const std::string& path : testing::ListFiles(dir, ".ini")) {
    auto r = parsers::ParseIniV2(std::make_shared<model::SourceFile>("input.ini", testing::ReadFile(path)));
    const std::string actual = testing::FormatFindings(r.diagnostics) + CorpusJson(r.document).dump(1) + "\n";
    const std::string expected_path = path.substr(0, path.size() - 4) + ".expected";
    if (std::getenv("UPDATE_EXPECTED") != nullptr) std::ofstream(expected_path) << actual;
    INFO(path);
    CHECK(actual == testing::ReadFile(expected_path));
    ++count;
  }
  CHECK(count >= 1);
}

// Every v2 INI file of the shared corpus against what Python's configparser read from it.
TEST_CASE("ini: corpus agrees with configparser", "[ini][corpus]") {
  auto corpus = testing::CorpusDir();
  if (!corpus) {
    testing::ReportSkipped("no ../shared/corpus beside the repository");
    return;
  }
  int compared = 0;
  int equal = 0;
  for (const auto& [dir, parsed] : {std::pair{"/v2/", "/v2-parsed/"}, std::pair{"/v2-real/", "/v2-real-parsed/"}}) {
    const std::string root = *corpus + dir;
    for (const std::string& path : testing::ListFiles(root, ".ini")) {
      const std::string rel = path.substr(root.size(), path.size() - root.size() - 4);
      const nlohmann::json want = nlohmann::json::parse(testing::ReadFile(*corpus + parsed + rel + ".json"));
      auto r = parsers::ParseIniV2(std::make_shared<model::SourceFile>(path, testing::ReadFile(path)));
      bool same;
      if (want.contains("error")) {
        std::set<int> lines;  // Python writes "[line %2d]" for each bad line
        const std::string message = want["message"];
        for (size_t at = message.find("[line "); at != std::string::npos; at = message.find("[line ", at + 1)) {
          lines.insert(std::atoi(message.c_str() + message.find_first_not_of(' ', at + 6)));
        }
        same = !r.document.ok && !lines.empty() && Lines(r, ids::kSyntaxError) == lines;
      } else {
        same = r.document.ok && CorpusJson(r.document) == want;
      }
      INFO(path);
      CHECK(same);
      ++compared;
      equal += same ? 1 : 0;
    }
  }
  std::cout << "ini corpus: " << compared << " files compared, " << equal << " equal" << std::endl;
  CHECK(compared > 0);
}

}  // namespace
}  // namespace pcl
