// Where every writer (check -o, --write-baseline, diff -o, migrate -o/--out-dir/--report) may and
// may not write: never onto an input of the run, never renaming over a device, FIFO or socket,
// 0600/0644 whatever was replaced, no directories nobody asked for, any name the file system takes.
// Devices, FIFOs, sockets and links are made in a scratch directory; /dev is never touched.
#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "cli/cli_support.h"
#include "pipeline/output.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

// A config with one error, so reports are not empty.
std::string BrokenV3() {
  return MinimalV3() + "Nope: 1\n";
}

mode_t ModeOf(const fs::path& path) {
  struct stat st;
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode;
}

// The writers that replace an existing report (check, diff) and those that need --force (migrate).
struct Writer {
  std::string args;  ///< with OUT where the output path goes
  int clean_exit;    ///< exit code when the write succeeds
};

const std::vector<Writer>& Writers() {
  static const std::vector<Writer> kWriters = {
      {"check s.yaml -o OUT", 1},
      {"check s.yaml --write-baseline OUT", 0},
      {"diff s.yaml t.yaml -o OUT", 0},
      {"migrate -q in.ini -o OUT --force", 0},
      {"migrate -q in.ini -o x.yaml --force --report OUT", 0},
  };
  return kWriters;
}

std::string With(const std::string& args, const std::string& out) {
  std::string result = args;
  result.replace(result.find("OUT"), 3, out);
  return result;
}

void WriteInputs(const Scratch& s) {
  Write(s / "s.yaml", BrokenV3());
  Write(s / "t.yaml", BrokenV3());
  Write(s / "in.ini", ClusterIni());
}

TEST_CASE("writes: no output lands on an input of the run, by inode not by name", "[cli][output]") {
  Scratch s("write-inputs");
  WriteInputs(s);
  Write(s / ".pcluster-lint.yaml", "fail-on: error\n");  // found from the working directory
  Write(s / "lint.yaml", "fail-on: error\n");
  Write(s / "k8s.yaml", "apiVersion: v1\nkind: ConfigMap\n");
  Outcome baseline = Run(s.dir(), "check s.yaml --write-baseline b.json");
  REQUIRE(baseline.exit_code == 0);
  fs::create_hard_link(s / "s.yaml", s / "hard.yaml");
  fs::create_symlink("s.yaml", s / "link.yaml");
  fs::create_symlink("in.ini", s / "link.ini");
  // --out-dir files too: out/tree-in.yaml leads to the input it would be converted from.
  Write(s / "tree/tree-in.ini", ClusterIni());
  fs::create_directories(s / "out");
  fs::create_symlink("../tree/tree-in.ini", s / "out/tree-in.yaml");

  struct Case {
    std::string args;
    std::string file;  ///< what must be unchanged
    std::string message;
    std::string before = "";  ///< shell words run first
  };
  const Case cases[] = {
      {"check s.yaml -o s.yaml", "s.yaml", "s.yaml: is an input of this run; write it elsewhere"},
      {"check s.yaml -o ./s.yaml", "s.yaml", "is an input of this run"},
      {"check s.yaml -o hard.yaml", "s.yaml", "hard.yaml: is an input of this run"},
      {"check s.yaml -o link.yaml", "s.yaml", "link.yaml: is an input of this run"},
      {"check . -o s.yaml", "s.yaml", "is an input of this run"},
      {"check s.yaml --write-baseline s.yaml", "s.yaml", "is an input of this run"},
      {"check s.yaml -o .pcluster-lint.yaml", ".pcluster-lint.yaml", "is an input of this run"},
      {"check s.yaml --config lint.yaml -o lint.yaml", "lint.yaml", "is an input of this run"},
      {"check s.yaml --baseline b.json -o b.json", "b.json", "is an input of this run"},
      {"check s.yaml --baseline b.json --write-baseline b.json", "b.json", "is an input of this run"},
      {"check --input-format yaml /dev/fd/3 -o s.yaml", "s.yaml", "is an input of this run", "exec 3<s.yaml &&"},
      {"diff s.yaml t.yaml -o t.yaml", "t.yaml", "is an input of this run"},
      // Named but skipped (not a cluster config by content): still the user's file, never the output.
      {"check k8s.yaml -o k8s.yaml", "k8s.yaml", "k8s.yaml: is an input of this run"},
      {"migrate -q in.ini -o in.ini --force", "in.ini", "in.ini: is an input of this run"},
      {"migrate -q in.ini -o link.ini --force", "in.ini", "is an input of this run"},
      {"migrate -q tree --out-dir out --force", "tree/tree-in.ini", "out/tree-in.yaml: is an input of this run"},
      {"migrate -q in.ini -o out.yaml --report in.ini", "in.ini", "in.ini: is an input of this run"},
      {"migrate -q in.ini -o out2.yaml --report in.ini --force", "in.ini", "is an input of this run"},
      {"migrate -q in.ini -o out3.yaml --report .pcluster-lint.yaml --force", ".pcluster-lint.yaml",
       "is an input of this run"},
      {"migrate -q in.ini -o out4.yaml --report out4.yaml --force", "in.ini", "out4.yaml: is an output of this run"},
  };
  for (const Case& c : cases) {
    const std::string before = ReadFile((s / c.file).string());
    Outcome outcome = Run(s.dir(), c.args, "", c.before);
    INFO(c.args);
    INFO_OUTCOME(outcome);
    CHECK(outcome.exit_code == 2);
    CHECK(Contains(outcome.err + outcome.out, c.message));  // --out-dir reports in its table
    CHECK(ReadFile((s / c.file).string()) == before);
    CHECK(TempFilesIn(s.dir()) == 0);
  }
  CHECK(fs::is_symlink(s / "link.yaml"));
  // The YAML of the last case was written; the report that would have replaced it was not.
  CHECK(Contains(ReadFile((s / "out4.yaml").string()), "HeadNode:"));
}

