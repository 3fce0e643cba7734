// `diff --git-base REF FILE...` against a throwaway git repository made with the real git binary.
#include "diff/git_base.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

ShellResult Run(const fs::path& dir, const std::string& args) {
  return RunShell("cd '" + dir.string() + "' && NO_COLOR=1 '" + std::string(PCL_BINARY) + "' " + args);
}

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

bool Git(const fs::path& dir, const std::string& args) {
  std::string command = "git -C '" + dir.string() + "' -c user.name=pcl-test -c user.email=pcl-test@example.com " +
                        "-c commit.gpgsign=false " + args + " >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

const char kConfig[] = R"(Region: us-east-1
Image:
  Os: alinux2023
HeadNode:
  InstanceType: t3.micro
  Networking:
    SubnetId: subnet-0123456789abcdef0
Scheduling:
  Scheduler: slurm
  SlurmQueues:
    - Name: q1
      ComputeResources:
        - Name: cr1
          InstanceType: c5.large
          MaxCount: 10
      Networking:
        SubnetIds:
          - subnet-0123456789abcdef0
)";

// A fresh repository with configs/cluster.yaml committed, then edited in the work tree.
struct Repo {
  fs::path root;
  Repo() {
    root = fs::temp_directory_path() / ("pcl-git-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~Repo() { fs::remove_all(root); }
};

TEST_CASE("diff --git-base compares files with their content at a revision", "[diff][git]") {
  if (std::system("git --version >/dev/null 2>&1") != 0) {
    ReportSkipped("git is not installed");
    return;
  }
  Repo repo;
  REQUIRE(Git(repo.root, "init -q"));
  Write(repo.root / "configs" / "cluster.yaml", kConfig);
  REQUIRE(Git(repo.root, "add configs/cluster.yaml"));
  REQUIRE(Git(repo.root, "commit -q -m base"));
  std::string edited = kConfig;
  edited.replace(edited.find("t3.micro"), 8, "c5.large");
  edited.replace(edited.find("MaxCount: 10"), 12, "MaxCount: 20");
  Write(repo.root / "configs" / "cluster.yaml", edited);
  Write(repo.root / "configs" / "new.yaml", kConfig);  // not in HEAD

  SECTION("from the repository root") {
    ShellResult run = Run(repo.root, "diff --git-base HEAD configs/cluster.yaml configs/new.yaml");
    INFO(run.out << run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.out.find("configs/cluster.yaml:5:17: error: HeadNode.InstanceType changes from t3.micro to c5.large") !=
          std::string::npos);
    CHECK(run.out.find("note: configs/cluster.yaml@HEAD:5:17: old value") != std::string::npos);
    CHECK(run.out.find("PCL8005") != std::string::npos);
    CHECK(run.out.find("note: configs/new.yaml: not in HEAD; nothing to compare") != std::string::npos);
    CHECK(run.out.find("summary: this change needs a new cluster") != std::string::npos);
  }
  SECTION("from a subdirectory: paths are relative to where the tool runs") {
    ShellResult run = Run(repo.root / "configs", "diff --git-base HEAD cluster.yaml --format json");
    CHECK(run.exit_code == 1);
    CHECK(run.out.find("\"cluster.yaml@HEAD\"") != std::string::npos);
    CHECK(run.out.find("\"requirement\": \"new-cluster\"") != std::string::npos);
    // GitHub annotations name files from the repository root: the old version's too.
    ShellResult github = Run(repo.root / "configs", "diff --git-base HEAD cluster.yaml --format github");
    INFO(github.out);
    CHECK(github.out.find("::error file=configs/cluster.yaml,line=5") != std::string::npos);
    CHECK(github.out.find("note: configs/cluster.yaml@HEAD:5:17: old value") != std::string::npos);
    CHECK(github.out.find("HEAD:configs") == std::string::npos);
  }
  SECTION("a file that is new at the revision has no diff") {
    ShellResult run = Run(repo.root, "diff --git-base HEAD configs/new.yaml");
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("summary: no changes: nothing to update") != std::string::npos);
  }
  SECTION("git failures are usage errors (exit 2)") {
    ShellResult bad_ref = Run(repo.root, "diff --git-base no-such-branch configs/cluster.yaml");
    CHECK(bad_ref.exit_code == 2);
    CHECK(bad_ref.err.find("unknown git revision 'no-such-branch'") != std::string::npos);
    ShellResult option_ref = Run(repo.root, "diff --git-base=--output=x configs/cluster.yaml");
    CHECK(option_ref.exit_code == 2);
    fs::path outside = fs::temp_directory_path() / ("pcl-nogit-" + std::to_string(::getpid()));
    fs::create_directories(outside);
    Write(outside / "c.yaml", kConfig);
    ShellResult not_repo = Run(outside, "diff --git-base HEAD c.yaml");
    fs::remove_all(outside);
    CHECK(not_repo.exit_code == 2);
    CHECK(not_repo.err.find("not in a git work tree") != std::string::npos);
  }
  SECTION("ReadAtRevision reads the exact blob") {
    diff::BaseVersion base = diff::ReadAtRevision((repo.root / "configs" / "cluster.yaml").string(), "HEAD");
    REQUIRE(base.ok);
    CHECK(base.exists);
    CHECK(base.label == (repo.root / "configs" / "cluster.yaml").string() + "@HEAD");
    CHECK(base.text == kConfig);
  }
}

TEST_CASE("RunProcess reports commands that cannot start", "[diff][git]") {
  diff::ProcessResult result = diff::RunProcess({"pcl-no-such-command-xyz"});
  CHECK(result.exit_code != 0);
}

}  // namespace
}  // namespace pcl::testing
