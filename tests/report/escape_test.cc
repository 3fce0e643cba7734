// Hostile keys, values and file names in every --format: shown escaped, never acted on by a
// terminal or a CI runner (no raw control character, no line that starts with user content).
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "report/escape.h"
#include "report/report.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

// Retitles and clears a terminal; starts a GitHub workflow command on a line of its own; C1 CSI;
// a right-to-left override; a byte that is not UTF-8.
const std::string kTitleAndClear = "\x1b]0;PWNED\x07\x1b[2J";
const std::string kWorkflowCommand = "x\n::error file=evil::pwned";
const std::string kC1 =
    "\xC2\x9B"
    "31m";
const std::string kBidi =
    "\xE2\x80\xAE"
    "lave";
const std::string kNotUtf8 = "bad\xFF";

TEST_CASE("Visible shows control characters and bytes that are not UTF-8 as escapes", "[report][escape]") {
  CHECK(report::Visible(kTitleAndClear) == "\\x1b]0;PWNED\\x07\\x1b[2J");
  CHECK(report::Visible(kWorkflowCommand) == "x\\n::error file=evil::pwned");
  CHECK(report::Visible("a\tb\rc\x7f"
                        "d") == "a\\tb\\rc\\x7fd");
  CHECK(report::Visible(kC1) == "\\u009b31m");
  CHECK(report::Visible(kBidi) == "\\u202elave");
  CHECK(report::Visible(kNotUtf8) == "bad\\xff");
  CHECK(report::Visible("\xC3") == "\\xc3");                         // a sequence cut short
  CHECK(report::Visible("\xC0\xAF") == "\\xc0\\xaf");                // an overlong '/'
  const std::string plain = "N\xC3\xA4me: 10 \xE2\x82\xAC \\n [x]";  // UTF-8 and a typed backslash stay
  CHECK(report::Visible(plain) == plain);
}

TEST_CASE("VisiblePath never lets a path start a line a CI runner acts on", "[report][escape]") {
  CHECK(report::VisiblePath("clusters/a.yaml") == "clusters/a.yaml");
  CHECK(report::VisiblePath("/abs/a.yaml") == "/abs/a.yaml");
  CHECK(report::VisiblePath("./a.yaml") == "./a.yaml");
  CHECK(report::VisiblePath("_a.yaml") == "_a.yaml");
  CHECK(report::VisiblePath("<stdout>") == "<stdout>");
  CHECK(report::VisiblePath("::error file=x::y.yaml") == "./::error file=x::y.yaml");
  CHECK(report::VisiblePath("##[error]y.yaml") == "./##[error]y.yaml");
  CHECK(report::VisiblePath(" ::warning::y.yaml") == "./ ::warning::y.yaml");
  CHECK(report::VisiblePath(kTitleAndClear) == "./\\x1b]0;PWNED\\x07\\x1b[2J");
}

// Raw bytes a terminal acts on: C0 controls but '\n', and DEL; for the formats people read
// (text, github) also C1 controls and bidi overrides. JSON and XML may carry those last two as
// text: they are valid there, and those formats are read by programs.
bool HasRawControl(const std::string& text, bool for_people) {
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
    if (!for_people) continue;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return true;
    if (text.compare(i, 3, "\xE2\x80\xAE") == 0) return true;
  }
  return false;
}

