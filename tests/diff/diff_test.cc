// Unit tests of `diff`: list matching, section semantics and each update policy's verdict.
#include "diff/diff.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "core/release.h"
#include "diff/compare.h"
#include "diff/policy_table.h"
#include "parsers/load.h"
#include "test_support.h"

namespace pcl::diff {
namespace {

// A small Slurm cluster; tests edit it with plain string replacement.
const char kBase[] = R"(Region: us-east-1
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
      CapacityType: ONDEMAND
      ComputeResources:
        - Name: cr1
          InstanceType: c5.large
          MinCount: 0
          MaxCount: 10
      Networking:
        SubnetIds:
          - subnet-0123456789abcdef0
    - Name: q2
      ComputeResources:
        - Name: cr2
          InstanceType: c5.xlarge
      Networking:
        SubnetIds:
          - subnet-0123456789abcdef0
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

DiffRun Diff(const std::string& old_text, const std::string& new_text, DiffOptions options = {}) {
  DiffRun run;
  run.target_version = options.target_version;
  DiffParsed(parsers::LoadText("old.yaml", old_text), parsers::LoadText("new.yaml", new_text), options, run);
  return run;
}

std::string Findings(const DiffRun& run) {
  std::ostringstream out;
  for (const auto& d : run.diagnostics) {
    out << d.file << ':' << d.range.begin.line << ':' << d.range.begin.column << ' ' << d.rule_id << ' '
        << model::SeverityName(d.severity) << ' ' << d.pointer << ' ' << d.message << '\n';
  }
  return out.str();
}

TEST_CASE("the embedded policy table is readable and versioned", "[diff]") {
  const PolicyTable& table = PolicyTable::Embedded();
  REQUIRE(table.error().empty());
  CHECK(table.IsRelease("3.12"));
  CHECK_FALSE(table.IsRelease("3.99"));
  CHECK(table.Lookup("/HeadNode/InstanceType", "3.12").policy == "UNSUPPORTED");
  CHECK(table.Lookup("/Scheduling/SlurmQueues/*/ComputeResources/*/MaxCount", "3.8").policy == "MAX_COUNT");
  CHECK(table.Lookup("/Scheduling/SlurmQueues/*/ComputeResources/*/MaxCount", "3.12").policy ==
        "RESIZE_UPDATE_STRATEGY_ON_REMOVE");
  CHECK(table.Lookup("/SharedStorage", "3.12").items_keyed_by == "Name");
  CHECK_FALSE(table.Lookup("/HeadNode/NoSuchKey", "3.12").known);
  CHECK_FALSE(table.Lookup("/LoginNodes", "3.6").known);  // added in 3.7
  CHECK(table.Lookup("/Scheduling/SlurmQueues/*/CustomSlurmSettings", "3.12").free_form);
  CHECK(CompareReleases("3.9", "3.10") < 0);
}

TEST_CASE("identical and reordered configs have no changes", "[diff]") {
  DiffRun same = Diff(kBase, kBase);
  CHECK(same.diagnostics.empty());
  CHECK(same.summary.Requirement() == "none");

  // Queues swapped, keys of a mapping reordered: ParallelCluster matches queues by Name.
  std::string q1 = std::string(kBase).substr(std::string(kBase).find("    - Name: q1"));
  q1 = q1.substr(0, q1.find("    - Name: q2"));
  std::string reordered = Replace(kBase, q1, "");
  reordered += q1;
  reordered = Replace(reordered, "Region: us-east-1\nImage:\n  Os: alinux2023\n",
                      "Image:\n  Os: alinux2023\nRegion: us-east-1\n");
  DiffRun run = Diff(kBase, reordered);
  CHECK(Findings(run).empty());
  CHECK(run.summary.changes == 0);
}

TEST_CASE("an UNSUPPORTED key needs a new cluster", "[diff]") {
  DiffRun run = Diff(kBase, Replace(kBase, "InstanceType: t3.micro", "InstanceType: c5.large"));
  REQUIRE(run.diagnostics.size() == 1);
  const auto& d = run.diagnostics[0];
  CHECK(d.rule_id == "PCL8001");
  CHECK(d.severity == model::Severity::kError);
  CHECK(d.file == "new.yaml");
  CHECK(d.range.begin == model::Position{5, 17});
  CHECK(d.pointer == "/HeadNode/InstanceType");
  CHECK(d.message ==
        "HeadNode.InstanceType changes from t3.micro to c5.large: cannot be updated; create a new cluster");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].file == "old.yaml");
  CHECK(run.summary.Verdict() == "this change needs a new cluster");
}

