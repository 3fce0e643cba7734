// `pcluster-lint lsp` features, one session each: diagnostics (ranges in UTF-16, notes, tags,
// workspace config, suppressions), hover, completion, code actions and the v2 migration command.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "lsp/lsp_client.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

constexpr char kValid[] =
    "Image:\n  Os: alinux2023\nHeadNode:\n  InstanceType: t3.micro\n  Networking:\n    SubnetId: "
    "subnet-0123456789abcdef0\n"
    "Scheduling:\n  Scheduler: slurm\n  SlurmQueues:\n    - Name: q1\n      ComputeResources:\n        - Name: cr\n"
    "          InstanceType: c5.large\n          MinCount: 0\n          MaxCount: 10\n      Networking:\n"
    "        SubnetIds:\n          - subnet-0123456789abcdef0\n";

// kValid with the head node's InstanceType misspelt (line 4, 0-based line 3).
std::string WithTypo() {
  std::string text = kValid;
  text.replace(text.find("  InstanceType: t3.micro"), 24, "  InstanceTyp: t3.micro");
  return text;
}

// A fresh directory under the system temp dir, removed when the test ends.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "pcl-lsp-XXXXXX").string();
    path = mkdtemp(pattern.data());
    fs::create_directory(path / ".git");  // config discovery stops here
  }
  ~TempDir() { fs::remove_all(path); }
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return (path / name).string();
  }
};

json Pos(int line, int character) {
  return {{"line", line}, {"character", character}};
}
// didChange params with one content change.
json Change(const std::string& uri, int version, json change) {
  json params = {{"textDocument", {{"uri", uri}, {"version", version}}}};
  params["contentChanges"] = json::array({std::move(change)});
  return params;
}
json RangeEdit(json start, json end, const std::string& text) {
  json range = {{"start", std::move(start)}, {"end", std::move(end)}};
  return {{"range", std::move(range)}, {"text", text}};
}
json At(const std::string& uri, int line, int character) {
  return {{"textDocument", {{"uri", uri}}}, {"position", Pos(line, character)}};
}

std::vector<std::string> Codes(const json& published) {
  std::vector<std::string> codes;
  for (const json& d : published["params"]["diagnostics"]) codes.push_back(d["code"]);
  return codes;
}

bool Has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// Applies LSP TextEdits (non-overlapping, single-line ranges in ASCII text) to `text`.
std::string ApplyEdits(std::string text, json edits) {
  std::sort(edits.begin(), edits.end(), [](const json& a, const json& b) {
    return std::make_pair(a["range"]["start"]["line"].get<int>(), a["range"]["start"]["character"].get<int>()) >
           std::make_pair(b["range"]["start"]["line"].get<int>(), b["range"]["start"]["character"].get<int>());
  });
  auto offset = [&text](const json& p) {
    size_t at = 0;
    for (int line = 0; line < p["line"].get<int>(); ++line) at = text.find('\n', at) + 1;
    return at + p["character"].get<size_t>();
  };
  for (const json& edit : edits) {
    size_t begin = offset(edit["range"]["start"]);
    size_t end = offset(edit["range"]["end"]);
    text.replace(begin, end - begin, edit["newText"].get<std::string>());
  }
  return text;
}

}  // namespace

