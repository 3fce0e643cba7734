// applies_to: the engine hands a native rule only what its patterns match, in the releases it names.
#include <catch2/catch.hpp>

#include "engine/rule.h"
#include "generated/rule_kinds.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

const char kCluster[] =
    "Iam: {ResourcePrefix: /team/}\n"
    "Scheduling:\n"
    "  Scheduler: slurm\n"
    "  SlurmQueues:\n"
    "    - Name: q1\n"
    "      ComputeResources: [{Name: a}, {Name: b}]\n"
    "    - Name: q2\n"
    "      ComputeResources: [{Name: c}]\n"
    "SharedStorage: [{Name: s, StorageType: Efs}]\n";

// Records what it is handed, by hook.
class Recorder : public engine::Rule {
 public:
  mutable std::vector<std::string> seen;

 protected:
  void Check(const engine::RuleContext&) const override { seen.push_back("document"); }
  void CheckQueue(const engine::RuleContext&, const model::Queue& queue) const override {
    seen.push_back("queue " + queue.name);
  }
  void CheckComputeResource(const engine::RuleContext&, const model::Queue& queue,
                            const model::ComputeResource& resource) const override {
    seen.push_back("resource " + queue.name + "/" + resource.name);
  }
  void CheckStorage(const engine::RuleContext&, const model::StorageItem& item) const override {
    seen.push_back("storage " + item.name);
  }
  void CheckNode(const engine::RuleContext&, const model::Ref& node) const override {
    seen.push_back("node " + node.pointer() + "=" + node.Text());
  }
};

std::vector<std::string> Seen(const engine::RuleMeta& meta, const std::string& target = "3.12") {
  auto parsed = ParseYaml(kCluster);
  Recorder rule;
  engine::RuleContext context(parsed.document, meta, meta.options, target, [](model::Diagnostic) {});
  rule.Run(context);
  return rule.seen;
}

engine::RuleMeta Meta(std::vector<std::string> at) {
  engine::RuleMeta meta;
  meta.id = "PCL9001";
  meta.name = "recorder";
  meta.implementation = ids::Implementation::kNative;
  meta.at = std::move(at);
  return meta;
}

TEST_CASE("applies_to hands a native rule the typed parts its patterns name", "[engine]") {
  CHECK(Seen(Meta({})) == std::vector<std::string>{"document"});
  CHECK(Seen(Meta({"/Scheduling/SlurmQueues/*"})) == std::vector<std::string>{"queue q1", "queue q2"});
  CHECK(Seen(Meta({"/Scheduling/SlurmQueues/*/ComputeResources/*"})) ==
        std::vector<std::string>{"resource q1/a", "resource q1/b", "resource q2/c"});
  CHECK(Seen(Meta({"/Scheduling/AwsBatchQueues/*"})).empty());
  CHECK(Seen(Meta({"/SharedStorage/*"})) == std::vector<std::string>{"storage s"});
  CHECK(Seen(Meta({"/Iam/ResourcePrefix", "/Scheduling/SlurmQueues/*/Name"})) ==
        std::vector<std::string>{"node /Iam/ResourcePrefix=/team/", "node /Scheduling/SlurmQueues/0/Name=q1",
                                 "node /Scheduling/SlurmQueues/1/Name=q2"});
}

TEST_CASE("since and until gate a rule on the target release", "[engine]") {
  engine::RuleMeta meta = Meta({});
  meta.since = core::Release(3, 4);
  meta.until = core::Release(3, 10);
  CHECK(Seen(meta, "3.3").empty());
  CHECK(Seen(meta, "3.4").size() == 1);
  CHECK(Seen(meta, "3.9").size() == 1);  // 3.9 < 3.10: compared as numbers, not text
  CHECK(Seen(meta, "3.10").empty());
}

TEST_CASE("a hook the rule does not implement is a defect, reported as such", "[engine]") {
  class QueueOnly : public engine::Rule {
    void CheckQueue(const engine::RuleContext&, const model::Queue&) const override {}
  };
  auto parsed = ParseYaml(kCluster);
  engine::RuleMeta meta = Meta({"/SharedStorage/*"});
  engine::RuleContext context(parsed.document, meta, meta.options, "3.12", [](model::Diagnostic) {});
  REQUIRE_THROWS_WITH(QueueOnly().Run(context), Catch::Contains("PCL9001") && Catch::Contains("shared storage"));
}

TEST_CASE("applies_to in a rule file is checked when the catalogue is read", "[engine]") {
  auto errors_of = [](const std::string& applies) {
    std::vector<std::string> errors;
    engine::RuleCatalog::FromFiles({{"rules/PCL9001.yaml",
                                     "id: PCL9001\nname: recorder\nseverity: info\n"
                                     "implementation: native\nstage: lint\nsummary: s.\n" +
                                         applies}},
                                   errors);
    std::string all;
    for (const auto& e : errors) all += e + "\n";
    return all;
  };
  CHECK(errors_of("applies_to: {at: /Scheduling/SlurmQueues/*, since: '3.4'}").empty());
  CHECK(errors_of("applies_to: {at: [/HeadNode, /LoginNodes/Pools/*], until: '3.15'}").empty());
  CHECK_THAT(errors_of("applies_to: {since: 3.4}"), Catch::Contains("written as a string"));
  CHECK_THAT(errors_of("applies_to: {at: Scheduling}"), Catch::Contains("not a pointer pattern"));
  CHECK_THAT(errors_of("applies_to: {since: '3.10', until: '3.9'}"), Catch::Contains("later release"));
  CHECK_THAT(errors_of("applies_to: {wher: /HeadNode}"), Catch::Contains("unknown key 'wher'"));
}

}  // namespace
}  // namespace pcl::testing
