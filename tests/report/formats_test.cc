// Unit tests of the SARIF, JUnit and GitHub reporters: escaping, paths, fingerprints, counts.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "report/locations.h"
#include "report/report.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

bool Contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

model::Diagnostic Finding(const std::string& file, int line, int column, const std::string& message,
                          model::Severity severity = model::Severity::kError) {
  model::Diagnostic d;
  d.rule_id = "PCL0003";
  d.severity = severity;
  d.message = message;
  d.file = file;
  d.range = {{line, column}, {line, column + 4}};
  d.pointer = "/HeadNode/InstanceType";
  return d;
}

report::RenderOptions Checkout(const std::string& working_dir = "/repo/sub") {
  report::RenderOptions options;
  options.working_dir = working_dir;
  options.repo_root = "/repo";
  return options;
}

std::string Render(const std::string& format, const report::RunReport& run,
                   const report::RenderOptions& options = Checkout()) {
  std::ostringstream out;
  REQUIRE(report::Render(format, run, options, out));
  return out.str();
}

nlohmann::json Sarif(const report::RunReport& run, const report::RenderOptions& options = Checkout()) {
  return nlohmann::json::parse(Render("sarif", run, options));
}

TEST_CASE("Render knows exactly the documented formats", "[report]") {
  CHECK(report::FormatNames() == std::vector<std::string>{"text", "json", "sarif", "junit", "github"});
  std::ostringstream out;
  CHECK_FALSE(report::Render("xml", {}, {}, out));
  CHECK(out.str().empty());
}

// A line break inside a message is the user's (a key or value it quotes): shown as \r\n, so that
// only the tool's own note lines are line breaks (%0A) in the annotation.
TEST_CASE("GitHub annotations escape data and properties as the runner expects", "[report][github]") {
  report::RunReport run;
  run.diagnostics.push_back(Finding("odd,name:1.yaml", 3, 5, "100% wrong\r\nsee: a, b"));
  run.diagnostics.push_back(Finding("b.yaml", 1, 1, "heads up", model::Severity::kWarning));
  run.diagnostics.push_back(Finding("b.yaml", 2, 1, "fyi", model::Severity::kInfo));
  model::Diagnostic hidden = Finding("b.yaml", 4, 1, "suppressed");
  hidden.suppressed = true;
  run.diagnostics.push_back(hidden);
  run.diagnostics.push_back(Finding("/elsewhere/c.yaml", 0, 0, "whole file"));
  CHECK(Render("github", run) ==
        "::error file=sub/odd%2Cname%3A1.yaml,line=3,col=5,endLine=3,endColumn=9,"
        "title=PCL0003 duplicate-key::100%25 wrong\\r\\nsee: a, b\n"
        "::warning file=sub/b.yaml,line=1,col=1,endLine=1,endColumn=5,title=PCL0003 duplicate-key::heads up\n"
        "::notice file=sub/b.yaml,line=2,col=1,endLine=2,endColumn=5,title=PCL0003 duplicate-key::fyi\n"
        "::error file=/elsewhere/c.yaml,title=PCL0003 duplicate-key::whole file\n");
}

TEST_CASE("Columns count characters for CI services, not bytes", "[report]") {
  model::SourceFile source("a.yaml", "Tags: {N\xC3\xA4me: a, N\xC3\xA4me: b}\n");
  CHECK(report::CharacterColumn(&source, 1, 8) == 8);
  CHECK(report::CharacterColumn(&source, 1, 18) == 17);
  CHECK(report::CharacterColumn(&source, 1, 40) == 38);  // past the end: one per byte
  CHECK(report::CharacterColumn(nullptr, 1, 18) == 18);
}

TEST_CASE("Text snippets put the caret under the character, after multibyte text too", "[report]") {
  report::RunReport run;
  auto source = std::make_shared<model::SourceFile>("a.yaml", "Tags: {N\xC3\xA4me: a, N\xC3\xA4me: b}\n");
  run.sources["a.yaml"] = source;
  model::Diagnostic d = Finding("a.yaml", 1, 18, "duplicate key");  // the second "Näme", bytes 18-22
  d.range.end = {1, 23};
  run.diagnostics.push_back(d);
  report::RenderOptions options = Checkout();
  options.text.quiet = true;
  std::string text = Render("text", run, options);
  CHECK(text.find(" 1 | Tags: {N\xC3\xA4me: a, N\xC3\xA4me: b}\n"
                  "   |                 ^~~~\n") != std::string::npos);
  // A window into a long line starts and ends on character boundaries: the cut points (byte 50
  // and byte 149) fall inside the 'ä' and the '€'.
  const std::string a_umlaut = "\xC3\xA4", euro = "\xE2\x82\xAC";
  std::string long_line =
      std::string(49, 'a') + a_umlaut + std::string(49, 'b') + "x" + std::string(47, 'c') + euro + "d: 1";
  run.sources["a.yaml"] = std::make_shared<model::SourceFile>("a.yaml", long_line + "\n");
  run.diagnostics[0].range = {{1, 101}, {1, 102}};  // the 'x'
  text = Render("text", run, options);
  CHECK(text.find(" 1 | ..." + a_umlaut + std::string(49, 'b') + "x" + std::string(47, 'c') + "...\n") !=
        std::string::npos);
  CHECK(text.find("\n   |    " + std::string(50, ' ') + "^\n") != std::string::npos);
}