TEST_CASE("MaxCount: raising applies live, lowering needs TERMINATE", "[diff]") {
  DiffRun raised = Diff(kBase, Replace(kBase, "MaxCount: 10", "MaxCount: 20"));
  REQUIRE(raised.diagnostics.size() == 1);
  CHECK(raised.diagnostics[0].rule_id == "PCL8005");
  CHECK(raised.diagnostics[0].pointer == "/Scheduling/SlurmQueues/0/ComputeResources/0/MaxCount");
  CHECK(raised.summary.Verdict() == "this change can be applied live");

  std::string lowered = Replace(kBase, "MaxCount: 10", "MaxCount: 4");
  DiffRun plain = Diff(kBase, lowered);
  REQUIRE(plain.diagnostics.size() == 1);
  CHECK(plain.diagnostics[0].rule_id == "PCL8004");
  CHECK(plain.diagnostics[0].severity == model::Severity::kWarning);
  CHECK(plain.diagnostics[0].message.find("QueueUpdateStrategy to TERMINATE") != std::string::npos);

  std::string drain = Replace(lowered, "  Scheduler: slurm\n",
                              "  Scheduler: slurm\n  SlurmSettings:\n    QueueUpdateStrategy: DRAIN\n");
  CHECK(Diff(kBase, drain).diagnostics.at(0).severity == model::Severity::kWarning);  // DRAIN is not enough
  std::string terminate = Replace(drain, "DRAIN", "TERMINATE");
  DiffRun covered = Diff(kBase, terminate);
  // QueueUpdateStrategy itself was added too (IGNORED: free, not shown).
  REQUIRE(covered.diagnostics.size() == 1);
  CHECK(covered.diagnostics[0].rule_id == "PCL8004");
  CHECK(covered.diagnostics[0].severity == model::Severity::kInfo);
  CHECK(covered.diagnostics[0].message.find("covered by QueueUpdateStrategy TERMINATE") != std::string::npos);
  CHECK(covered.summary.Verdict() == "this change can be applied live (with QueueUpdateStrategy TERMINATE)");

  DiffOptions old_release;
  old_release.target_version = "3.8";
  DiffRun before_39 = Diff(kBase, lowered, old_release);
  CHECK(before_39.diagnostics.at(0).rule_id == "PCL8002");  // MAX_COUNT: shrinking needs a stopped fleet
}

TEST_CASE("MinCount may grow only as much as MaxCount", "[diff]") {
  std::string both = Replace(Replace(kBase, "MinCount: 0", "MinCount: 2"), "MaxCount: 10", "MaxCount: 12");
  DiffRun ok = Diff(kBase, both);
  CHECK(ok.summary.Requirement() == "live");
  DiffRun alone = Diff(kBase, Replace(kBase, "MinCount: 0", "MinCount: 2"));
  CHECK(alone.diagnostics.at(0).rule_id == "PCL8004");
}

TEST_CASE("compute InstanceType needs the fleet stopped, queue keys can use a strategy", "[diff]") {
  DiffRun instance = Diff(kBase, Replace(kBase, "InstanceType: c5.large", "InstanceType: c6i.large"));
  REQUIRE(instance.diagnostics.size() == 1);
  CHECK(instance.diagnostics[0].rule_id == "PCL8002");
  CHECK(instance.summary.Verdict() == "this change needs the compute fleet stopped");

  std::string spot = Replace(kBase, "CapacityType: ONDEMAND", "CapacityType: SPOT");
  DiffRun needs = Diff(kBase, spot);
  CHECK(needs.diagnostics.at(0).rule_id == "PCL8004");
  CHECK(needs.summary.Requirement() == "compute-fleet-stop-or-queue-update-strategy");
  DiffRun covered = Diff(kBase, Replace(spot, "  Scheduler: slurm\n",
                                        "  Scheduler: slurm\n  SlurmSettings:\n    QueueUpdateStrategy: DRAIN\n"));
  CHECK(covered.diagnostics.at(0).severity == model::Severity::kInfo);
  CHECK(covered.diagnostics.at(0).notes.back().message == "QueueUpdateStrategy is set here");
}

