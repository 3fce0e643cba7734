// End to end: the shipped .pre-commit-hooks.yaml, run by the real pre-commit in a scratch git
// repository, blocks a commit with a broken config and lets a clean one through.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

/// Runs shell commands in `dir` with an environment that touches nothing outside `sandbox`
/// (pre-commit's cache, git's global config) and finds the built pcluster-lint first on PATH.
ShellResult Run(const fs::path& sandbox, const fs::path& dir, const std::string& commands) {
  const std::string bin_dir = fs::path(PCL_BINARY).parent_path().string();
  std::string script = "cd '" + dir.string() + "' && export HOME='" + (sandbox / "home").string() +
                       "' XDG_CACHE_HOME='" + (sandbox / "cache").string() + "' PRE_COMMIT_HOME='" +
                       (sandbox / "pre-commit").string() + "' GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1 " +
                       "GITHUB_ACTIONS= PRE_COMMIT_COLOR=never PATH='" + bin_dir + "':\"$PATH\" && (" +
                       commands + ") 2>&1";
  return RunShell(script);
}

/// A `repo: local` config holding the hooks exactly as .pre-commit-hooks.yaml defines them
/// (no network here, so pre-commit cannot clone the repository itself).
std::string LocalHooksConfig() {
  std::istringstream hooks(ReadFile(SourceDir() + "/.pre-commit-hooks.yaml"));
  std::string config = "repos:\n  - repo: local\n    hooks:\n";
  for (std::string line; std::getline(hooks, line);) config += line.empty() ? "\n" : "      " + line + "\n";
  return config;
}

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

TEST_CASE("pre-commit hooks block broken configs and pass clean ones", "[report][precommit]") {
  if (std::system("command -v pre-commit >/dev/null 2>&1 && command -v git >/dev/null 2>&1") != 0) {
    ReportSkipped("pre-commit not installed");
    return;
  }
  std::string pattern = (fs::temp_directory_path() / "pcl-precommit-XXXXXX").string();
  REQUIRE(::mkdtemp(pattern.data()));
  const fs::path sandbox = pattern;
  const fs::path repo = sandbox / "repo";
  fs::create_directories(repo);
  fs::create_directories(sandbox / "home");

  ShellResult init = Run(sandbox, repo,
                   "git init -q . && git config user.email t@example.com && git config user.name Test && "
                   "git config commit.gpgsign false && pre-commit install");
  INFO(init.out);
  REQUIRE(init.exit_code == 0);
  Write(repo / ".pre-commit-config.yaml", LocalHooksConfig());

  const std::string good_v3 = ReadFile(SourceDir() + "/fixtures/examples/minimal.yaml");
  REQUIRE_FALSE(good_v3.empty());

  SECTION("v3: a duplicate key blocks the commit and is shown; the fixed file passes") {
    Write(repo / "clusters" / "prod.yaml", "Region: us-east-1\nHeadNode:\n  InstanceType: t3.micro\n"
                                           "  InstanceType: c5.large\n");
    ShellResult bad = Run(sandbox, repo, "git add -A && git commit -q -m bad");
    INFO(bad.out);
    CHECK(bad.exit_code != 0);
    CHECK(bad.out.find("clusters/prod.yaml:4:3: error: duplicate key 'InstanceType'") != std::string::npos);
    CHECK(bad.out.find("PCL0003") != std::string::npos);

    Write(repo / "clusters" / "prod.yaml", good_v3);
    ShellResult good = Run(sandbox, repo, "git add -A && git commit -q -m good");
    INFO(good.out);
    CHECK(good.exit_code == 0);
    CHECK(good.out.find("pcluster-lint (ParallelCluster 3 configs)") != std::string::npos);
    CHECK(good.out.find("Failed") == std::string::npos);
  }

  SECTION("v2: a duplicate option in an INI config blocks the commit; the fixed file passes") {
    Write(repo / "pcluster" / "config", "[global]\ncluster_template = default\n\n[cluster default]\n"
                                        "key_name = a\nkey_name = b\n");
    ShellResult bad = Run(sandbox, repo, "git add -A && git commit -q -m bad");
    INFO(bad.out);
    CHECK(bad.exit_code != 0);
    CHECK(bad.out.find("pcluster/config:6:1: error:") != std::string::npos);

    // Complete enough to migrate: the v2 hook also reports what blocks migration.
    Write(repo / "pcluster" / "config",
          "[aws]\naws_region_name = us-east-1\n\n[global]\ncluster_template = default\n\n"
          "[cluster default]\nkey_name = a\nbase_os = alinux2\nscheduler = slurm\nvpc_settings = public\n"
          "queue_settings = q1\n\n[vpc public]\nmaster_subnet_id = subnet-0123456789abcdef0\n\n"
          "[queue q1]\ncompute_resource_settings = cr1\n\n[compute_resource cr1]\ninstance_type = t3.micro\n");
    ShellResult good = Run(sandbox, repo, "git add -A && git commit -q -m good");
    INFO(good.out);
    CHECK(good.exit_code == 0);
    CHECK(good.out.find("pcluster-lint (ParallelCluster 2 configs)") != std::string::npos);
  }

  SECTION("files that are not cluster configs are left alone") {
    Write(repo / ".github" / "workflows" / "ci.yaml", "on: push\njobs: {}\n");
    Write(repo / "setup.cfg", "[metadata]\nname = x\n");
    ShellResult other = Run(sandbox, repo, "git add -A && git commit -q -m other");
    INFO(other.out);
    CHECK(other.exit_code == 0);
  }
  fs::remove_all(sandbox);
}

}  // namespace
}  // namespace pcl::testing
