// Every file of the shared corpus is read without a crash, a hang or an escaping exception, and
// no rule crashes (PCL0002) on any of them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>

#include "engine/engine_support.h"
#include "generated/ids/input.h"
#include "parsers/load.h"
#include "pipeline/runner.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

TEST_CASE("every corpus file is read, and checked with every rule, without a crash", "[parsers][corpus]") {
  auto corpus = CorpusDir();
  if (!corpus) {
    ReportSkipped("../shared/corpus not found");
    return;
  }
  auto rules = OnlyRules({"ALL"});
  pipeline::CheckOptions options;
  options.rules = rules.get();
  int files = 0, parsed = 0;
  for (const auto& entry : fs::recursive_directory_iterator(*corpus)) {
    if (!entry.is_regular_file()) continue;
    const std::string path = entry.path().string();
    INFO(path);
    ++files;
    pipeline::FileResult result;
    REQUIRE_NOTHROW(result = pipeline::CheckFile(path, options));
    if (result.document.ok) ++parsed;
    for (const auto& d : result.diagnostics) CHECK(d.rule_id != ids::kRuleCrashed);
  }
  std::cout << "corpus: " << files << " files read, " << parsed << " parsed as YAML, INI or TOML" << std::endl;
  CHECK(files > 0);
}

}  // namespace
}  // namespace pcl::testing
