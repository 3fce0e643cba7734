// `pcluster-lint lsp` protocol: lifecycle, malformed input, unknown methods, cancellation and
// superseded requests (each a session against the real binary).
#include <catch2/catch.hpp>

#include "lsp/lsp_client.h"

namespace pcl::testing {
namespace {

using json = nlohmann::json;

constexpr char kConfig[] =
    "Image:\n  Os: alinux2023\nHeadNode:\n  InstanceType: t3.micro\n  Ssh:\n    KeyName: team\n  Networking:\n    "
    "SubnetId: subnet-0123456789abcdef0\n"
    "Scheduling:\n  Scheduler: slurm\n  SlurmQueues:\n    - Name: q1\n      ComputeResources:\n        - Name: cr\n"
    "          InstanceType: c5.large\n          MinCount: 0\n          MaxCount: 10\n      Networking:\n"
    "        SubnetIds:\n          - subnet-0123456789abcdef0\n";

int ErrorCode(const std::optional<json>& reply) {
  return reply && reply->contains("error") ? (*reply)["error"].value("code", 0) : 0;
}

}  // namespace

TEST_CASE("lsp: initialize, shutdown and exit", "[lsp]") {
  LspClient client;
  json init = client.Initialize();
  REQUIRE(init.contains("result"));
  const json& caps = init["result"]["capabilities"];
  CHECK(caps["textDocumentSync"]["change"] == 2);  // incremental
  CHECK(caps["hoverProvider"] == true);
  CHECK(caps["positionEncoding"] == "utf-16");
  CHECK(init["result"]["serverInfo"]["name"] == "pcluster-lint");
  auto shutdown = client.Response(client.Request("shutdown"));
  REQUIRE(shutdown);
  CHECK((*shutdown)["result"].is_null());
  // After shutdown every request is refused.
  CHECK(ErrorCode(client.Response(client.Request("textDocument/hover", json::object()))) == -32600);
  client.Notify("exit");
  CHECK(client.Finish() == 0);
  CHECK(client.garbage().empty());
}

TEST_CASE("lsp: exit without shutdown ends with 1, end of input ends the server", "[lsp]") {
  {
    LspClient client;
    client.Initialize();
    client.Notify("exit");
    CHECK(client.Finish() == 1);
  }
  {
    LspClient client;
    client.Initialize();
    CHECK(client.Finish() == 1);  // stdin closed: no hang
  }
}

TEST_CASE("lsp: requests before initialize are refused", "[lsp]") {
  LspClient client;
  CHECK(ErrorCode(client.Response(client.Request("textDocument/hover", json::object()))) == -32002);
  client.Initialize();
  CHECK(ErrorCode(client.Response(client.Request("initialize", json::object()))) == -32602);
  client.Notify("exit");
  client.Finish();
}

TEST_CASE("lsp: malformed JSON-RPC gets errors, never a crash or a hang", "[lsp][malformed]") {
  LspClient client;
  client.Initialize();
  auto error_with_null_id = [&client](int code) {
    return client.WaitFor(
        [code](const json& m) { return m.contains("error") && m["id"].is_null() && m["error"]["code"] == code; });
  };
  SECTION("bodies that are not JSON, or not a request") {
    client.SendRaw("Content-Length: 9\r\n\r\n{not json");
    CHECK(error_with_null_id(-32700));
    client.SendRaw("Content-Length: 2\r\n\r\n[]");
    CHECK(error_with_null_id(-32600));
    client.SendRaw(LspClient::Frame({{"jsonrpc", "2.0"}, {"id", 7}}));  // no method
    CHECK(client.WaitFor([](const json& m) { return m.contains("error") && m["id"] == 7; }));
    client.SendRaw(LspClient::Frame({{"jsonrpc", "2.0"}, {"id", {{"an", "object"}}}, {"method", "shutdown"}}));
    CHECK(error_with_null_id(-32600));
    client.SendRaw(LspClient::Frame({{"jsonrpc", "2.0"}, {"id", 8}, {"method", 42}}));
    CHECK(client.WaitFor([](const json& m) { return m.contains("error") && m["id"] == 8; }));
    client.SendRaw(std::string("Content-Length: 4\r\n\r\n\"\xff\xfe\""));  // invalid UTF-8
    CHECK(error_with_null_id(-32700));
    // Deep nesting is refused before parsing (copying such a value would recurse that deep).
    std::string deep = std::string(100000, '[') + std::string(100000, ']');
    client.SendRaw("Content-Length: " + std::to_string(deep.size()) + "\r\n\r\n" + deep);
    CHECK(error_with_null_id(-32700));
  }
  SECTION("broken headers") {
    client.SendRaw("Content-Type: x\r\n\r\n");
    CHECK(error_with_null_id(-32700));
    client.SendRaw("Content-Length: -3\r\n\r\n");
    CHECK(error_with_null_id(-32700));
    client.SendRaw(std::string(10000, 'x'));  // no header end at all
    CHECK(error_with_null_id(-32700));
    client.SendRaw("\r\n\r\n");
    CHECK(error_with_null_id(-32700));
    // Over the 64 MiB limit: the body is dropped as it streams in, never held whole.
    const size_t oversized = (64u << 20) + 1;
    client.SendRaw("Content-Length: " + std::to_string(oversized) + "\r\n\r\n" + std::string(oversized, ' '));
    CHECK(error_with_null_id(-32700));
  }
  SECTION("unknown methods and bad params") {
    CHECK(ErrorCode(client.Response(client.Request("no/such/method"))) == -32601);
    client.Notify("no/such/notification");  // ignored
    CHECK(ErrorCode(client.Response(client.Request("textDocument/hover", {{"textDocument", 3}}))) == -32602);
    CHECK(ErrorCode(client.Response(
              client.Request("textDocument/hover", {{"textDocument", {{"uri", "file:///x.yaml"}}},
                                                    {"position", {{"line", -1}, {"character", 0}}}}))) == -32602);
    client.Notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///never-opened.yaml"}}}});
    client.Notify("textDocument/didOpen", {{"textDocument", "not an object"}});
  }
  // Whatever came before, the server still answers.
  auto reply = client.Response(client.Request("shutdown"));
  REQUIRE(reply);
  CHECK((*reply)["result"].is_null());
  client.Notify("exit");
  CHECK(client.Finish() == 0);
  CHECK(client.garbage().empty());
}

TEST_CASE("lsp: a cancelled request is dropped with RequestCancelled", "[lsp]") {
  LspClient client;
  client.Initialize();
  const std::string uri = "file:///tmp/pcl-lsp-cancel/cluster.yaml";
  client.Open(uri, kConfig);
  // The request and its cancellation arrive together: the request is never served.
  client.SendRaw(LspClient::Frame(client.RequestMessage(
                     100, "textDocument/hover",
                     {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 1}}}})) +
                 LspClient::Frame({{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", 100}}}}));
  CHECK(ErrorCode(client.Response(100)) == -32800);
  client.Notify("exit");
  client.Finish();
}

TEST_CASE("lsp: a request superseded by a newer edit of its document is dropped", "[lsp]") {
  LspClient client;
  client.Initialize();
  const std::string uri = "file:///tmp/pcl-lsp-supersede/cluster.yaml";
  client.Open(uri, kConfig);
  json edit = {{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"}};
  edit["params"]["textDocument"] = {{"uri", uri}, {"version", 2}};
  edit["params"]["contentChanges"] = json::array({{{"text", kConfig}}});
  client.SendRaw(LspClient::Frame(client.RequestMessage(
                     200, "textDocument/completion",
                     {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 3}, {"character", 2}}}})) +
                 LspClient::Frame(edit));
  CHECK(ErrorCode(client.Response(200)) == -32801);
  // The newest version is the one checked and published.
  auto published = client.Diagnostics(uri, 2);
  REQUIRE(published);
  CHECK((*published)["params"]["diagnostics"].empty());
  client.Notify("exit");
  client.Finish();
}

TEST_CASE("lsp: a burst of edits is checked once, at its newest version", "[lsp]") {
  LspClient client;
  client.Initialize();
  const std::string uri = "file:///tmp/pcl-lsp-burst/cluster.yaml";
  std::string burst = LspClient::Frame(
      {{"jsonrpc", "2.0"},
       {"method", "textDocument/didOpen"},
       {"params", {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", kConfig}}}}}});
  for (int version = 2; version <= 200; ++version) {
    // Insert then delete an 'x' at the start of line 1: the text alternates.
    json range = {{"start", {{"line", 0}, {"character", 0}}},
                  {"end", {{"line", 0}, {"character", version % 2 ? 1 : 0}}}};
    json change = {{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"}};
    change["params"]["textDocument"] = {{"uri", uri}, {"version", version}};
    change["params"]["contentChanges"] = json::array({{{"range", range}, {"text", version % 2 ? "" : "x"}}});
    burst += LspClient::Frame(change);
  }
  client.SendRaw(burst);
  auto last = client.Diagnostics(uri, 200);
  REQUIRE(last);
  // Version 200 put an 'x' before "Image:": an unknown key 'xImage' (and Image is missing).
  REQUIRE_FALSE((*last)["params"]["diagnostics"].empty());
  CHECK((*last)["params"]["diagnostics"][0]["code"] == "PCL1001");
  CHECK((*last)["params"]["diagnostics"][0]["message"].get<std::string>().find("'xImage'") != std::string::npos);
  int published = 0;
  for (const json& m : client.received()) published += m.value("method", "") == "textDocument/publishDiagnostics";
  CHECK(published < 50);  // coalesced, not one check per edit
  client.Notify("exit");
  client.Finish();
}

}  // namespace pcl::testing