TEST_CASE("queues and compute resources added live, removed with TERMINATE", "[diff]") {
  std::string without_q2 = std::string(kBase).substr(0, std::string(kBase).find("    - Name: q2"));
  DiffRun added = Diff(without_q2, kBase);
  REQUIRE(added.diagnostics.size() == 1);
  CHECK(added.diagnostics[0].rule_id == "PCL8005");
  CHECK(added.diagnostics[0].message.rfind("Scheduling.SlurmQueues[q2] is added: applies live", 0) == 0);
  DiffRun removed = Diff(kBase, without_q2);
  REQUIRE(removed.diagnostics.size() == 1);
  CHECK(removed.diagnostics[0].rule_id == "PCL8004");
  CHECK(removed.diagnostics[0].file == "old.yaml");
  CHECK(removed.diagnostics[0].pointer == "/Scheduling/SlurmQueues/1");
  CHECK(removed.diagnostics[0].range.begin == model::Position{21, 13});  // at the Name value
}

const char kStorage[] = R"(    - Name: data
      StorageType: Ebs
      MountDir: /data
)";
const char kEfs[] = R"(    - Name: shared
      StorageType: Efs
      MountDir: /shared
      EfsSettings:
        FileSystemId: fs-0123456789abcdef0
)";

TEST_CASE("shared storage: add, remove, rename, external", "[diff]") {
  std::string with_ebs = std::string(kBase) + "SharedStorage:\n" + kStorage;
  DiffRun added = Diff(kBase, with_ebs);
  REQUIRE(added.diagnostics.size() == 1);
  CHECK(added.diagnostics[0].rule_id == "PCL8004");  // mount: fleet stop or a strategy; no login nodes
  DiffRun removed = Diff(with_ebs, kBase);
  REQUIRE(removed.diagnostics.size() == 1);
  CHECK(removed.diagnostics[0].rule_id == "PCL8002");  // unmount: the fleet must be stopped
  DiffRun renamed = Diff(with_ebs, Replace(with_ebs, "Name: data", "Name: data2"));
  REQUIRE(renamed.diagnostics.size() == 2);
  CHECK(renamed.summary.changes == 2);
  CHECK(Findings(renamed).find("SharedStorage[data] is removed") != std::string::npos);
  CHECK(Findings(renamed).find("SharedStorage[data2] is added") != std::string::npos);

  DiffRun external = Diff(kBase, std::string(kBase) + "SharedStorage:\n" + kEfs);
  CHECK(external.diagnostics.at(0).rule_id == "PCL8005");
  DiffRun home = Diff(kBase, std::string(kBase) + "SharedStorage:\n" + Replace(kStorage, "/data", "/home"));
  CHECK(home.diagnostics.at(0).rule_id == "PCL8001");
  // The storage's own IGNORED settings section is judged key by key.
  std::string sized =
      Replace(with_ebs, "      MountDir: /data\n", "      MountDir: /data\n      EbsSettings:\n        Size: 50\n");
  CHECK(Diff(with_ebs, sized).diagnostics.at(0).pointer == "/SharedStorage/0/EbsSettings/Size");
}

TEST_CASE("free-form mappings are one value judged by their key's policy", "[diff]") {
  std::string custom = Replace(kBase, "      CapacityType: ONDEMAND\n",
                               "      CapacityType: ONDEMAND\n      CustomSlurmSettings:\n        Weight: 5\n");
  DiffRun quiet = Diff(kBase, custom);
  CHECK(quiet.diagnostics.empty());
  CHECK(quiet.summary.live == 1);
  DiffOptions show;
  show.show_live = true;
  DiffRun shown = Diff(custom, Replace(custom, "Weight: 5", "Weight: 7"), show);
  REQUIRE(shown.diagnostics.size() == 1);
  CHECK(shown.diagnostics[0].rule_id == "PCL8005");
  CHECK(shown.diagnostics[0].pointer == "/Scheduling/SlurmQueues/0/CustomSlurmSettings");
}

TEST_CASE("keys without metadata count as UNSUPPORTED", "[diff]") {
  DiffRun run = Diff(kBase, Replace(kBase, "Region: us-east-1\n", "Region: us-east-1\nMadeUp: 1\n"));
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].rule_id == "PCL8001");
  CHECK(run.diagnostics[0].message.find(std::string("ParallelCluster ") + core::kDefaultTargetRelease +
                                        " has no update rule for it") != std::string::npos);
}

