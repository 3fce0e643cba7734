// The pattern engine (core/regex.h) against std::regex: same search verdicts on every bundled
// pattern and on generated ones; what it leaves to std::regex; no exponential backtracking.
#include <catch2/catch.hpp>

#include <random>
#include <regex>
#include <set>

#include "core/regex.h"
#include "schema/schema_store.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

using core::Regex;

void CollectPatterns(const nlohmann::json& value, std::set<std::string>& out) {
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      if (key == "pattern" && child.is_string()) out.insert(child.get<std::string>());
      CollectPatterns(child, out);
    }
  } else if (value.is_array()) {
    for (const auto& child : value) CollectPatterns(child, out);
  }
}

// Values shaped like real config values, near misses, and edge cases for anchors and classes.
const std::vector<std::string>& Probes() {
  static const std::vector<std::string> kProbes = {"",
                                                   "a",
                                                   "\n",
                                                   "x\n",
                                                   "subnet-12345678",
                                                   "subnet-0123456789abcdef0",
                                                   "subnet-1234567",
                                                   "Subnet-12345678",
                                                   "subnet-12345678\n",
                                                   "subnet-12345678\n\n",
                                                   "sg-12345678 ",
                                                   "ami-0123456789abcdef0",
                                                   "fs-0123abcd",
                                                   "fsvol-0123456789abcdef0",
                                                   "fsap-0123456789abcdef0",
                                                   "snap-12345678",
                                                   "vol-0123456789abcdef0",
                                                   "backup-0123abcd",
                                                   "fc-0123abcd",
                                                   "10.0.0.0/16",
                                                   "0.0.0.0/0",
                                                   "256.0.0.0/8",
                                                   "10.0.0.0/33",
                                                   "pl-12ab",
                                                   "1:23:59",
                                                   "8:00:00",
                                                   "23:59",
                                                   "24:00",
                                                   "arn:aws:iam::123456789012:role/x",
                                                   "arn:aws:iam::1:policy/p",
                                                   "arn:aws:secretsmanager:us-east-1:1:secret:s",
                                                   "arn:aws:ssm:us-east-1:1:parameter/p",
                                                   "arn:aws:iam::1:instance-profile/i",
                                                   "s3://bucket/key",
                                                   "S3://b",
                                                   "https://x",
                                                   "HTTPS://x",
                                                   "/home",
                                                   "/home/user/",
                                                   "relative/path",
                                                   "//x",
                                                   "/a/.b",
                                                   "queue-1",
                                                   "Queue",
                                                   "1queue",
                                                   "aws:tag",
                                                   "AWS:x",
                                                   "parallelcluster:x",
                                                   "NONE",
                                                   "/NONE",
                                                   "none",
                                                   "123456789012",
                                                   "12345678901",
                                                   "3.12",
                                                   "3.12.0",
                                                   ">=1.2.3, <2.0.0",
                                                   "1.2.3a4",
                                                   "abc_123",
                                                   "a*b.c-d",
                                                   "with:colon",
                                                   "star*",
                                                   "tab\there",
                                                   "cr\rlf",
                                                   std::string("nul\0byte", 8),
                                                   "q-st-c",
                                                   "q-dy-c",
                                                   "ab\xe2\x80\xa8"
                                                   "cd",
                                                   "x\xc2\x85",
                                                   "\xff\xfe",
                                                   "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                                                   "TeamName+=.:@/-",
                                                   "/team/",
                                                   "/team/name-",
                                                   "name,prefix",
                                                   std::string(300, 'a'),
                                                   std::string(300, '0') + "x"};
  return kProbes;
}

TEST_CASE("every bundled pattern compiles and searches like std::regex", "[schema][regex]") {
  std::set<std::string> patterns;
  for (const std::string& version : schema::KnownVersions())
    CollectPatterns(schema::FindSchema(version)->document, patterns);
  for (const std::string& file : ListFiles(SourceDir() + "/rules", ".yaml")) {
    std::string text = ReadFile(file);
    // Rule files hold patterns as `pattern: "…"` YAML; the parsed catalogue is checked elsewhere,
    // here the engine only needs the strings.
    parsers::ParseResult parsed = ParseYaml(text);
    REQUIRE(parsed.document.ok);
    CollectPatterns(model::ToJson(parsed.document.root), patterns);
  }
  // Patterns held in rule code (rules/util/arn.cc, pcl4009, the ARN key table): each must stay in
  // the engine's subset, or it would cost a std::regex compile per run.
  for (const char* code :
       {"^((/[a-zA-Z0-9_.,+@=-]+)+)/", "^[a-zA-Z0-9_.,+@=-]+$", "^arn:.*:role/",
        "^arn:.*:(secretsmanager:.*:.*:secret:|ssm:.*:.*:parameter/).*$", "^[a-z]{2}(-[a-z]+)+-[0-9]+$", "^[0-9]{12}$",
        "\\$\\{[^}]*\\}|\\{\\{[^}]*\\}\\}|\\{[a-z_-]+\\}|<[^<>]+>|replace[_-]?me|change[_-]?me|your[_-]|xxxx"
        "|(^|[^a-z0-9_])(todo|fixme)([^a-z0-9_]|$)"}) {
    patterns.insert(code);
  }
  REQUIRE(patterns.size() > 40);
  for (const std::string& pattern : patterns) {
    INFO("pattern " << pattern);
    auto compiled = Regex::Compile(pattern);
    REQUIRE(compiled);
    const std::regex reference(pattern, std::regex::ECMAScript);
    for (const std::string& probe : Probes()) {
      INFO("text " << probe);
      CHECK(compiled->Search(probe) == std::regex_search(probe, reference));
    }
  }
}

