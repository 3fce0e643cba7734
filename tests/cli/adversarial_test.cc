// Hostile inputs that cannot live in git (huge, deep, looping, unreadable) and hostile output
// paths for `migrate`: the real binary must answer each with a clear message and the right exit
// code. Every run is bounded by ulimit (memory, CPU) and a wall-clock kill, so a runaway fails the
// test instead of hanging it; nothing here asserts on timing.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli/cli_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

TEST_CASE("adversarial: a 50 MB file stops at the size limit", "[cli][adversarial]") {
  Scratch s("huge");
  std::string text = MinimalV3();
  const std::string filler = "# " + std::string(1021, 'x') + "\n";
  while (text.size() < 50u * 1024 * 1024) text += filler;
  Write(s / "cluster.yaml", text);
  std::string ini = ClusterIni();
  while (ini.size() < 50u * 1024 * 1024) ini += filler;
  Write(s / "cluster.ini", ini);

  Outcome check = Run(s.dir(), "check cluster.yaml");
  INFO_OUTCOME(check);
  CHECK(check.exit_code == 1);
  CHECK(Contains(check.out, "cluster.yaml: error: file is larger than the 16 MiB limit"));
  CHECK(Contains(check.out, "PCL0006"));
  CHECK(check.out.size() < 4096);

  Outcome dump = Run(s.dir(), "dump cluster.yaml");
  INFO_OUTCOME(dump);
  CHECK(dump.exit_code == 1);
  CHECK(Contains(dump.err, "larger than the 16 MiB limit"));
  CHECK(dump.out.empty());

  Outcome migrate = Run(s.dir(), "migrate -q cluster.ini -o out.yaml");
  INFO_OUTCOME(migrate);
  CHECK(migrate.exit_code == 4);
  CHECK(Contains(migrate.out + migrate.err, "larger than the 16 MiB limit"));
  CHECK_FALSE(fs::exists(s / "out.yaml"));
}

TEST_CASE("adversarial: 10^5-deep nesting stops at the depth limit", "[cli][adversarial]") {
  Scratch s("deep");
  constexpr size_t kDepth = 100'000;
  Write(s / "flow.yaml", "HeadNode: " + std::string(kDepth, '[') + std::string(kDepth, ']') + "\n");
  std::string braces;
  for (size_t i = 0; i < kDepth; ++i) braces += "{a: ";
  Write(s / "braces.yaml", "HeadNode: " + braces + "1" + std::string(kDepth, '}') + "\n");
  std::string dashes;
  for (size_t i = 0; i < kDepth; ++i) dashes += "- ";
  Write(s / "block.yaml", "HeadNode:\n  " + dashes + "x\n");
  Write(s / "deep.toml", "[global]\ncluster_template = \"default\"\n[cluster.default]\nkey_name = " +
                             std::string(kDepth, '[') + std::string(kDepth, ']') + "\n");

  for (const char* file : {"flow.yaml", "braces.yaml", "block.yaml"}) {
    Outcome check = Run(s.dir(), std::string("check ") + file);
    INFO(file);
    INFO_OUTCOME(check);
    CHECK(check.exit_code == 1);
    CHECK(Contains(check.out, "nesting deeper than 200 levels"));
    CHECK(Contains(check.out, "PCL0006"));
    CHECK(check.out.size() < 8192);

    Outcome dump = Run(s.dir(), std::string("dump ") + file);
    INFO_OUTCOME(dump);
    CHECK(dump.exit_code == 1);
    CHECK(Contains(dump.err, "nesting deeper than 200 levels"));
  }
  Outcome toml = Run(s.dir(), "check deep.toml");
  INFO_OUTCOME(toml);
  CHECK(toml.exit_code == 1);
  CHECK(Contains(toml.out, "values nest more than 200 levels"));
  Outcome migrate = Run(s.dir(), "migrate deep.toml -o out.yaml");
  INFO_OUTCOME(migrate);
  CHECK(migrate.exit_code == 4);
  CHECK(Contains(migrate.out + migrate.err, "values nest more than 200 levels"));
  CHECK_FALSE(fs::exists(s / "out.yaml"));
}