bool ForPeople(const std::string& format) {
  return format == "text" || format == "github";
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A line a runner would take as a command: "::cmd" or "##[cmd", after any leading blanks.
bool StartsCommand(const std::string& line) {
  const size_t first = line.find_first_not_of(" \t");
  return first != std::string::npos && (line.compare(first, 2, "::") == 0 || line.compare(first, 3, "##[") == 0);
}

report::RunReport HostileRun() {
  report::RunReport run;
  const std::vector<std::string> files = {kTitleAndClear + ".yaml", kWorkflowCommand + ".yaml",
                                          "::warning::" + kC1 + ".yaml", "##[error]" + kBidi + kNotUtf8 + ".yaml"};
  for (const std::string& file : files) {
    run.files.push_back(file);
    model::Diagnostic d;
    d.rule_id = "PCL1001";
    d.severity = model::Severity::kError;
    d.file = file;
    d.range = {{2, 1}, {2, 5}};
    d.pointer = "/" + kTitleAndClear;
    d.message =
        "unknown key '" + kTitleAndClear + "' (" + kWorkflowCommand + ") " + kC1 + kBidi + kNotUtf8 + " </failure><x>&";
    d.notes.push_back({"first here " + kWorkflowCommand, file, {1, 1}});
    run.diagnostics.push_back(d);
    run.sources[file] = std::make_shared<model::SourceFile>(file, "a: 1\n" + kTitleAndClear + ": 2\n");
  }
  run.rules_evaluated = {"PCL1001"};
  return run;
}

std::string RenderAs(const std::string& format, const report::RunReport& run) {
  report::RenderOptions options;
  options.working_dir = "/repo";
  options.repo_root = "/repo";
  std::ostringstream out;
  REQUIRE(report::Render(format, run, options, out));
  return out.str();
}

TEST_CASE("Hostile keys, values and file names are escaped in every format", "[report][escape]") {
  const report::RunReport run = HostileRun();
  for (const std::string& format : report::FormatNames()) {
    INFO(format);
    const std::string out = RenderAs(format, run);
    CHECK_FALSE(HasRawControl(out, ForPeople(format)));
    for (const std::string& line : Lines(out)) {
      INFO(line);
      if (format == "github") {
        CHECK(line.rfind("::error file=", 0) == 0);  // only the tool's own commands
      } else {
        CHECK_FALSE(StartsCommand(line));
      }
    }
    if (format == "github") CHECK(Lines(out).size() == run.diagnostics.size());
  }
  // The text format shows each file name and message once per finding, escaped.
  const std::string text = RenderAs("text", run);
  CHECK(Contains(text,
                 "./\\x1b]0;PWNED\\x07\\x1b[2J.yaml:2:1: error: unknown key '\\x1b]0;PWNED\\x07\\x1b[2J' "
                 "(x\\n::error file=evil::pwned) \\u009b31m\\u202elavebad\\xff </failure><x>&"));
  CHECK(Contains(text, "\nx\\n::error file=evil::pwned.yaml:2:1: error:"));
  CHECK(Contains(text, "\n./::warning::\\u009b31m.yaml:2:1:"));
  CHECK(Contains(text, "  note: x\\n::error file=evil::pwned.yaml:1:1: first here x\\n::error file=evil::pwned\n"));
  CHECK(Contains(text, " 2 |  ]0;PWNED  [2J: 2\n"));  // the snippet blanks controls, one cell each
  // JSON and SARIF keep the exact text, in JSON escapes; JUnit keeps its markup intact.
  const nlohmann::json json = nlohmann::json::parse(RenderAs("json", run));
  CHECK(json["findings"][0]["file"] == run.files[0]);
  CHECK(json["findings"][1]["message"].get<std::string>().rfind(
            "unknown key '" + kTitleAndClear + "' (" + kWorkflowCommand + ") " + kC1 + kBidi + "bad", 0) == 0);
  const nlohmann::json sarif = nlohmann::json::parse(RenderAs("sarif", run));
  CHECK(sarif["runs"][0]["artifacts"][1]["location"]["uri"] == "x%0A%3A%3Aerror%20file%3Devil%3A%3Apwned.yaml");
  const std::string junit = RenderAs("junit", run);
  size_t opened = 0, closed = 0;
  for (size_t at = 0; (at = junit.find("<failure ", at)) != std::string::npos; ++at) ++opened;
  for (size_t at = 0; (at = junit.find("</failure>", at)) != std::string::npos; ++at) ++closed;
  CHECK(opened == run.diagnostics.size());
  CHECK(closed == opened);
  CHECK_FALSE(Contains(junit, "<x>"));
}

TEST_CASE("check: a config and file names made to attack the terminal are shown escaped", "[report][escape][cli]") {
  Scratch s("hostile-output");
  const std::string config = MinimalV3() + "\"\\e]0;PWNED\\a\\e[2J\": 1\n\"x\\n::error file=evil::pwned\": 2\n" +
                             "Tags:\n  - Key: \"\\e[31m\\u009b\\u202e\"\n    Value: \"v\\e[2J\"\n    Extra: 1\n";
  const std::string name = "\x1b[2Jevil\n::error file=x::y.yaml";
  Write(s / "plain.yaml", config);
  Write(s / name, config);
  for (const std::string& format : report::FormatNames()) {
    for (const std::string& args : {"plain.yaml '" + name + "'", std::string(".")}) {
      Outcome outcome = Run(s.dir(), "check --format " + format + " " + args);
      INFO(format << " " << report::Visible(args));
      INFO_OUTCOME(outcome);
      CHECK(outcome.exit_code == 1);
      CHECK_FALSE(HasRawControl(outcome.out, ForPeople(format)));
      CHECK_FALSE(HasRawControl(outcome.err, true));
      for (const std::string& line : Lines(outcome.out)) {
        if (format != "github") CHECK_FALSE(StartsCommand(line));
      }
      if (format == "text") {
        CHECK(Contains(outcome.out, "\\x1b]0;PWNED\\x07\\x1b[2J"));
        CHECK(Contains(outcome.out, "x\\n::error file=evil::pwned"));
        CHECK(Contains(outcome.out, "./\\x1b[2Jevil\\n::error file=x::y.yaml:"));
      }
      if (format == "json" || format == "sarif") CHECK_NOTHROW(nlohmann::json::parse(outcome.out));
    }
  }
  // migrate names its inputs in messages, the summary and the --out-dir table: escaped there too.
  Write(s / "tree" / "\x1b]0;PWNED\x07\n::error::x.ini", ClusterIni());
  for (const std::string& args : {"migrate '" + name + "'", std::string("migrate tree --out-dir out")}) {
    Outcome outcome = Run(s.dir(), args);
    INFO(report::Visible(args));
    INFO_OUTCOME(outcome);
    CHECK(Contains(outcome.out + outcome.err, "\\x1b"));
    CHECK_FALSE(HasRawControl(outcome.out, true));
    CHECK_FALSE(HasRawControl(outcome.err, true));
    for (const std::string& line : Lines(outcome.out + outcome.err)) CHECK_FALSE(StartsCommand(line));
  }
}

}  // namespace
}  // namespace pcl::testing