TEST_CASE("writes: a FIFO, a socket, or a link to stdout is written through, never renamed over", "[cli][output]") {
  Scratch s("write-special");
  WriteInputs(s);
  REQUIRE(::mkfifo((s / "out.fifo").c_str(), 0600) == 0);
  for (const Writer& writer : Writers()) {
    const std::string args = With(writer.args, "out.fifo");
    Outcome outcome = Run(s.dir(), args, "", "{ cat out.fifo > fifo.txt & } &&");
    INFO(args);
    INFO_OUTCOME(outcome);
    CHECK(outcome.exit_code == writer.clean_exit);
    CHECK(S_ISFIFO(ModeOf(s / "out.fifo")));
    CHECK_FALSE(ReadFile((s / "fifo.txt").string()).empty());
    CHECK(TempFilesIn(s.dir()) == 0);
  }

  // A link to this process's own stdout: the output goes to stdout, the link stays a link.
  fs::create_symlink("/proc/self/fd/1", s / "stdout");
  Outcome linked = Run(s.dir(), "check s.yaml -o stdout");
  INFO_OUTCOME(linked);
  CHECK(linked.exit_code == 1);
  CHECK(Contains(linked.out, "1 file checked: 1 error"));
  CHECK(fs::is_symlink(s / "stdout"));
  Outcome dev_stdout = Run(s.dir(), "check s.yaml --write-baseline /dev/stdout");
  INFO_OUTCOME(dev_stdout);
  CHECK(dev_stdout.exit_code == 0);
  CHECK(Contains(dev_stdout.out, "\"format\": \"pcluster-lint-baseline\""));

  // A link to a regular file: the file it leads to is replaced, the link is kept.
  Write(s / "real.txt", "old\n");
  fs::create_symlink("real.txt", s / "to-real.txt");
  Outcome through = Run(s.dir(), "check s.yaml -o to-real.txt");
  INFO_OUTCOME(through);
  CHECK(through.exit_code == 1);
  CHECK(fs::is_symlink(s / "to-real.txt"));
  CHECK(Contains(ReadFile((s / "real.txt").string()), "1 file checked: 1 error"));

  // A link that leads nowhere is not followed into a new file.
  fs::create_symlink("missing/none.txt", s / "dangling.txt");
  Outcome dangling = Run(s.dir(), "check s.yaml -o dangling.txt");
  INFO_OUTCOME(dangling);
  CHECK(dangling.exit_code == 2);
  CHECK(Contains(dangling.err, "dangling.txt: is a symbolic link that leads nowhere"));
  CHECK(fs::is_symlink(s / "dangling.txt"));
  CHECK_FALSE(fs::exists(s / "missing"));

  // A socket cannot be written like a file: refused, and left alone.
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string socket_path = (s / "out.sock").string();
  REQUIRE(socket_path.size() < sizeof address.sun_path);
  std::strcpy(address.sun_path, socket_path.c_str());
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  for (const Writer& writer : Writers()) {
    const std::string args = With(writer.args, "out.sock");
    Outcome outcome = Run(s.dir(), args);
    INFO(args);
    INFO_OUTCOME(outcome);
    CHECK(outcome.exit_code == 2);
    CHECK(Contains(outcome.err, "out.sock: is a socket, not a file; nothing written"));
    CHECK(S_ISSOCK(ModeOf(s / "out.sock")));
  }
  ::close(fd);
}

