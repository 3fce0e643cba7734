// PCL1xxx rule metadata and examples, and the loader's lenient scalar coercion.
#include <catch2/catch.hpp>

#include <set>

#include "engine/rule_meta.h"
#include "model/scalar_read.h"
#include "pipeline/runner.h"
#include "schema/coerce.h"
#include "schema/problem.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

std::vector<model::Diagnostic> Check(const std::string& text, const std::string& target = "3.12") {
  pipeline::CheckOptions options;
  options.target_version = target;
  return pipeline::CheckText("example.yaml", text, options).diagnostics;
}

bool Fires(const std::vector<model::Diagnostic>& diagnostics, const std::string& id) {
  for (const auto& d : diagnostics) {
    if (d.rule_id == id) return true;
  }
  return false;
}

const std::string kBase =
    "Image:\n  Os: alinux2023\nHeadNode:\n  InstanceType: t3.micro\n  Networking:\n"
    "    SubnetId: subnet-0123456789abcdef0\nScheduling:\n  Scheduler: slurm\n  SlurmQueues:\n"
    "    - Name: q1\n      ComputeResources:\n        - Name: cr1\n          InstanceType: c5.large\n"
    "          MaxCount: 10\n      Networking:\n        SubnetIds:\n          - subnet-0123456789abcdef0\n";

TEST_CASE("every PCL1 rule is builtin, an error, and has examples that behave", "[schema]") {
  const std::set<std::string> ids = {ids::kSchemaViolation,    ids::kUnknownKey,         ids::kMissingRequiredKey,
                                     ids::kWrongType,          ids::kInvalidValue,       ids::kOutOfRange,
                                     ids::kPatternMismatch,    ids::kNullValue,          ids::kKeyRequiresNewerRelease,
                                     ids::kCrossFieldConflict, ids::kLengthOutOfRange,   ids::kKeyRemovedInRelease,
                                     ids::kDuplicateListItem,  ids::kInvalidEmbeddedJson};
  // PCL1000 is the fallback no known input reaches; PCL1008 needs a target older than the default.
  const std::set<std::string> without_examples = {ids::kSchemaViolation, ids::kKeyRequiresNewerRelease};
  std::set<std::string> seen;
  for (const auto& [id, meta] : engine::RuleCatalog::EmbeddedWithDocs().rules()) {
    if (meta.stage != ids::Stage::kSchema) continue;
    INFO(id);
    seen.insert(id);
    CHECK(meta.implementation == ids::Implementation::kBuiltin);
    CHECK(meta.severity == model::Severity::kError);
    if (without_examples.count(id)) continue;
    REQUIRE_FALSE(meta.bad_examples.empty());
    REQUIRE_FALSE(meta.good_examples.empty());
    for (const auto& example : meta.bad_examples) {
      INFO("bad example:\n" << example << FormatFindings(Check(example)));
      CHECK(Fires(Check(example), id));
    }
    for (const auto& example : meta.good_examples) {
      INFO("good example:\n" << example << FormatFindings(Check(example)));
      CHECK_FALSE(Fires(Check(example), id));
      CHECK(FormatFindings(Check(example)).empty());  // good examples are complete, valid configs
    }
  }
  CHECK(seen == ids);
}

TEST_CASE("a key from a newer release is reported against older targets only", "[schema]") {
  std::string text = kBase + "Imds:\n  ImdsSupport: v2.0\n";
  CHECK(Fires(Check(text, "3.2"), ids::kKeyRequiresNewerRelease));
  CHECK_FALSE(Fires(Check(text, "3.3"), ids::kKeyRequiresNewerRelease));
  CHECK(FormatFindings(Check(text, "3.12")).empty());
}

TEST_CASE("Python int() and float() forms of numeric strings", "[schema]") {
  int64_t i = 0;
  CHECK((model::ParsePythonInt(" 7 ", i) && i == 7));
  CHECK((model::ParsePythonInt("+12", i) && i == 12));
  CHECK((model::ParsePythonInt("-3", i) && i == -3));
  CHECK((model::ParsePythonInt("1_000", i) && i == 1000));
  CHECK((model::ParsePythonInt("010", i) && i == 10));
  CHECK((model::ParsePythonInt("99999999999999999999", i) && i == INT64_MAX));
  for (const char* bad : {"", " ", "4.0", "1__0", "_1", "1_", "0x10", "seven", "1e3", "--1"}) {
    INFO(bad);
    CHECK_FALSE(model::ParsePythonInt(bad, i));
  }
  double d = 0;
  CHECK((model::ParsePythonFloat("0.5", d) && d == 0.5));
  CHECK((model::ParsePythonFloat(" 2 ", d) && d == 2.0));
  CHECK((model::ParsePythonFloat("1e-2", d) && d == 0.01));
  CHECK((model::ParsePythonFloat("-.5", d) && d == -0.5));
  for (const char* bad : {"", "nan", "inf", "Infinity", "0x1p3", "1.2.3", "abc"}) {
    INFO(bad);
    CHECK_FALSE(model::ParsePythonFloat(bad, d));
  }
}

TEST_CASE("coercion accepts what the official loader accepts", "[schema]") {
  auto with = [](const std::string& from, const std::string& to) {
    std::string text = kBase;
    text.replace(text.find(from), from.size(), to);
    return FormatFindings(Check(text));
  };
  // Integers: numeric strings and truncated floats; not booleans, not "4.0".
  CHECK(with("MaxCount: 10", "MaxCount: ' 7 '").empty());
  CHECK(with("MaxCount: 10", "MaxCount: 4.9").empty());
  CHECK(with("MaxCount: 10", "MaxCount: 0.9") == "14:21 PCL1005 MaxCount must be ≥ 1, got 0 (`0.9` as an integer)\n");
  CHECK(with("MaxCount: 10", "MaxCount: true") == "14:21 PCL1003 MaxCount must be an integer; got boolean `true`\n");
  CHECK(with("MaxCount: 10", "MaxCount: '4.0'") == "14:21 PCL1003 MaxCount must be an integer; got string '4.0'\n");
  // Booleans: the word lists in three cases, and 0/1.
  for (const char* word : {"'yes'", "'Off'", "'TRUE'", "'y'", "1", "0", "'0'", "on"}) {
    INFO(word);
    CHECK(with("          MaxCount: 10", std::string("          DisableSimultaneousMultithreading: ") + word).empty());
  }
  CHECK(with("          MaxCount: 10", "          DisableSimultaneousMultithreading: 'yEs'") ==
        "14:46 PCL1003 DisableSimultaneousMultithreading must be true or false; got string 'yEs'\n");
  // The float field takes ints and numeric strings.
  CHECK(with("          MaxCount: 10", "          SpotPrice: 1").empty());
  CHECK(with("          MaxCount: 10", "          SpotPrice: '0.25'").empty());
  // Strings are never coerced.
  CHECK(with("InstanceType: t3.micro", "InstanceType: 123") ==
        "4:17 PCL1003 InstanceType must be a string; got integer `123` (quote it)\n");
  CHECK(with("InstanceType: t3.micro", "InstanceType: '123'").empty());
}

}  // namespace
}  // namespace pcl::testing