// Lines are capped at 1024 KiB (ParseLimits::max_line_bytes): a 10 MB line is refused up front, in
// every format and command, and the finding quotes only the start of it.
TEST_CASE("adversarial: a 10 MB line is refused by the line budget, without echoing it", "[cli][adversarial]") {
  Scratch s("long-line");
  const std::string huge(10u * 1024 * 1024, 'a');
  Write(s / "comment.yaml", MinimalV3() + "# " + huge + "\n");
  Write(s / "value.yaml", MinimalV3() + "Tags:\n  - Key: k\n    Value: 1\n  - Key: " + huge + "\n    Nope: 1\n");
  Write(s / "value.ini", ClusterIni() + "\n[cluster other]\nkey_name = " + huge + "\nno_such_option = 1\n");

  for (const char* file : {"comment.yaml", "value.yaml", "value.ini"}) {
    Outcome check = Run(s.dir(), std::string("check ") + file);
    INFO_OUTCOME(check);
    CHECK(check.exit_code == 1);
    CHECK(Contains(check.out, "line is longer than the 1024 KiB limit for one line [PCL0006"));
    CHECK(check.out.size() < 64 * 1024);
  }
  Outcome migrate = Run(s.dir(), "migrate -q value.ini -o out.yaml");
  INFO_OUTCOME(migrate);
  CHECK(migrate.exit_code == 4);  // not converted: nothing written
  CHECK_FALSE(fs::exists(s / "out.yaml"));
  CHECK(migrate.out.size() + migrate.err.size() < 64 * 1024);
}

TEST_CASE("adversarial: check DIR survives directory symlink loops", "[cli][adversarial]") {
  Scratch s("loop");
  Write(s / "tree/a/cluster.yaml", MinimalV3());
  fs::create_directory_symlink("..", s / "tree/a/up");   // a/up -> tree: a loop back to an ancestor
  fs::create_directory_symlink(".", s / "tree/a/self");  // a/self -> a
  fs::create_symlink("ping", s / "tree/pong");           // pong -> ping -> pong: ELOOP
  fs::create_symlink("pong", s / "tree/ping");
  fs::create_symlink("missing", s / "tree/dangling.yaml");  // a dangling link found in the walk

  Outcome check = Run(s.dir(), "check tree");
  INFO_OUTCOME(check);
  CHECK(check.exit_code == 0);
  CHECK(Contains(check.out, "1 file checked: no findings"));

  Outcome migrate = Run(s.dir(), "migrate tree --out-dir out");
  INFO_OUTCOME(migrate);
  CHECK(migrate.exit_code == 0);
}