TEST_CASE("lsp diagnostics: the findings of check, with rule id, severity, source and range", "[lsp]") {
  TempDir dir;
  std::string path = dir.Write("cluster.yaml", WithTypo());
  LspClient client;
  client.Initialize();
  const std::string uri = FileUri(path);
  client.Open(uri, WithTypo());
  auto published = client.Diagnostics(uri, 1);
  REQUIRE(published);
  const json& list = (*published)["params"]["diagnostics"];
  REQUIRE(Has(Codes(*published), "PCL1001"));
  for (const json& d : list) {
    CHECK(d["source"] == "pcluster-lint");
    if (d["code"] != "PCL1001") continue;
    CHECK(d["severity"] == 1);
    CHECK(d["range"] == json({{"start", Pos(3, 2)}, {"end", Pos(3, 13)}}));
    CHECK(d["message"].get<std::string>().find("did you mean 'InstanceType'") != std::string::npos);
  }
  // The same findings as `check` reports for the file.
  ShellResult check =
      RunShell("cd " + dir.path.string() + " && " + PCL_BINARY + " check -q --format json cluster.yaml");
  json checked = json::parse(check.out);
  CHECK(checked["findings"].size() == list.size());

  SECTION("an incremental edit that fixes the typo clears them") {
    client.Notify("textDocument/didChange", Change(uri, 2, RangeEdit(Pos(3, 13), Pos(3, 13), "e")));
    auto fixed = client.Diagnostics(uri, 2);
    REQUIRE(fixed);
    CHECK_FALSE(Has(Codes(*fixed), "PCL1001"));
    CHECK(Codes(*fixed) == std::vector<std::string>{"PCL4012"});  // no key pair: kValid's one finding
  }
  SECTION("a full-text change replaces the document") {
    client.Notify("textDocument/didChange", Change(uri, 2, {{"text", kValid}}));
    auto fixed = client.Diagnostics(uri, 2);
    REQUIRE(fixed);
    CHECK_FALSE(Has(Codes(*fixed), "PCL1001"));
    CHECK(Codes(*fixed) == std::vector<std::string>{"PCL4012"});  // no key pair: kValid's one finding
  }
  SECTION("closing the document clears its findings") {
    client.Notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
    auto cleared = client.WaitFor([&uri](const json& m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri &&
             m["params"]["diagnostics"].empty();
    });
    CHECK(cleared);
  }
  client.Notify("exit");
  client.Finish();
  CHECK(client.garbage().empty());  // nothing but protocol on stdout
}

TEST_CASE("lsp diagnostics: positions count UTF-16 code units on non-ASCII lines", "[lsp]") {
  LspClient client;
  client.Initialize();
  const std::string uri = "file:///tmp/pcl-lsp-utf16/cluster.yaml";
  // '😀' is 4 bytes and 2 UTF-16 units, 'é' 2 bytes and 1 unit: 'Oss' starts at byte 29, unit 26.
  std::string text = kValid;
  text.replace(0, std::string("Image:\n  Os: alinux2023\n").size(), "Image: {CustomAmi: \"é😀\", Oss: alinux2023}\n");
  client.Open(uri, text);
  auto published = client.Diagnostics(uri, 1);
  REQUIRE(published);
  bool found = false;
  for (const json& d : (*published)["params"]["diagnostics"]) {
    if (d["code"] != "PCL1001") continue;
    found = true;
    CHECK(d["range"]["start"] == Pos(0, 26));
    CHECK(d["range"]["end"] == Pos(0, 29));
  }
  CHECK(found);
  // An edit addressed in UTF-16 lands on the right bytes: fix 'Oss' → 'Os'.
  client.Notify("textDocument/didChange", Change(uri, 2, RangeEdit(Pos(0, 28), Pos(0, 29), "")));
  auto fixed = client.Diagnostics(uri, 2);
  REQUIRE(fixed);
  CHECK_FALSE(Has(Codes(*fixed), "PCL1001"));
  client.Notify("exit");
  client.Finish();
}

TEST_CASE("lsp diagnostics: notes, tags, inline suppressions and the workspace config", "[lsp]") {
  TempDir dir;
  LspClient client;
  client.Initialize();
  SECTION("a note becomes related information") {
    std::string text = std::string(kValid) + "Image:\n  Os: rhel9\n";
    const std::string uri = FileUri(dir.Write("dup.yaml", text));
    client.Open(uri, text);
    auto published = client.Diagnostics(uri, 1);
    REQUIRE(published);
    bool found = false;
    for (const json& d : (*published)["params"]["diagnostics"]) {
      if (d["code"] != "PCL0003") continue;
      found = true;
      REQUIRE(d.contains("relatedInformation"));
      CHECK(d["relatedInformation"][0]["location"]["uri"] == uri);
      CHECK(d["relatedInformation"][0]["location"]["range"]["start"] == Pos(0, 0));
      CHECK(d["relatedInformation"][0]["message"] == "first defined here");
    }
    CHECK(found);
  }
  SECTION("suppressions: honoured, and an unused one is tagged unnecessary") {
    std::string text = WithTypo();
    text.replace(text.find("  InstanceTyp"), 0, "  # pcluster-lint: disable=PCL1001 -- testing\n");
    text.replace(text.find("Scheduling:"), 0, "# pcluster-lint: disable=PCL3001 -- nothing to silence\n");
    const std::string uri = FileUri(dir.Write("suppressed.yaml", text));
    client.Open(uri, text);
    auto published = client.Diagnostics(uri, 1);
    REQUIRE(published);
    CHECK_FALSE(Has(Codes(*published), "PCL1001"));
    bool tagged = false;
    for (const json& d : (*published)["params"]["diagnostics"]) {
      if (d["code"] == "PCL0014") tagged = d.value("tags", json::array()) == json::array({1});
    }
    CHECK(tagged);
  }
  SECTION(".pcluster-lint.yaml: ignore and target-version") {
    dir.Write(".pcluster-lint.yaml", "ignore: [PCL1001]\n");
    const std::string uri = FileUri(dir.Write("cluster.yaml", WithTypo()));
    client.Open(uri, WithTypo());
    auto published = client.Diagnostics(uri, 1);
    REQUIRE(published);
    CHECK_FALSE(Has(Codes(*published), "PCL1001"));
    CHECK(Has(Codes(*published), "PCL1002"));  // InstanceType missing: still reported
  }
  SECTION("files that are not cluster configs get nothing") {
    const std::string uri = FileUri(dir.Write("values.yaml", "replicas: 3\nimage: nginx\n"));
    client.Open(uri, "replicas: 3\nimage: nginx\n");
    auto hover = client.Response(client.Request("textDocument/hover", At(uri, 0, 1)));
    REQUIRE(hover);
    CHECK((*hover)["result"].is_null());
    client.Response(client.Request("shutdown"));
    for (const json& m : client.received()) {
      bool about_it = m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
      CHECK_FALSE(about_it);
    }
  }
  client.Notify("exit");
  client.Finish();
}

