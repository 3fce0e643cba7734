// libFuzzer target: the language server fed random message sequences (opens, full and
// incremental edits at random positions, hovers, completions, code actions, cancels, closes,
// and raw bytes for the framing). Every reply must be well-framed JSON; nothing may crash.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "lsp/framing.h"
#include "lsp/server.h"

namespace {

using json = nlohmann::json;

json Position(FuzzedDataProvider& in) {
  return {{"line", in.ConsumeIntegralInRange<int>(0, 40)}, {"character", in.ConsumeIntegralInRange<int>(0, 80)}};
}

json Message(FuzzedDataProvider& in, int& next_id) {
  static const char* const kUris[] = {"untitled:a.yaml", "untitled:b.ini", "untitled:c.toml"};
  static const char* const kLanguages[] = {"yaml", "ini", "toml"};
  int which = in.ConsumeIntegralInRange<int>(0, 2);
  json document = {{"uri", kUris[which]}};
  json message = {{"jsonrpc", "2.0"}};
  switch (in.ConsumeIntegralInRange<int>(0, 8)) {
    case 0:
      message["method"] = "textDocument/didOpen";
      document["languageId"] = kLanguages[which];
      document["version"] = next_id;
      document["text"] = in.ConsumeRandomLengthString(2048);
      message["params"]["textDocument"] = document;
      break;
    case 1:
    case 2: {
      message["method"] = "textDocument/didChange";
      document["version"] = next_id;
      json change = {{"text", in.ConsumeRandomLengthString(256)}};
      if (in.ConsumeBool()) change["range"] = {{"start", Position(in)}, {"end", Position(in)}};
      message["params"] = {{"textDocument", document}, {"contentChanges", json::array({change})}};
      break;
    }
    case 3:
      message["method"] = "textDocument/hover";
      message["params"] = {{"textDocument", document}, {"position", Position(in)}};
      break;
    case 4:
      message["method"] = "textDocument/completion";
      message["params"] = {{"textDocument", document}, {"position", Position(in)}};
      break;
    case 5:
      message["method"] = "textDocument/codeAction";
      message["params"] = {{"textDocument", document}, {"range", {{"start", Position(in)}, {"end", Position(in)}}}};
      break;
    case 6:
      message["method"] = "$/cancelRequest";
      message["params"] = {{"id", in.ConsumeIntegralInRange<int>(0, next_id)}};
      return message;
    case 7:
      message["method"] = "textDocument/didClose";
      message["params"]["textDocument"] = document;
      return message;
    default:
      message["method"] = in.ConsumeBool() ? "textDocument/didSave" : "workspace/executeCommand";
      message["params"] = {
          {"textDocument", document}, {"command", "pcluster-lint.migrate"}, {"arguments", json::array({kUris[which]})}};
      break;
  }
  if (message["method"] != "textDocument/didOpen" && message["method"] != "textDocument/didChange" &&
      message["method"] != "textDocument/didSave") {
    message["id"] = next_id;
  }
  ++next_id;
  return message;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  pcl::lsp::FrameReader replies;
  pcl::lsp::Server::Options options;
  options.synchronous = true;   // deterministic: checks run inside Pump
  options.write_files = false;  // the migration command must not write files from fuzz input
  pcl::lsp::Server server([&replies](const std::string& frame) { replies.Feed(frame); }, nullptr, options);
  server.Feed(
      pcl::lsp::EncodeFrame({{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"}, {"params", json::object()}}));
  int next_id = 1;
  while (in.remaining_bytes() > 0 && !server.exited()) {
    if (in.ConsumeIntegralInRange<int>(0, 15) == 0) {
      server.Feed(in.ConsumeRandomLengthString(128));  // raw bytes: the framing's turn
    } else {
      server.Feed(pcl::lsp::EncodeFrame(Message(in, next_id)));
    }
    if (in.ConsumeBool()) server.Pump();
  }
  server.Pump();
  while (auto frame = replies.Next()) {
    if (!frame->error.empty() || !frame->message.is_object()) __builtin_trap();  // only protocol out
  }
  return 0;
}