TEST_CASE("a section is judged by its own policy, an IGNORED one key by key", "[diff]") {
  std::string dcv = Replace(kBase, "  InstanceType: t3.micro\n",
                            "  InstanceType: t3.micro\n  Dcv:\n    Enabled: true\n    Port: 8443\n");
  DiffRun section = Diff(kBase, dcv);
  REQUIRE(section.diagnostics.size() == 1);  // not one per child
  CHECK(section.diagnostics[0].pointer == "/HeadNode/Dcv");
  CHECK(section.diagnostics[0].message.find("HeadNode.Dcv is added") == 0);

  std::string settings =
      Replace(kBase, "  Scheduler: slurm\n",
              "  Scheduler: slurm\n  SlurmSettings:\n    ScaledownIdletime: 20\n    QueueUpdateStrategy: DRAIN\n");
  DiffRun ignored = Diff(kBase, settings);
  REQUIRE(ignored.diagnostics.size() == 1);
  CHECK(ignored.diagnostics[0].pointer == "/Scheduling/SlurmSettings/ScaledownIdletime");
  CHECK(ignored.diagnostics[0].rule_id == "PCL8002");
  CHECK(ignored.summary.changes == 2);
}

const char kLogin[] = R"(LoginNodes:
  Pools:
    - Name: login
      InstanceType: t3.small
      Count: 1
      Networking:
        SubnetIds:
          - subnet-0123456789abcdef0
)";

TEST_CASE("login nodes: pool keys, pool removal, directory service", "[diff]") {
  std::string with_login = std::string(kBase) + kLogin;
  DiffRun pool = Diff(with_login, Replace(with_login, "t3.small", "t3.medium"));
  REQUIRE(pool.diagnostics.size() == 1);
  CHECK(pool.diagnostics[0].rule_id == "PCL8003");
  CHECK(pool.diagnostics[0].message.find("stop the login node pool 'login' first") != std::string::npos);
  CHECK(Diff(with_login, Replace(with_login, "      Count: 1", "      Count: 2")).diagnostics.empty());
  DiffRun removed = Diff(with_login, kBase);
  REQUIRE(removed.diagnostics.size() == 1);
  CHECK(removed.diagnostics[0].rule_id == "PCL8003");
  CHECK(removed.diagnostics[0].pointer == "/LoginNodes");
  CHECK(removed.diagnostics[0].message.find("stop the login nodes first") != std::string::npos);

  std::string directory = "DirectoryService:\n  DomainName: corp.example.com\n";
  DiffRun with_nodes = Diff(with_login, with_login + directory);
  CHECK(with_nodes.diagnostics.at(0).rule_id == "PCL8006");
  CHECK(with_nodes.summary.Verdict() == "this change needs the compute fleet and the login nodes stopped");
  DiffRun without_nodes = Diff(kBase, std::string(kBase) + directory);
  CHECK(without_nodes.diagnostics.at(0).rule_id == "PCL8002");
}

TEST_CASE("a removed managed placement group needs the fleet stopped", "[diff]") {
  std::string managed = Replace(kBase, "          - subnet-0123456789abcdef0\n    - Name: q2",
                                "          - subnet-0123456789abcdef0\n        PlacementGroup:\n          "
                                "Enabled: true\n    - Name: q2");
  DiffRun run = Diff(managed, Replace(managed, "Enabled: true", "Enabled: false"));
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].rule_id == "PCL8002");
  CHECK(run.diagnostics[0].message.find("managed placement group") != std::string::npos);
}

TEST_CASE("inputs that cannot be compared are findings, not a diff", "[diff]") {
  DiffRun v2 = Diff("[global]\ncluster_template = default\n[cluster default]\nkey_name = k\n", kBase);
  REQUIRE_FALSE(v2.diagnostics.empty());
  CHECK(v2.diagnostics[0].rule_id == "PCL0009");
  CHECK(v2.summary.Requirement() == "unknown");
  DiffRun broken = Diff(kBase, "HeadNode: [\n");
  CHECK(broken.diagnostics.at(0).rule_id == "PCL0001");
  CHECK(broken.summary.not_compared == 1);
}

TEST_CASE("values are compared as ParallelCluster compares dicts", "[diff]") {
  auto a = parsers::LoadText("a.yaml", "x: 4\ny: {p: 1, q: 2}\nz: [1, 2]\nn: null\n");
  auto b = parsers::LoadText("b.yaml", "x: 4.0\ny: {q: 2, p: 1}\nz: [2, 1]\n");
  const model::Node& ra = a.document.root;
  const model::Node& rb = b.document.root;
  CHECK(SameValue(ra.Find("x"), rb.Find("x")));
  CHECK(SameValue(ra.Find("y"), rb.Find("y")));
  CHECK_FALSE(SameValue(ra.Find("z"), rb.Find("z")));
  CHECK(SameValue(ra.Find("n"), rb.Find("n")));  // null == absent
  CHECK(ShortValue(ra.Find("y")) == "{p: 1, q: 2}");
}

}  // namespace
}  // namespace pcl::diff