TEST_CASE("lsp hover: a key's schema description, type and releases, and a finding's explain text", "[lsp]") {
  LspClient client;
  client.Initialize();
  const std::string uri = "file:///tmp/pcl-lsp-hover/cluster.yaml";
  std::string text =
      WithTypo() + "DeploymentSettings:\n  LambdaFunctionsVpcConfig:\n    SubnetIds: []\n    SecurityGroupIds: []\n";
  client.Open(uri, text);
  auto value = [&client, &uri](int line, int character) {
    auto reply = client.Response(client.Request("textDocument/hover", At(uri, line, character)));
    REQUIRE(reply);
    return (*reply)["result"].is_null() ? std::string() : (*reply)["result"]["contents"]["value"].get<std::string>();
  };
  std::string max_count = value(14, 12);
  CHECK(max_count.find("**MaxCount** — integer") != std::string::npos);
  CHECK(max_count.find("Maximum number of nodes") != std::string::npos);
  CHECK(value(18, 3).find("Available in ParallelCluster 3.4 and later") != std::string::npos);
  std::string typo = value(3, 4);
  CHECK(typo.find("PCL1001 unknown-key (error)") != std::string::npos);
  CHECK(typo.find("How to fix:") != std::string::npos);
  CHECK(value(1, 12).empty());  // a value that no finding covers: nothing to say
  client.Notify("exit");
  client.Finish();
}

TEST_CASE("lsp completion: keys not yet written at the cursor, and enum values", "[lsp]") {
  LspClient client;
  client.Initialize();
  const std::string uri = "file:///tmp/pcl-lsp-complete/cluster.yaml";
  std::string text = kValid;
  text.replace(text.find("  Networking:\n    SubnetId"), 0, "  \n");   // an empty line in HeadNode (line 4)
  text.replace(text.find("  Scheduler: slurm"), 18, "  Scheduler: ");  // line 8
  client.Open(uri, text);
  auto labels = [&client, &uri](int line, int character) {
    auto reply = client.Response(client.Request("textDocument/completion", At(uri, line, character)));
    REQUIRE(reply);
    std::vector<std::string> out;
    for (const json& item : (*reply)["result"]["items"]) out.push_back(item["label"]);
    return out;
  };
  std::vector<std::string> keys = labels(4, 2);
  CHECK(Has(keys, "LocalStorage"));
  CHECK(Has(keys, "Ssh"));
  CHECK_FALSE(Has(keys, "InstanceType"));  // already there
  CHECK_FALSE(Has(keys, "Networking"));
  CHECK_FALSE(Has(keys, "Scheduler"));  // another level
  std::vector<std::string> values = labels(8, 13);
  CHECK(values == std::vector<std::string>{"slurm", "awsbatch"});
  // In a list item: the keys of a compute resource.
  std::vector<std::string> resource = labels(15, 10);
  CHECK(Has(resource, "Efa"));
  CHECK_FALSE(Has(resource, "MinCount"));
  CHECK_FALSE(Has(resource, "Name"));
  client.Notify("exit");
  client.Finish();
}