TEST_CASE("writes: a device node or a link to one is written through, never replaced", "[cli][output]") {
  if (::geteuid() != 0) {
    WARN("not root: device nodes cannot be made in a scratch directory; skipped");
    return;
  }
  Scratch s("write-device");
  WriteInputs(s);
  // The same device numbers as /dev/null (1,3) and /dev/full (1,7), in the scratch directory.
  REQUIRE(::mknod((s / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0);
  REQUIRE(::mknod((s / "full").c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0);
  fs::create_symlink("null", s / "null-link");
  for (const Writer& writer : Writers()) {
    for (const char* target : {"null", "null-link"}) {
      const std::string args = With(writer.args, target);
      Outcome outcome = Run(s.dir(), args);
      INFO(args);
      INFO_OUTCOME(outcome);
      CHECK(outcome.exit_code == writer.clean_exit);
      CHECK(S_ISCHR(ModeOf(s / "null")));
      CHECK(fs::is_symlink(s / "null-link"));
      CHECK(TempFilesIn(s.dir()) == 0);
    }
    // A device that fails the write: the error is reported (exit 2), the node stays.
    const std::string args = With(writer.args, "full");
    Outcome full = Run(s.dir(), args);
    INFO(args);
    INFO_OUTCOME(full);
    CHECK(full.exit_code == 2);
    CHECK(Contains(full.err, "full: write failed: No space left on device"));
    CHECK(S_ISCHR(ModeOf(s / "full")));
  }
}

TEST_CASE("writes: --force replaces regular files only, with the mode README states", "[cli][output]") {
  Scratch s("write-modes");
  WriteInputs(s);
  for (mode_t old_mode : {0666, 0777, 04755}) {
    INFO("replaced file mode " << std::oct << old_mode);
    for (const char* name : {"x.yaml", "report.json", "check.txt", "b.json", "diff.txt"}) {
      Write(s / name, "mine\n");
      REQUIRE(::chmod((s / name).c_str(), old_mode) == 0);
    }
    // migrate needs --force, and its outputs may name keys and roles: 0600.
    Outcome refused = Run(s.dir(), "migrate -q in.ini -o new.yaml --report report.json");
    INFO_OUTCOME(refused);
    CHECK(refused.exit_code == 2);
    CHECK(Contains(refused.err, "report.json: already exists (use --force to replace it)"));
    CHECK(ReadFile((s / "report.json").string()) == "mine\n");
    fs::remove(s / "new.yaml");
    Outcome forced = Run(s.dir(), "migrate -q in.ini -o x.yaml --report report.json --force");
    INFO_OUTCOME(forced);
    CHECK(forced.exit_code == 0);
    CHECK((ModeOf(s / "x.yaml") & 07777) == 0600);
    CHECK((ModeOf(s / "report.json") & 07777) == 0600);
    CHECK(Contains(ReadFile((s / "report.json").string()), "pcluster-lint-migration-report"));
    // Reports and baselines replace what is there (a CI run writes them every time): 0644.
    CHECK(Run(s.dir(), "check s.yaml -o check.txt").exit_code == 1);
    CHECK(Run(s.dir(), "check s.yaml --write-baseline b.json").exit_code == 0);
    CHECK(Run(s.dir(), "diff s.yaml t.yaml -o diff.txt").exit_code == 0);
    for (const char* name : {"check.txt", "b.json", "diff.txt"}) {
      INFO(name);
      CHECK((ModeOf(s / name) & 07777) == 0644);
      CHECK(ReadFile((s / name).string()) != "mine\n");
    }
    CHECK(TempFilesIn(s.dir()) == 0);
  }
}

TEST_CASE("writes: no directory is created unless asked for, and any file name the system takes works",
          "[cli][output]") {
  Scratch s("write-dirs");
  WriteInputs(s);
  for (const Writer& writer : Writers()) {
    const std::string args = With(writer.args, "missing/dir/out.txt");
    Outcome outcome = Run(s.dir(), args);
    INFO(args);
    INFO_OUTCOME(outcome);
    CHECK(outcome.exit_code == 2);
    CHECK(Contains(outcome.err, "missing/dir: no such directory (create it first)"));
    CHECK_FALSE(fs::exists(s / "missing"));
  }
  // --out-dir names a directory to create, with the tree below it.
  Write(s / "tree/sub/a.ini", ClusterIni());
  Outcome tree = Run(s.dir(), "migrate -q tree --out-dir new/out");
  INFO_OUTCOME(tree);
  CHECK(tree.exit_code == 0);
  CHECK(Contains(ReadFile((s / "new/out/sub/a.yaml").string()), "HeadNode:"));

  // Names of 244 to 255 bytes (NAME_MAX): the temp file beside them must fit too.
  for (size_t length : {244u, 250u, 255u}) {
    const std::string name = std::string(length - 4, 'n') + ".txt";
    for (const Writer& writer : Writers()) {
      const std::string args = With(writer.args, name);
      Outcome outcome = Run(s.dir(), args);
      INFO(args.substr(0, 60) << "… (" << length << "-byte name)");
      INFO_OUTCOME(outcome);
      CHECK(outcome.exit_code == writer.clean_exit);
      CHECK(fs::file_size(s / name) > 0);
      CHECK(TempFilesIn(s.dir()) == 0);
      fs::remove(s / name);
    }
  }
}

TEST_CASE("writes: a spooled output (the migrate --report) is written by the same rules, every byte", "[cli][output]") {
  Scratch scratch("spool");
  pipeline::Spool spool;
  std::string expected;
  for (int i = 0; i < 20000; ++i) {  // more than one 64 KiB chunk of the copy
    std::string piece = "piece " + std::to_string(i) + "\n";
    spool.Append(piece);
    expected += piece;
  }
  pipeline::ProtectedFiles guard;
  Write(scratch / "input", "mine\n");
  guard.AddInput((scratch / "input").string());
  CHECK(pipeline::WriteOutput((scratch / "report.json").string(), spool, {false, 0600, false, &guard}).empty());
  CHECK(ReadFile((scratch / "report.json").string()) == expected);
  CHECK((ModeOf(scratch / "report.json") & 07777) == 0600);
  // The rules are WriteOutput's: no replacing without --force, never an input, no temp file left.
  CHECK(Contains(pipeline::WriteOutput((scratch / "report.json").string(), spool, {false, 0600, false, nullptr}),
                 "already exists"));
  CHECK(Contains(pipeline::WriteOutput((scratch / "report.json").string(), spool, {true, 0600, false, &guard}),
                 "is an output of this run"));
  CHECK(Contains(pipeline::WriteOutput((scratch / "input").string(), spool, {true, 0600, false, &guard}),
                 "is an input of this run"));
  CHECK(ReadFile((scratch / "input").string()) == "mine\n");
  CHECK(TempFilesIn(scratch.dir()) == 0);
}

}  // namespace
}  // namespace pcl::testing