TEST_CASE("SARIF URIs are relative to the repository root", "[report][sarif]") {
  report::RunReport run;
  run.files = {"my configs/a.yaml", "../../outside/b.yaml", "/abs/c.yaml", "/repo/d.yaml"};
  nlohmann::json sarif = Sarif(run);
  const nlohmann::json& artifacts = sarif["runs"][0]["artifacts"];
  REQUIRE(artifacts.size() == 4);
  CHECK(artifacts[0]["location"] == nlohmann::json({{"uri", "sub/my%20configs/a.yaml"}, {"uriBaseId", "%SRCROOT%"}}));
  CHECK(artifacts[1]["location"] == nlohmann::json({{"uri", "../../outside/b.yaml"}}));
  CHECK(artifacts[2]["location"] == nlohmann::json({{"uri", "file:///abs/c.yaml"}}));
  CHECK(artifacts[3]["location"] == nlohmann::json({{"uri", "d.yaml"}, {"uriBaseId", "%SRCROOT%"}}));
  CHECK(sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///repo/");

  report::RenderOptions no_repo = Checkout();
  no_repo.repo_root = "";
  nlohmann::json plain = Sarif(run, no_repo);
  CHECK_FALSE(plain["runs"][0].contains("originalUriBaseIds"));
  CHECK(plain["runs"][0]["artifacts"][0]["location"] == nlohmann::json({{"uri", "my%20configs/a.yaml"}}));
}

TEST_CASE("SARIF fingerprints ignore line numbers and the working directory", "[report][sarif]") {
  auto fingerprint = [](const model::Diagnostic& d, const std::string& working_dir) {
    report::RunReport run;
    run.files = {d.file};
    run.diagnostics = {d, d};
    nlohmann::json results = Sarif(run, Checkout(working_dir))["runs"][0]["results"];
    CHECK(results[1]["partialFingerprints"]["pclusterLint/v1"].get<std::string>().back() == '2');
    return results[0]["partialFingerprints"]["pclusterLint/v1"].get<std::string>();
  };
  std::string base = fingerprint(Finding("sub/a.yaml", 3, 3, "m"), "/repo");
  CHECK(base.size() == 18);  // 16 hex digits + ":1"
  CHECK(base == fingerprint(Finding("sub/a.yaml", 30, 7, "m"), "/repo"));
  CHECK(base == fingerprint(Finding("a.yaml", 3, 3, "m"), "/repo/sub"));
  model::Diagnostic other = Finding("sub/a.yaml", 3, 3, "m");
  other.pointer = "/HeadNode/Ssh";
  CHECK(base != fingerprint(other, "/repo"));
}

TEST_CASE("SARIF suppressed findings carry an inSource suppression", "[report][sarif]") {
  report::RunReport run;
  model::Diagnostic d = Finding("a.yaml", 2, 1, "m");
  d.suppressed = true;
  d.suppression_reason = "legacy AMI";
  run.diagnostics = {d};
  nlohmann::json result = Sarif(run)["runs"][0]["results"][0];
  CHECK(result["suppressions"] == nlohmann::json::parse(R"([{"kind": "inSource", "justification": "legacy AMI"}])"));
  CHECK(result["ruleIndex"] == 0);
  nlohmann::json rule = Sarif(run)["runs"][0]["tool"]["driver"]["rules"][0];
  CHECK(rule["id"] == "PCL0003");
  CHECK(rule["name"] == "duplicate-key");
  CHECK(rule["defaultConfiguration"]["level"] == "error");
  CHECK(rule["helpUri"].get<std::string>().rfind("https://", 0) == 0);
}

TEST_CASE("JUnit has a case per rule evaluated and escapes what XML cannot hold", "[report][junit]") {
  report::RunReport run;
  run.files = {"a&b.yaml", "clean.yaml"};
  run.rules_evaluated = {"PCL0001", "PCL0003"};
  run.diagnostics.push_back(Finding("a&b.yaml", 2, 1, "key \"<x>\"\x01 bad \xFF byte"));
  model::Diagnostic hidden = Finding("a&b.yaml", 5, 1, "quiet");
  hidden.rule_id = "PCL0005";
  hidden.suppressed = true;
  hidden.suppression_reason = "known";
  run.diagnostics.push_back(hidden);
  std::string xml = Render("junit", run);
  CHECK(xml ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"pcluster-lint\" tests=\"5\" failures=\"1\" errors=\"0\">\n"
        "  <testsuite name=\"a&amp;b.yaml\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
        "    <testcase name=\"PCL0001 syntax-error\" classname=\"a&amp;b.yaml\" file=\"a&amp;b.yaml\"/>\n"
        "    <testcase name=\"PCL0003 duplicate-key\" classname=\"a&amp;b.yaml\" file=\"a&amp;b.yaml\">\n"
        "      <failure type=\"error\" message=\"a&amp;b.yaml:2:1: key &quot;&lt;x&gt;&quot;\xEF\xBF\xBD bad "
        "\xEF\xBF\xBD byte\">a&amp;b.yaml:2:1: error: key \"&lt;x&gt;\"\\x01 bad \\xff byte "
        "[PCL0003 duplicate-key]\n</failure>\n"
        "    </testcase>\n"
        "    <testcase name=\"PCL0005 multiple-documents\" classname=\"a&amp;b.yaml\" file=\"a&amp;b.yaml\">\n"
        "      <system-out>a&amp;b.yaml:5:1: suppressed: quiet -- known\n</system-out>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "  <testsuite name=\"clean.yaml\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        "    <testcase name=\"PCL0001 syntax-error\" classname=\"clean.yaml\" file=\"clean.yaml\"/>\n"
        "    <testcase name=\"PCL0003 duplicate-key\" classname=\"clean.yaml\" file=\"clean.yaml\"/>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
}

TEST_CASE("JUnit: info findings are notes in the test's output, not failures", "[report][junit]") {
  report::RunReport run;
  run.files = {"a.yaml"};
  run.rules_evaluated = {"PCL0003"};
  run.diagnostics.push_back(Finding("a.yaml", 2, 1, "just so you know", model::Severity::kInfo));
  std::string xml = Render("junit", run);
  CHECK(xml ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"pcluster-lint\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
        "  <testsuite name=\"a.yaml\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        "    <testcase name=\"PCL0003 duplicate-key\" classname=\"a.yaml\" file=\"a.yaml\">\n"
        "      <system-out>a.yaml:2:1: info: just so you know [PCL0003 duplicate-key]\n</system-out>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
  // A warning is still a failure.
  run.diagnostics.push_back(Finding("a.yaml", 3, 1, "look at this", model::Severity::kWarning));
  xml = Render("junit", run);
  CHECK(Contains(xml, "failures=\"1\""));
  CHECK(Contains(xml, "<failure type=\"warning\" message=\"a.yaml:3:1: look at this\">"));
  CHECK(Contains(xml, "<system-out>a.yaml:2:1: info: just so you know"));
}

TEST_CASE("SARIF names no made-up web site", "[report][sarif]") {
  report::RunReport run;
  run.diagnostics = {Finding("a.yaml", 2, 1, "m")};
  const std::string sarif = Render("sarif", run);
  CHECK_FALSE(Contains(sarif, "pcluster-lint.dev"));
  CHECK_FALSE(nlohmann::json::parse(sarif)["runs"][0]["tool"]["driver"].contains("informationUri"));
}

TEST_CASE("The repository root is the nearest directory with a .git", "[report]") {
  fs::path base = fs::temp_directory_path() / ("pcl-root-" + std::to_string(::getpid()));
  fs::create_directories(base / "repo" / "a" / "b");
  fs::create_directories(base / "repo" / ".git");
  fs::create_directories(base / "plain");
  std::ofstream(base / "repo" / "a" / ".git") << "gitdir: elsewhere\n";  // a submodule's .git file
  CHECK(report::FindRepoRoot((base / "repo" / "a" / "b").string()) == (base / "repo" / "a").string());
  CHECK(report::FindRepoRoot((base / "repo").string()) == (base / "repo").string());
  // /tmp itself is not inside a repository on any sane machine.
  if (report::FindRepoRoot(fs::temp_directory_path().string()).empty()) {
    CHECK(report::FindRepoRoot((base / "plain").string()).empty());
  }
  fs::remove_all(base);
}

}  // namespace
}  // namespace pcl::testing
