// Property test of the writer against the reader: every string, written as a value and as a key,
// reads back through the YAML front end as that same string (never a bool, number, null or date).
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "migrate/round_trip.h"
#include "migrate/yaml_emit.h"

namespace pcl::migrate {
namespace {

// What YAML 1.1 reads as something other than a string, what the writer must escape or fold, and
// ordinary text between them.
const std::vector<std::string>& Fragments() {
  static const std::vector<std::string> kFragments = {
      "yes",
      "No",
      "on",
      "OFF",
      "true",
      "y",
      "null",
      "~",
      "0x1F",
      "0b101",
      "1_000",
      "0o17",
      "010",
      "08",
      "1e3",
      "1.0e+3",
      "1.5",
      ".5",
      "-.5",
      ".inf",
      "-.Inf",
      ".NaN",
      "2001-12-14",
      "2001-1-2 3:04:05",
      "12:30:45",
      "1:30.5",
      "_1:00.5",
      "=",
      "<<",
      "!",
      "&",
      "*",
      " ",
      "  ",
      "#",
      " #",
      ": ",
      ":",
      "- ",
      "-",
      "? ",
      "?",
      "'",
      "\"",
      "\\",
      "\t",
      "\n",
      "\r",
      "\r\n",
      "---",
      "...",
      "%",
      "@",
      "`",
      "|",
      ">",
      ",",
      "[",
      "]",
      "{",
      "}",
      "0",
      "1",
      "9",
      ".",
      "_",
      "e",
      "E",
      "+",
      "a",
      "Z",
      "c5.xlarge",
      "s3://b/k",
      "caf\xC3\xA9",
      "\xE2\x86\x92",
      "\xF0\x9F\x98\x80",
      "\xC2\x85",
      "\xC2\xA0",
      "\xE2\x80\xA8",
      "\xEF\xBB\xBF",
      std::string(1, '\0'),
      "\x01",
      "\x1B",
      "\x7F",
      "word",
      "two words",
  };
  return kFragments;
}

// The fragments alone, then pairs, then seeded random concatenations (some long enough to fold).
std::vector<std::string> Samples() {
  std::vector<std::string> out = {""};
  const auto& fragments = Fragments();
  for (const std::string& a : fragments) {
    out.push_back(a);
    for (const char* b : {" ", "a", "0", ":", "\n", "'"}) {
      out.push_back(a + b);
      out.push_back(b + a);
    }
  }
  std::mt19937 random(20261206);  // fixed seed: a failure reproduces
  for (int i = 0; i < 4000; ++i) {
    std::string s;
    const size_t parts = 1 + random() % (i % 10 == 0 ? 60 : 6);
    for (size_t p = 0; p < parts; ++p) s += fragments[random() % fragments.size()];
    out.push_back(s);
  }
  for (int words : {20, 40, 80}) {  // long prose folds at width 80; keys never fold
    std::string s;
    for (int w = 0; w < words; ++w) s += (w ? " " : "") + std::string(1 + w % 9, 'a' + w % 26);
    out.push_back(s);
  }
  return out;
}

std::string Visible(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c >= 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// The byte offset of a 1-based line and column (the emitted YAML is ASCII).
size_t OffsetOf(const std::string& text, model::Position where) {
  size_t offset = 0;
  for (int line = 1; line < where.line; ++line) offset = text.find('\n', offset) + 1;
  return offset + where.column - 1;
}

TEST_CASE("every string the writer writes reads back as that string, as a value and as a key", "[migrate][yaml11]") {
  size_t checked = 0;
  for (const std::string& s : Samples()) {
    INFO("string: " << Visible(s));
    OutNode as_value = OutNode::Map();
    as_value.Set("K", OutNode::String(s));
    const std::string value_yaml = EmitYaml(as_value);
    INFO("as a value:\n" << value_yaml);
    CHECK(roundtrip::ReadBackDifference(as_value, value_yaml) == "");

    OutNode as_key = OutNode::Map();
    as_key.Set(s, OutNode::String("v"));
    const std::string key_yaml = EmitYaml(as_key);
    INFO("as a key:\n" << key_yaml);
    CHECK(roundtrip::ReadBackDifference(as_key, key_yaml) == "");
    // The front end keeps a key's text only; its type shows when the key as written is read as a value.
    auto parsed = parsers::ParseYamlV3(std::make_shared<model::SourceFile>("key.yaml", key_yaml));
    // (Only where the key's end is exact: a folded plain key, long prose, ends at an estimate.)
    const auto& entries = parsed.document.root.entries;
    const bool quoted =
        key_yaml[0] == '\'' || key_yaml[0] == '"' || key_yaml.rfind("? '", 0) == 0 || key_yaml.rfind("? \"", 0) == 0;
    if (entries.size() == 1 && (quoted || entries[0].key_range.begin.line == entries[0].key_range.end.line)) {
      const model::Range key_range = entries[0].key_range;
      const size_t begin = OffsetOf(key_yaml, key_range.begin), end = OffsetOf(key_yaml, key_range.end);
      const std::string written_key = key_yaml.substr(begin, end - begin);
      OutNode key_as_value = OutNode::Map();
      key_as_value.Set("K", OutNode::String(s));
      CHECK(roundtrip::ReadBackDifference(key_as_value, "K: " + written_key + "\n") == "");
    }
    ++checked;
  }
  CHECK(checked > 5000);
}

TEST_CASE("the writer quotes exactly what the resolver reads as another type", "[migrate][yaml11]") {
  // Each YAML 1.1 tag other than str, as PyYAML's dumper writes it (checked with PyYAML 6.0).
  CHECK(EmitYaml([] {
          OutNode m = OutNode::Map();
          m.Set("K", OutNode::String("2001-12-14 21:59:43.10 -5"));
          return m;
        }()) == "K: '2001-12-14 21:59:43.10 -5'\n");
  CHECK(ChooseStyle("2001-1-2 3:04:05") == ScalarStyle::kSingleQuoted);
  CHECK(ChooseStyle("2001-1-2") == ScalarStyle::kPlain);  // the date alone needs two-digit fields
  CHECK(ChooseStyle("_1:00.5") == ScalarStyle::kPlain);   // no number starts with '_'
  CHECK(ChooseStyle("1:00.5") == ScalarStyle::kSingleQuoted);
  CHECK(ChooseStyle("=") == ScalarStyle::kSingleQuoted);
  CHECK(ChooseStyle("<<") == ScalarStyle::kSingleQuoted);
}

TEST_CASE("keys are written like PyYAML writes them", "[migrate]") {
  auto dump_key = [](const std::string& key) {
    OutNode root = OutNode::Map();
    root.Set(key, OutNode::Int(1));
    return EmitYaml(root);
  };
  CHECK(dump_key("Name") == "Name: 1\n");
  CHECK(dump_key("yes") == "'yes': 1\n");
  CHECK(dump_key("") == "? ''\n: 1\n");
  CHECK(dump_key("a\nb") == "? 'a\n\n  b'\n: 1\n");
  CHECK(dump_key(std::string(130, 'x')) == "? " + std::string(130, 'x') + "\n: 1\n");
  // A simple key never folds, however long its line.
  const std::string long_key = "a " + std::string(90, 'b') + " c";
  CHECK(dump_key(long_key) == long_key + ": 1\n");
}

}  // namespace
}  // namespace pcl::migrate
