// The check command end to end: --format choices, GitHub auto-selection, repo-relative paths.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

ShellResult Check(const fs::path& dir, const std::string& env, const std::string& args) {
  return RunShell("cd '" + dir.string() + "' && env -u GITHUB_ACTIONS NO_COLOR=1 " + env + " '" + PCL_BINARY +
                  "' check " + args);
}

/// A scratch checkout (a `.git` directory is all a root needs) with a broken config in sub/.
struct Checkout {
  fs::path root;
  Checkout() {
    std::string pattern = (fs::temp_directory_path() / "pcl-cli-format-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()));
    root = fs::canonical(pattern);  // as the binary's getcwd() will see it
    fs::create_directories(root / ".git");
    fs::create_directories(root / "sub");
    std::ofstream(root / "sub" / "cluster.yaml") << "Region: us-east-1\nHeadNode:\n  InstanceType: t3.micro\n"
                                                    "  InstanceType: c5.large\n";
  }
  ~Checkout() { fs::remove_all(root); }
};

const std::string kAnnotation =
    "::error file=sub/cluster.yaml,line=4,col=3,endLine=4,endColumn=15,title=PCL0003 duplicate-key::";

TEST_CASE("check picks github annotations inside GitHub Actions only by default", "[report][cli]") {
  Checkout checkout;
  const fs::path sub = checkout.root / "sub";
  ShellResult actions = Check(sub, "GITHUB_ACTIONS=true", "cluster.yaml");
  CHECK(actions.exit_code == 1);
  CHECK(actions.out.find(kAnnotation) != std::string::npos);
  CHECK(actions.out.find(" checked: ") == std::string::npos);

  ShellResult text = Check(sub, "GITHUB_ACTIONS=true", "--format text cluster.yaml");
  CHECK(text.out.find("\ncluster.yaml:4:3: error: duplicate key") != std::string::npos);
  CHECK(text.out.find("::error") == std::string::npos);
  ShellResult local = Check(sub, "", "cluster.yaml");
  CHECK(local.out.find("\ncluster.yaml:4:3: error: duplicate key") != std::string::npos);
  CHECK(local.out.find("::error") == std::string::npos);

  // A report file is for reading later, not for the runner to turn into annotations.
  Check(sub, "GITHUB_ACTIONS=true", "-o report.txt cluster.yaml");
  std::string report = ReadFile((sub / "report.txt").string());
  CHECK(report.find("\ncluster.yaml:4:3: error: duplicate key") != std::string::npos);
  CHECK(report.find("::error") == std::string::npos);
}

TEST_CASE("check --format sarif and github use paths relative to the checkout", "[report][cli]") {
  Checkout checkout;
  const fs::path sub = checkout.root / "sub";
  ShellResult github = Check(sub, "", "--format github cluster.yaml");
  CHECK(github.exit_code == 1);
  CHECK(github.out.find(kAnnotation) != std::string::npos);

  ShellResult sarif = Check(sub, "", "--format sarif --fail-on never cluster.yaml");
  CHECK(sarif.exit_code == 0);
  nlohmann::json run = nlohmann::json::parse(sarif.out)["runs"][0];
  CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + checkout.root.string() + "/");
  CHECK(run["artifacts"][0]["location"]["uri"] == "sub/cluster.yaml");
  CHECK(run["artifacts"][0]["location"]["uriBaseId"] == "%SRCROOT%");

  ShellResult junit = Check(sub, "", "--format junit cluster.yaml");
  CHECK(junit.exit_code == 1);
  CHECK(junit.out.find("<testsuite name=\"cluster.yaml\"") != std::string::npos);
}

}  // namespace
}  // namespace pcl::testing