TEST_CASE("adversarial: unreadable inputs are I/O errors (exit 2)", "[cli][adversarial]") {
  Scratch s("unreadable");
  fs::create_directory(s / "dir.yaml");
  fs::create_symlink("missing.yaml", s / "dangling.yaml");
  REQUIRE(::mkfifo((s / "fifo.yaml").c_str(), 0600) == 0);
  Write(s / "dir.ini/x", "");

  struct Case {
    std::string args;
    std::string message;
  };
  const Case cases[] = {
      {"check dangling.yaml", "file does not exist"},
      {"check fifo.yaml", "is a named pipe with nothing written to it"},
      {"check /dev/zero", "is not a regular file (a device or socket)"},
      {"dump dir.yaml", "is a directory"},
      {"dump dangling.yaml", "file does not exist"},
      {"dump fifo.yaml", "is a named pipe with nothing written to it"},
      {"migrate dangling.yaml", "file does not exist"},
      {"migrate fifo.yaml", "is a named pipe with nothing written to it"},
      {"migrate /dev/zero", "is not a regular file (a device or socket)"},
  };
  for (const Case& c : cases) {
    Outcome outcome = Run(s.dir(), c.args);
    INFO(c.args);
    INFO_OUTCOME(outcome);
    CHECK(outcome.exit_code == 2);
    CHECK(Contains(outcome.out + outcome.err, c.message));
    CHECK(Contains(outcome.out + outcome.err, "PCL0007"));
  }
  // A pipe that has a writer is read like a file: `check <(git show HEAD:cluster.yaml)`.
  Write(s / "cluster.yaml", MinimalV3());
  Outcome piped = Run(s.dir(), "check --input-format yaml /dev/stdin", "cluster.yaml");
  INFO_OUTCOME(piped);
  CHECK(piped.exit_code == 0);
  CHECK(Contains(piped.out, "1 file checked: no findings"));
  // A file in /proc that fails to read even for root.
  if (fs::exists("/proc/self/mem")) {
    Outcome mem = Run(s.dir(), "check --input-format yaml /proc/self/mem");
    INFO_OUTCOME(mem);
    CHECK(mem.exit_code == 2);
    CHECK(Contains(mem.out, "PCL0007"));
  }
  if (::geteuid() == 0) {
    WARN("running as root: the chmod 000 case is skipped (permission bits do not stop root)");
    return;
  }
  Write(s / "secret.yaml", MinimalV3());
  fs::permissions(s / "secret.yaml", fs::perms::none);
  Outcome secret = Run(s.dir(), "check secret.yaml");
  INFO_OUTCOME(secret);
  CHECK(secret.exit_code == 2);
  CHECK(Contains(secret.out, "cannot open file: Permission denied"));
  fs::create_directories(s / "locked/inner");
  Write(s / "locked/inner/cluster.yaml", MinimalV3());
  fs::permissions(s / "locked/inner", fs::perms::none);
  Write(s / "locked/secret.ini", ClusterIni());
  fs::permissions(s / "locked/secret.ini", fs::perms::none);
  Outcome locked = Run(s.dir(), "check locked");
  INFO_OUTCOME(locked);
  CHECK(locked.exit_code == 2);
  CHECK(Contains(locked.out, "locked/inner: error: cannot read directory: Permission denied"));
  CHECK(Contains(locked.out, "locked/secret.ini: error: cannot open file: Permission denied"));
}