// Random patterns over a small alphabet, so that random texts often match. Groups get only
// bounded quantifiers: std::regex backtracks, and (x*)* would take it exponential time (under
// the sanitizers, minutes) where this engine stays linear (see the last test).
std::string RandomPattern(std::mt19937& random, int depth) {
  static const std::vector<std::string> kAtoms = {"a",   "b", ".",   "[ab]", "[^a]", "[a-c]", "\\d",    "\\s",
                                                  "\\.", "0", "\\n", "^",    "$",    "\\w",   "[\\-b]", "\\x61"};
  static const std::vector<std::string> kQuantifiers = {"", "", "", "*", "+", "?", "{2}", "{1,}", "{0,2}", "*?"};
  static const std::vector<std::string> kGroupQuantifiers = {"", "", "?", "{2}", "{0,2}", "??"};
  std::string out;
  int pieces = 1 + random() % 4;
  for (int i = 0; i < pieces; ++i) {
    if (depth < 2 && random() % 5 == 0) {
      out += (random() % 2 ? "(" : "(?:") + RandomPattern(random, depth + 1) + "|" + RandomPattern(random, depth + 1) +
             ")";
      out += kGroupQuantifiers[random() % kGroupQuantifiers.size()];
      continue;
    }
    const std::string& atom = kAtoms[random() % kAtoms.size()];
    out += atom;
    if (atom != "^" && atom != "$") out += kQuantifiers[random() % kQuantifiers.size()];
  }
  return out;
}

TEST_CASE("generated patterns search like std::regex", "[schema][regex]") {
  std::mt19937 random(20261126);  // fixed: the same cases on every run
  const std::string alphabet = "ab0c.\n -";
  int matched = 0, total = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string pattern = RandomPattern(random, 0);
    auto compiled = Regex::Compile(pattern);
    INFO("pattern " << pattern);
    REQUIRE(compiled);
    const std::regex reference(pattern, std::regex::ECMAScript);  // once: compiling dominates
    for (int j = 0; j < 12; ++j) {
      std::string text;
      for (int k = random() % 7; k > 0; --k) text += alphabet[random() % alphabet.size()];
      INFO("text '" << text << "'");
      bool ours = compiled->Search(text);
      CHECK(ours == std::regex_search(text, reference));
      matched += ours ? 1 : 0;
      ++total;
    }
  }
  // Both outcomes are common, or agreement would prove little.
  CHECK(matched > total / 5);
  CHECK(matched < total * 4 / 5);
}

TEST_CASE("constructs outside the subset are left to std::regex", "[schema][regex]") {
  for (const char* pattern : {"\\bword", "a(?=b)", "(a)\\1", "\\u00e9", "[[:alpha:]]", "\\cJ", "[]", "[^]", "a{2,1}",
                              "(", ")", "a**", "[z-a]", "x{1001}", "\\", "[a", "\\x4"}) {
    INFO(pattern);
    CHECK_FALSE(Regex::Compile(pattern));
  }
  // SearchPattern still answers them: std::regex where it can, "matches" where nothing can.
  CHECK(core::SearchPattern("\\bword", "a word"));
  CHECK_FALSE(core::SearchPattern("\\bword", "sword"));
  CHECK(core::SearchPattern("(", "anything"));
  CHECK(core::SearchPattern("^a$", "a"));
  CHECK_FALSE(core::SearchPattern("^a$", "ab"));
}

TEST_CASE("nested quantifiers take linear time", "[schema][regex]") {
  // A backtracking engine takes 2^n steps here; the NFA takes n × program size.
  auto compiled = Regex::Compile("^(a+)+$");
  REQUIRE(compiled);
  std::string text(5000, 'a');
  CHECK(compiled->Search(text));
  text += 'b';
  CHECK_FALSE(compiled->Search(text));
  CHECK(Regex::Compile("^(a|aa)*c")->Search(std::string(5000, 'a')) == false);
}

}  // namespace
}  // namespace pcl::testing
