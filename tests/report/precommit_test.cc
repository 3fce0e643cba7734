// End to end: the shipped .pre-commit-hooks.yaml, run by the real pre-commit in a scratch git
// repository, blocks a commit with a broken config and lets a clean one through; in a repository
// full of other YAML/INI/TOML, it reports the configs' mistakes and nothing about the rest.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
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
                       "GITHUB_ACTIONS= PRE_COMMIT_COLOR=never PATH='" + bin_dir + "':\"$PATH\" && (" + commands +
                       ") 2>&1";
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

/// A scratch directory with a git repository at `repo` that has the shipped hooks installed.
struct Sandbox {
  fs::path root;
  fs::path repo;
  Sandbox() {
    std::string pattern = (fs::temp_directory_path() / "pcl-precommit-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()));
    root = pattern;
    repo = root / "repo";
    fs::create_directories(repo);
    fs::create_directories(root / "home");
    ShellResult init = Run(root, repo,
                           "git init -q . && git config user.email t@example.com && git config user.name Test && "
                           "git config commit.gpgsign false && pre-commit install");
    INFO(init.out);
    REQUIRE(init.exit_code == 0);
    Write(repo / ".pre-commit-config.yaml", LocalHooksConfig());
  }
  ~Sandbox() { fs::remove_all(root); }
};

bool HaveTools() {
  return std::system("command -v pre-commit >/dev/null 2>&1 && command -v git >/dev/null 2>&1") == 0;
}

TEST_CASE("pre-commit hooks block broken configs and pass clean ones", "[report][precommit]") {
  if (!HaveTools()) {
    ReportSkipped("pre-commit not installed");
    return;
  }
  Sandbox box;
  const fs::path& sandbox = box.root;
  const fs::path& repo = box.repo;

  const std::string good_v3 = ReadFile(SourceDir() + "/fixtures/examples/minimal.yaml");
  REQUIRE_FALSE(good_v3.empty());

  SECTION("v3: a duplicate key blocks the commit and is shown; the fixed file passes") {
    Write(repo / "clusters" / "prod.yaml",
          "Region: us-east-1\nHeadNode:\n  InstanceType: t3.micro\n"
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
    Write(repo / "pcluster" / "config",
          "[global]\ncluster_template = default\n\n[cluster default]\n"
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
}

// What an HPC platform team's repository holds next to its cluster configs. Names were chosen to
// match the hooks' patterns where real repositories do ("cluster" in the name, files in
// pcluster/ or clusters/), so only content tells them apart.
std::map<std::string, std::string> OtherFiles() {
  return {
      {".pcluster-lint.yaml", "target-version: \"3.9\"\nexclude: [\"clusters/generated/*\"]\nfail-on: error\n"},
      {"k8s/eks-cluster.yaml",
       "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: analytics\n  region: us-east-1\n"
       "managedNodeGroups:\n  - name: ng-1\n    instanceType: m5.large\n    desiredCapacity: 2\n"},
      {"k8s/cluster-autoscaler.yaml",
       "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cluster-autoscaler\n  namespace: kube-system\n"
       "spec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: autoscaler\n"
       "          image: registry.k8s.io/autoscaling/cluster-autoscaler:v1.29.0\n---\napiVersion: v1\n"
       "kind: ServiceAccount\nmetadata:\n  name: cluster-autoscaler\n"},
      {"cloudformation/cluster-network.yaml",
       "AWSTemplateFormatVersion: \"2010-09-09\"\nDescription: VPC for the HPC clusters\nParameters:\n"
       "  CidrBlock:\n    Type: String\n    Default: 10.0.0.0/16\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n"
       "    Properties:\n      CidrBlock: !Ref CidrBlock\nOutputs:\n  VpcId:\n    Value: !Ref Vpc\n"},
      {"pcluster/images/cluster-image.yaml",
       "Image:\n  Name: hpc-base-3110\n  RootVolume:\n    Size: 50\nBuild:\n  InstanceType: c5.xlarge\n"
       "  ParentImage: ami-0123456789abcdef0\n  UpdateOsPackages:\n    Enabled: true\n"
       "DevSettings:\n  TerminateInstanceOnFailure: true\n"},
      {".github/workflows/cluster-deploy.yml",
       "name: deploy clusters\non:\n  push:\n    branches: [main]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n"
       "    steps:\n      - uses: actions/checkout@v4\n      - run: pcluster-lint check .\n"},
      {"clusters/README.yaml", "# notes for reviewers\nowners:\n  - hpc-platform\nreview: weekly\n"},
      {"clusters/tools.cfg", "[flake8]\nmax-line-length = 100\n"},
      {"parallelcluster/cluster-tools.toml", "[tool.black]\nline-length = 100\n"},
      {"setup.cfg", "[metadata]\nname = hpc-platform\n"},
      // Excluded in .pcluster-lint.yaml: named by pre-commit, still never checked.
      {"clusters/generated/auto-cluster.yaml", "HeadNode:\n  InstanceType: t3.micro\n  Bogus: 1\nScheduling: {}\n"},
  };
}

TEST_CASE("pre-commit hooks in a realistic repository: config mistakes found, other files left alone",
          "[report][precommit]") {
  if (!HaveTools()) {
    ReportSkipped("pre-commit not installed");
    return;
  }
  Sandbox box;
  std::vector<std::string> others;
  for (const auto& [path, text] : OtherFiles()) {
    Write(box.repo / path, text);
    others.push_back(path);
  }
  // Real image-builder configs, when the corpus is here (read in place, written to the sandbox).
  if (auto corpus = CorpusDir()) {
    for (const std::string& file : ListFiles(*corpus + "/v3-imagebuilder", ".yaml")) {
      std::string name = "pcluster/images/" + fs::path(file).filename().string();
      Write(box.repo / name, ReadFile(file));
      others.push_back(name);
    }
  }
  // A v3 config with three planted mistakes: the queue's key SubnetIds on the head node (line 7),
  // SSH open to the world (line 10) and MinCount above MaxCount (line 20).
  Write(box.repo / "clusters" / "prod-cluster.yaml",
        "Region: us-east-1\n"
        "Image:\n"
        "  Os: alinux2023\n"
        "HeadNode:\n"
        "  InstanceType: c5.large\n"
        "  Networking:\n"
        "    SubnetIds: subnet-0123456789abcdef0\n"
        "  Ssh:\n"
        "    KeyName: ops\n"
        "    AllowedIps: 0.0.0.0/0\n"
        "  LocalStorage:\n"
        "    RootVolume: {Size: 40}\n"
        "Scheduling:\n"
        "  Scheduler: slurm\n"
        "  SlurmQueues:\n"
        "    - Name: compute\n"
        "      ComputeResources:\n"
        "        - Name: c5\n"
        "          InstanceType: c5.xlarge\n"
        "          MinCount: 8\n"
        "          MaxCount: 4\n"
        "      Networking:\n"
        "        SubnetIds: [subnet-0123456789abcdef0]\n");
  // A v2 config with a duplicate option (line 7).
  Write(box.repo / "clusters" / "legacy" / "config",
        "[aws]\naws_region_name = us-east-1\n\n[global]\ncluster_template = default\nupdate_check = true\n"
        "update_check = false\n\n[cluster default]\nkey_name = ops\nbase_os = alinux2\nscheduler = slurm\n");

  ShellResult run = Run(box.root, box.repo, "git add -A && pre-commit run --all-files");
  INFO(run.out);
  CHECK(run.exit_code != 0);
  for (const char* expected : {"clusters/prod-cluster.yaml:7:", "clusters/prod-cluster.yaml:10:",
                               "clusters/prod-cluster.yaml:20:", "clusters/legacy/config:7:"}) {
    CHECK(run.out.find(expected) != std::string::npos);
  }
  for (const std::string& other : others) {
    INFO("a finding on " << other);
    CHECK(run.out.find(other + ":") == std::string::npos);
  }
  CHECK(run.out.find("note: skipped") != std::string::npos);  // named files that are not configs
}

}  // namespace
}  // namespace pcl::testing