TEST_CASE("adversarial: an unreadable directory is a finding naming it, never 'no findings'", "[cli][adversarial]") {
  Scratch s("locked-dir");
  Write(s / "configs/locked/cluster.yaml", MinimalV3());
  fs::permissions(s / "configs/locked", fs::perms::none);
  // Permission bits do not stop root: then the check runs as nobody.
  std::string as_user;
  if (::geteuid() == 0) {
    if (std::system("setpriv --version >/dev/null 2>&1") != 0) {
      WARN("running as root without setpriv: the unreadable directory case is skipped");
      return;
    }
    as_user = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  for (const char* format : {"text", "json"}) {
    ShellResult run = RunShell("cd '" + s.dir().string() + "' && NO_COLOR=1 GITHUB_ACTIONS= " + as_user + "'" +
                               std::string(PCL_BINARY) + "' check --format " + format + " configs");
    INFO(run.out << run.err);
    CHECK(run.exit_code == 2);
    CHECK(Contains(run.out, "cannot read directory: Permission denied; the configs in it were not checked"));
    CHECK(Contains(run.out, "PCL0007"));
    CHECK_FALSE(Contains(run.out, "no findings"));
  }
}

TEST_CASE("adversarial: migrate never clobbers an existing output without --force", "[cli][adversarial]") {
  Scratch s("migrate-exists");
  Write(s / "cluster.ini", ClusterIni());
  const std::string mine = "# my hand-written v3 config\nRegion: us-east-1\n";
  Write(s / "out.yaml", mine);
  fs::permissions(s / "out.yaml", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);

  Outcome refused = Run(s.dir(), "migrate -q cluster.ini -o out.yaml");
  INFO_OUTCOME(refused);
  CHECK(refused.exit_code == 2);
  CHECK(Contains(refused.out + refused.err, "out.yaml: already exists (use --force to replace it)"));
  CHECK(ReadFile((s / "out.yaml").string()) == mine);
  CHECK(TempFilesIn(s.dir()) == 0);

  Outcome forced = Run(s.dir(), "migrate -q cluster.ini -o out.yaml --force");
  INFO_OUTCOME(forced);
  CHECK(forced.exit_code == 0);
  const std::string replaced = ReadFile((s / "out.yaml").string());
  CHECK(Contains(replaced, "HeadNode:"));
  CHECK(Contains(replaced, "SlurmQueues:"));
  CHECK(TempFilesIn(s.dir()) == 0);
  // The result is 0600 as README states, not the mode of the file it replaced.
  CHECK((fs::status(s / "out.yaml").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));

  // Writing a migration over its own input would lose the v2 original, --force or not.
  Outcome self = Run(s.dir(), "migrate -q cluster.ini -o cluster.ini --force");
  INFO_OUTCOME(self);
  CHECK(self.exit_code == 2);
  CHECK(Contains(self.out + self.err, "cluster.ini: is an input of this run; write it elsewhere"));
  CHECK(ReadFile((s / "cluster.ini").string()) == ClusterIni());
}

TEST_CASE("adversarial: migrate refuses output paths it cannot or must not write", "[cli][adversarial]") {
  Scratch s("migrate-paths");
  Write(s / "cluster.ini", ClusterIni());
  Write(s / "a-file", "keep me\n");
  fs::create_directory(s / "outdir");

  struct Case {
    std::string args;
    std::string message;
  };
  const Case cases[] = {
      {"migrate -q cluster.ini -o outdir", "outdir: is a directory"},
      {"migrate -q cluster.ini -o outdir --force", "outdir: is a directory"},
      {"migrate -q cluster.ini -o a-file/out.yaml", "a-file: is not a directory"},
      {"migrate -q cluster.ini -o /proc/pcl-out.yaml", "/proc/pcl-out.yaml"},
      {"migrate -q cluster.ini --out-dir a-file", "a-file"},
      {"migrate -q cluster.ini --out-dir a-file --force", "a-file"},
      {"migrate -q cluster.ini --report outdir", "outdir: is a directory"},
  };
  for (const Case& c : cases) {
    Outcome outcome = Run(s.dir(), c.args);
    INFO(c.args);
    INFO_OUTCOME(outcome);
    CHECK(outcome.exit_code == 2);
    CHECK(Contains(outcome.out + outcome.err, c.message));
    CHECK(fs::is_empty(s / "outdir"));
    CHECK(ReadFile((s / "a-file").string()) == "keep me\n");
    CHECK(TempFilesIn(s.dir()) == 0);
  }

  // A tree: the one existing output is kept byte for byte, the others are written; exit 2.
  Write(s / "tree/a.ini", ClusterIni());
  Write(s / "tree/b.ini", ClusterIni());
  Write(s / "converted/a.yaml", "mine\n");
  Outcome tree = Run(s.dir(), "migrate tree --out-dir converted");
  INFO_OUTCOME(tree);
  CHECK(tree.exit_code == 2);
  CHECK(Contains(tree.out + tree.err, "already exists"));
  CHECK(ReadFile((s / "converted/a.yaml").string()) == "mine\n");
  CHECK(Contains(ReadFile((s / "converted/b.yaml").string()), "HeadNode:"));
  CHECK(TempFilesIn(s / "converted") == 0);

  if (::geteuid() != 0) {
    fs::create_directory(s / "readonly");
    fs::permissions(s / "readonly", fs::perms::owner_read | fs::perms::owner_exec);
    Outcome readonly = Run(s.dir(), "migrate -q cluster.ini -o readonly/out.yaml");
    INFO_OUTCOME(readonly);
    CHECK(readonly.exit_code == 2);
    CHECK(Contains(readonly.out + readonly.err, "Permission denied"));
  }
}

}  // namespace
}  // namespace pcl::testing
