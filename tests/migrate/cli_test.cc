// `pcluster-lint migrate` end to end: offline with an empty environment, -o, --force, file mode,
// --out-dir trees with the summary table, --report, --format json, and refusing to write on errors.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

// Runs the binary with only PATH in the environment: no AWS credentials, region or HOME.
ShellResult Migrate(const fs::path& dir, const std::string& args) {
  return RunShell("cd '" + dir.string() + "' && env -i PATH=/usr/bin:/bin '" + std::string(PCL_BINARY) + "' migrate " +
                  args);
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("pcl-migrate-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string Fixture(const std::string& name) {
  return SourceDir() + "/fixtures/migrate/" + name + "/input.ini";
}

void Copy(const std::string& from, const fs::path& to) {
  fs::create_directories(to.parent_path());
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

TEST_CASE("migrate converts offline with an empty environment, to stdout or a 0600 file", "[migrate][cli]") {
  TempDir tmp;
  // A v2 config whose v3 result is clean at 3.13: migrate exits 1 when the result has error findings, and
  // its base_os ubuntu2004 is gone from 3.14 (the default target rejects it; see fixtures/cli/migrate-removed-os).
  Copy(Fixture("slurm-single-queue"), tmp.path / "cluster.ini");
  const std::string expected = ReadFile(SourceDir() + "/fixtures/migrate/slurm-single-queue/expected.yaml");

  ShellResult to_stdout = Migrate(tmp.path, "cluster.ini --account-id 123456789012 --target-version 3.13");
  CHECK(to_stdout.exit_code == 0);
  CHECK(to_stdout.out == expected);
  CHECK(to_stdout.err.find("v2 keys") != std::string::npos);  // the report summary

  fs::create_directories(tmp.path / "out");  // -o never creates directories
  ShellResult to_file =
      Migrate(tmp.path, "cluster.ini -o out/cluster.yaml --account-id 123456789012 -q --target-version 3.13");
  CHECK(to_file.exit_code == 0);
  CHECK(ReadFile((tmp.path / "out/cluster.yaml").string()) == expected);
  struct stat st;
  REQUIRE(::stat((tmp.path / "out/cluster.yaml").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  // An existing output is kept unless --force is given.
  std::ofstream(tmp.path / "out/cluster.yaml") << "keep me\n";
  ShellResult again =
      Migrate(tmp.path, "cluster.ini -o out/cluster.yaml --account-id 123456789012 -q --target-version 3.13");
  CHECK(again.exit_code == 2);
  CHECK(ReadFile((tmp.path / "out/cluster.yaml").string()) == "keep me\n");
  ShellResult forced =
      Migrate(tmp.path, "cluster.ini -o out/cluster.yaml --account-id 123456789012 -q --force --target-version 3.13");
  CHECK(forced.exit_code == 0);
  CHECK(ReadFile((tmp.path / "out/cluster.yaml").string()) == expected);
}

TEST_CASE("migrate reports every blocking problem with its line and writes nothing", "[migrate][cli]") {
  TempDir tmp;
  Copy(Fixture("error-all-at-once"), tmp.path / "cluster.ini");
  ShellResult result = Migrate(tmp.path, "cluster.ini -o cluster.yaml --format json");
  CHECK(result.exit_code == 4);
  CHECK_FALSE(fs::exists(tmp.path / "cluster.yaml"));
  auto report = nlohmann::json::parse(result.out);
  std::set<std::string> errors;
  for (const auto& finding : report["findings"]) {
    if (finding["severity"] == "error") {
      CHECK(finding["line"].get<int>() > 0);
      errors.insert(finding["rule"].get<std::string>());
    }
  }
  for (const char* id : {"PCL2001", "PCL2005", "PCL2007", "PCL2009", "PCL2010"}) {
    INFO(id);
    CHECK(errors.count(id) == 1);
  }
}

TEST_CASE("migrate --out-dir mirrors a tree, converts in parallel and prints a summary table", "[migrate][cli]") {
  TempDir tmp;
  Copy(Fixture("slurm-single-queue"), tmp.path / "in/a/cluster.ini");
  Copy(Fixture("awsbatch"), tmp.path / "in/b/config");
  Copy(SourceDir() + "/fixtures/migrate/slurm-single-queue-toml/input.toml", tmp.path / "in/c.toml");
  Copy(Fixture("error-all-at-once"), tmp.path / "in/broken.ini");
  ShellResult result = Migrate(tmp.path, "in --out-dir out --account-id 123456789012 --report report.json -j 4");
  CHECK(result.exit_code == 4);  // one file was not converted
  CHECK(fs::exists(tmp.path / "out/a/cluster.yaml"));
  CHECK(fs::exists(tmp.path / "out/b/config.yaml"));
  CHECK(fs::exists(tmp.path / "out/c.yaml"));
  CHECK_FALSE(fs::exists(tmp.path / "out/broken.yaml"));
  CHECK(result.out.find("4 files: ") != std::string::npos);
  CHECK(result.out.find(" 1 failed") != std::string::npos);
  CHECK(result.out.find("PCL2001") != std::string::npos);  // the failure's reason

  auto report = nlohmann::json::parse(ReadFile((tmp.path / "report.json").string()));
  CHECK(report["format"] == "pcluster-lint-migration-report");
  REQUIRE(report["files"].size() == 4);
  for (const auto& file : report["files"]) {
    INFO(file["input"]);
    CHECK_FALSE(file["keys"].empty());
    for (const auto& key : file["keys"]) {
      CHECK(key["line"].get<int>() > 0);
      if (key["fate"] == "dropped") CHECK_FALSE(key["reason"].get<std::string>().empty());
    }
  }
}

// Results are printed as each file's turn comes, with two threads finishing in any order: what
// comes out (findings, table, summary, --report, the YAML files) is what one thread prints.
TEST_CASE("migrate --out-dir prints the same bytes with one thread and with two", "[migrate][cli]") {
  TempDir tmp;
  auto make_tree = [](const fs::path& root) {
    for (int i = 0; i < 4; ++i) {  // more files than results may wait with -j 2
      const std::string n = std::to_string(i);
      Copy(Fixture("slurm-single-queue"), root / ("in/d" + n + "/clean.ini"));
      Copy(SourceDir() + "/fixtures/cli/migrate-result-with-errors/cluster.ini", root / ("in/d" + n + "/errors.ini"));
      Copy(Fixture("error-all-at-once"), root / ("in/d" + n + "/blocked.ini"));
    }
    Copy(Fixture("awsbatch"), root / "in/b/config");
    Copy(SourceDir() + "/fixtures/migrate/slurm-single-queue-toml/input.toml", root / "in/c.toml");
  };
  auto files_under = [](const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.is_regular_file())
        files[entry.path().lexically_relative(dir).string()] = ReadFile(entry.path().string());
    }
    return files;
  };
  const std::regex timing("\\([0-9]+ ms\\)");
  const fs::path root = tmp.path / "tree";
  make_tree(root);
  for (const std::string options : {"--report report.json", "--format github", "--format json", "-q --format sarif"}) {
    std::map<std::string, std::string> yaml[2];
    std::string out[2], err[2], report[2];
    int exit_code[2];
    for (int run = 0; run < 2; ++run) {  // -j 1, then -j 2, in the same place (SARIF has absolute paths)
      fs::remove_all(root / "out");
      fs::remove(root / "report.json");
      ShellResult result =
          Migrate(root, "in --out-dir out --account-id 123456789012 -j " + std::to_string(run + 1) + " " + options);
      out[run] = std::regex_replace(result.out, timing, "(N ms)");
      err[run] = result.err;
      exit_code[run] = result.exit_code;
      yaml[run] = files_under(root / "out");
      if (fs::exists(root / "report.json")) report[run] = ReadFile((root / "report.json").string());
    }
    INFO(options << "\nstdout -j 1:\n" << out[0].substr(0, 3000) << "\nstderr -j 1:\n" << err[0].substr(0, 3000));
    CHECK(exit_code[0] == 4);
    CHECK(exit_code[1] == 4);
    CHECK(yaml[0].size() == 10);  // all but the 4 blocked files
    CHECK(out[0].find("14 files: ") != std::string::npos);
    CHECK(out[0].find(", 4 failed (nothing written)") != std::string::npos);
    CHECK(out[0].find("PCL6001") != std::string::npos);  // findings of the results, in every format
    CHECK((options.find("-q") == std::string::npos) == (err[0].find(" v2 keys: ") != std::string::npos));
    CHECK((options.find("--report") == std::string::npos) == report[0].empty());
    CHECK(out[1] == out[0]);
    CHECK(err[1] == err[0]);
    CHECK(report[1] == report[0]);
    CHECK(yaml[1] == yaml[0]);
  }
}

TEST_CASE("a role name without --account-id is an error that names the flag", "[migrate][cli]") {
  TempDir tmp;
  Copy(Fixture("slurm-multi-queue"), tmp.path / "cluster.ini");
  ShellResult result = Migrate(tmp.path, "cluster.ini -q");
  CHECK(result.exit_code == 4);
  CHECK(result.out.empty());
  CHECK(result.err.find("--account-id") != std::string::npos);
  CHECK(result.err.find("PCL2012") != std::string::npos);
}

TEST_CASE("migrate checks its result with the v3 rules, not only the schema", "[migrate][cli]") {
  TempDir tmp;
  // enable_efa_gdr = compute with EFA on one queue only: the other queues get GdrSupport without
  // EFA, which ParallelCluster 3 rejects (PCL3017). The YAML is still written; the exit code says.
  Copy(Fixture("slurm-multi-queue"), tmp.path / "cluster.ini");
  ShellResult result = Migrate(tmp.path, "cluster.ini -o out.yaml --account-id 123456789012 -q");
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("out.yaml:88:25: error: compute resource 'c5-large' sets Efa.GdrSupport true but EFA is "
                        "not enabled") != std::string::npos);
  CHECK(result.out.find("[PCL3017 efa-gdr-support-without-efa]") != std::string::npos);
  CHECK(fs::exists(tmp.path / "out.yaml"));
}

TEST_CASE("migrate has one exit code and status per outcome: converted, converted with findings, failed",
          "[migrate][cli]") {
  TempDir tmp;
  Copy(Fixture("slurm-single-queue"), tmp.path / "clean.ini");
  Copy(SourceDir() + "/fixtures/cli/migrate-result-with-errors/cluster.ini", tmp.path / "errors.ini");
  Copy(Fixture("error-all-at-once"), tmp.path / "blocked.ini");

  ShellResult clean =
      Migrate(tmp.path, "clean.ini -o clean.yaml --account-id 123456789012 -q --report r.json --target-version 3.13");
  CHECK(clean.exit_code == 0);
  CHECK(nlohmann::json::parse(ReadFile((tmp.path / "r.json").string()))["files"][0]["status"] == "converted");

  // The result has error findings (centos8, a compute resource named 'default'): written, exit 1.
  // (--force: the report of the run before is replaced, which --report refuses without it.)
  ShellResult errors = Migrate(tmp.path, "errors.ini -o errors.yaml -q --force --report r.json");
  CHECK(errors.exit_code == 1);
  CHECK(fs::exists(tmp.path / "errors.yaml"));
  auto report = nlohmann::json::parse(ReadFile((tmp.path / "r.json").string()));
  CHECK(report["format_version"] == 2);
  CHECK(report["fail_on"] == "error");
  CHECK(report["files"][0]["status"] == "converted with findings");
  CHECK(report["files"][0]["output"] == "errors.yaml");
  std::set<std::string> rules;
  for (const auto& finding : report["files"][0]["findings"]) rules.insert(finding["rule"].get<std::string>());
  CHECK(rules.count("PCL6001") == 1);  // 'default' as a compute resource name

  // --fail-on never: the same result counts as converted.
  ShellResult never = Migrate(tmp.path, "errors.ini -o errors.yaml --force -q --fail-on never --report r.json");
  CHECK(never.exit_code == 0);
  CHECK(nlohmann::json::parse(ReadFile((tmp.path / "r.json").string()))["files"][0]["status"] == "converted");
  // --fail-on warning: a result with warnings only is "converted with findings" too.
  ShellResult warning = Migrate(
      tmp.path, "clean.ini -o clean.yaml --force --account-id 123456789012 -q --fail-on warning --target-version 3.13");
  CHECK(warning.exit_code == 1);

  // A blocking problem: nothing written, exit 4, whatever --fail-on says.
  ShellResult blocked = Migrate(tmp.path, "blocked.ini -o blocked.yaml -q --force --fail-on never --report r.json");
  CHECK(blocked.exit_code == 4);
  CHECK_FALSE(fs::exists(tmp.path / "blocked.yaml"));
  report = nlohmann::json::parse(ReadFile((tmp.path / "r.json").string()));
  CHECK(report["files"][0]["status"] == "failed");
  CHECK(report["files"][0]["output"].is_null());

  // A tree: the table says the same, and 4 (not converted) beats 1.
  fs::create_directories(tmp.path / "in");
  for (const char* name : {"clean.ini", "errors.ini", "blocked.ini"})
    Copy((tmp.path / name).string(), tmp.path / "in" / name);
  ShellResult tree = Migrate(tmp.path, "in --out-dir out --account-id 123456789012 -q -j 1 --target-version 3.13");
  INFO(tree.out);
  CHECK(tree.exit_code == 4);
  CHECK(tree.out.find("3 files: 1 converted, 1 converted with findings, 1 failed (nothing written)\n") !=
        std::string::npos);
  CHECK(tree.out.find("converted with findings  in/errors.ini") != std::string::npos);
  CHECK(tree.out.find("at or above --fail-on") != std::string::npos);
  fs::remove(tmp.path / "in" / "blocked.ini");
  ShellResult written = Migrate(tmp.path, "in --out-dir out2 --account-id 123456789012 -q");
  CHECK(written.exit_code == 1);

  // --help says the same.
  ShellResult help = Migrate(tmp.path, "--help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--fail-on") != std::string::npos);
  CHECK(help.out.find("4 a blocking problem, nothing written") != std::string::npos);
}

TEST_CASE("migrate refuses an account id that is not 12 digits", "[migrate][cli]") {
  TempDir tmp;
  Copy(Fixture("slurm-multi-queue"), tmp.path / "cluster.ini");
  ShellResult short_id = Migrate(tmp.path, "cluster.ini --account-id 12345");
  CHECK(short_id.exit_code == 2);
  CHECK(short_id.err.find("exactly 12 digits") != std::string::npos);
  CHECK(short_id.out.empty());
  CHECK(Migrate(tmp.path, "cluster.ini --account-id 1234-5678-9012 -q").exit_code == 2);
}

}  // namespace
}  // namespace pcl::testing