TEST_CASE("lsp code actions: did-you-mean replacement and suppress with a reason", "[lsp]") {
  LspClient client;
  client.Initialize();
  const std::string uri = "file:///tmp/pcl-lsp-actions/cluster.yaml";
  std::string text = WithTypo();
  text.replace(text.find("Scheduler: slurm"), 16, "Scheduler: slurn");
  client.Open(uri, text);
  auto actions_at = [&](int line) {
    json range = {{"start", Pos(line, 0)}, {"end", Pos(line, 200)}};
    auto reply = client.Response(client.Request(
        "textDocument/codeAction",
        {{"textDocument", {{"uri", uri}}}, {"range", range}, {"context", {{"diagnostics", json::array()}}}}));
    REQUIRE(reply);
    return (*reply)["result"];
  };
  json key_actions = actions_at(3);
  REQUIRE(key_actions.size() == 2);
  CHECK(key_actions[0]["title"] == "Replace with 'InstanceType'");
  CHECK(key_actions[0]["diagnostics"][0]["code"] == "PCL1001");
  std::string fixed = ApplyEdits(text, key_actions[0]["edit"]["changes"][uri]);
  CHECK(fixed.find("  InstanceType: t3.micro\n") != std::string::npos);
  CHECK(key_actions[1]["title"] == "Suppress PCL1001 here (with a reason)");
  std::string suppressed = ApplyEdits(text, key_actions[1]["edit"]["changes"][uri]);
  CHECK(suppressed.find("HeadNode:\n  # pcluster-lint: disable=PCL1001 -- \n  InstanceTyp: t3.micro\n") !=
        std::string::npos);
  json value_actions = actions_at(7);
  REQUIRE_FALSE(value_actions.empty());
  CHECK(value_actions[0]["title"] == "Replace with 'slurm'");
  CHECK(ApplyEdits(text, value_actions[0]["edit"]["changes"][uri]).find("  Scheduler: slurm\n") != std::string::npos);
  client.Notify("exit");
  client.Finish();
}

TEST_CASE("lsp: a v2 file gets a command that writes its migration beside it, never overwriting", "[lsp]") {
  TempDir dir;
  std::string v2 = ReadFile(SourceDir() + "/fixtures/examples/v2/cluster.ini");
  const std::string uri = FileUri(dir.Write("cluster.ini", v2));
  LspClient client;
  client.Initialize();
  client.Open(uri, v2, "ini");
  auto reply =
      client.Response(client.Request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                                 {"range", {{"start", Pos(0, 0)}, {"end", Pos(0, 0)}}},
                                                                 {"context", {{"diagnostics", json::array()}}}}));
  REQUIRE(reply);
  json command;
  for (const json& action : (*reply)["result"]) {
    if (action.contains("command")) command = action["command"];
  }
  REQUIRE(command.is_object());
  CHECK(command["command"] == "pcluster-lint.migrate");
  // A client that asks for quick fixes only does not get it.
  auto quickfixes = client.Response(client.Request(
      "textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                  {"range", {{"start", Pos(0, 0)}, {"end", Pos(0, 0)}}},
                                  {"context", {{"diagnostics", json::array()}, {"only", {"quickfix"}}}}}));
  REQUIRE(quickfixes);
  for (const json& action : (*quickfixes)["result"]) CHECK(action["kind"] == "quickfix");
  auto run = client.Response(client.Request("workspace/executeCommand",
                                            {{"command", command["command"]}, {"arguments", command["arguments"]}}));
  REQUIRE(run);
  CHECK((*run)["result"] == FileUri((dir.path / "cluster.yaml").string()));
  std::string written = ReadFile((dir.path / "cluster.yaml").string());
  CHECK(written.find("Scheduler: slurm") != std::string::npos);
  // Again: the file exists, so nothing is written and the user is told.
  dir.Write("cluster.yaml", "mine\n");
  auto again = client.Response(client.Request("workspace/executeCommand",
                                              {{"command", command["command"]}, {"arguments", command["arguments"]}}));
  REQUIRE(again);
  CHECK((*again)["result"].is_null());
  CHECK(ReadFile((dir.path / "cluster.yaml").string()) == "mine\n");
  auto message = client.WaitFor(
      [](const json& m) { return m.value("method", "") == "window/showMessage" && m["params"]["type"] == 1; });
  CHECK(message);
  client.Notify("exit");
  client.Finish();
}

}  // namespace pcl::testing
