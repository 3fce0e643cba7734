// The language server: JSON-RPC dispatch, document lifecycle, and checks run per document on
// worker threads (newest version only; stale results are dropped).
#include "lsp/server.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "lsp/diagnostics.h"
#include "lsp/features.h"
#include "pipeline/config.h"

namespace pcl::lsp {
namespace {

using json = nlohmann::json;

// A request that cannot be served as sent (answered with kInvalidParams).
struct BadParams : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const json& Field(const json& object, const char* name) {
  if (!object.is_object() || !object.contains(name)) throw BadParams(std::string("missing '") + name + "'");
  return object[name];
}

std::string StringField(const json& object, const char* name) {
  const json& value = Field(object, name);
  if (!value.is_string()) throw BadParams(std::string("'") + name + "' must be a string");
  return value.get<std::string>();
}

int IntField(const json& object, const char* name) {
  const json& value = Field(object, name);
  if (!value.is_number_integer()) throw BadParams(std::string("'") + name + "' must be an integer");
  // Clamped to what a document can address (a huge position means "the end").
  return static_cast<int>(std::clamp<int64_t>(value.get<int64_t>(), -(1 << 30), 1 << 30));
}

LspPosition PositionField(const json& params) {
  const json& position = Field(params, "position");
  int line = IntField(position, "line");
  int character = IntField(position, "character");
  if (line < 0 || character < 0) throw BadParams("negative position");
  return {line, character};
}

std::string DocumentUri(const json& params) {
  return StringField(Field(params, "textDocument"), "uri");
}

bool IsRequestId(const json& id) {
  return id.is_string() || id.is_number_integer();
}

// Methods whose answer depends on a document's text: a later edit of it makes the answer moot.
bool ReadsDocument(const std::string& method) {
  return method == "textDocument/hover" || method == "textDocument/completion" || method == "textDocument/codeAction";
}

json Capabilities() {
  return {{"positionEncoding", "utf-16"},
          {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
          {"hoverProvider", true},
          {"completionProvider", {{"triggerCharacters", json::array({":"})}}},
          {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix", "source"})}}},
          {"executeCommandProvider", {{"commands", json::array({kMigrateCommand})}}}};
}

}  // namespace

Server::Server(std::function<void(const std::string&)> write, std::function<void()> wake, Options options)
    : write_(std::move(write)), wake_(std::move(wake)), options_(options) {}

Server::~Server() {
  for (auto& [uri, state] : states_) {
    if (state.job) orphans_.push_back(std::move(state.job));
  }
  for (auto& job : orphans_) {
    if (job->thread.joinable()) job->thread.join();
  }
}

bool Server::Busy() const {
  if (!orphans_.empty()) return true;
  for (const auto& [uri, state] : states_) {
    if (state.job) return true;
  }
  return false;
}

void Server::Reply(const json& id, json result) {
  write_(EncodeFrame({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}));
}

void Server::ReplyError(const json& id, int code, const std::string& message) {
  write_(EncodeFrame({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}}));
}

void Server::Notify(const std::string& method, const json& params) {
  write_(EncodeFrame({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}));
}

void Server::Pump() {
  std::vector<json> batch;
  while (auto frame = reader_.Next()) {
    if (!frame->error.empty()) {
      ReplyError(nullptr, kParseError, frame->error);
      continue;
    }
    batch.push_back(std::move(frame->message));
  }
  for (size_t i = 0; i < batch.size() && !exited_; ++i) {
    Handle(batch[i], std::span<const json>(batch).subspan(i + 1));
  }
  CollectJobs();
  StartJobs();
}

void Server::Handle(const json& message, std::span<const json> later) {
  if (!message.is_object()) {
    ReplyError(nullptr, kInvalidRequest, "a JSON-RPC message must be an object");
    return;
  }
  const bool has_id = message.contains("id");
  const json id = has_id && IsRequestId(message["id"]) ? message["id"] : json(nullptr);
  auto method_it = message.find("method");
  if (method_it == message.end()) {
    // A response to a request of ours (we send none that need one) is ignored.
    if (!message.contains("result") && !message.contains("error")) {
      ReplyError(id, kInvalidRequest, "a JSON-RPC request needs a method");
    }
    return;
  }
  if (!method_it->is_string() || (has_id && !IsRequestId(message["id"]))) {
    ReplyError(id, kInvalidRequest, "'method' must be a string and 'id' a string or an integer");
    return;
  }
  const std::string method = method_it->get<std::string>();
  const json params = message.value("params", json::object());
  if (!has_id) {  // a notification: never answered, errors are dropped
    if (method == "exit") {
      exited_ = true;
      return;
    }
    if (!initialized_ || method == "$/cancelRequest") return;
    try {
      Dispatch(method, params);
    } catch (const std::exception&) {
      // Bad params in a notification: nothing to answer; the document stays as it was.
    }
    return;
  }
  if (shutdown_) {
    ReplyError(id, kInvalidRequest, "the server is shut down");
    return;
  }
  if (!initialized_ && method != "initialize") {
    ReplyError(id, kServerNotInitialized, "the server is not initialized");
    return;
  }
  for (const json& next : later) {
    if (!next.is_object()) continue;
    std::string next_method = next.value("method", "");
    if (next_method == "$/cancelRequest" && next.contains("params") && next["params"].is_object() &&
        next["params"].value("id", json()) == id) {
      ReplyError(id, kRequestCancelled, "cancelled");
      return;
    }
    if (ReadsDocument(method) && (next_method == "textDocument/didChange" || next_method == "textDocument/didClose")) {
      try {
        if (DocumentUri(next.value("params", json())) == DocumentUri(params)) {
          ReplyError(id, kContentModified, "the document changed since the request");
          return;
        }
      } catch (const std::exception&) {
        // A malformed request is answered below; a malformed notification is ignored.
      }
    }
  }
  try {
    json result = Dispatch(method, params);
    if (result.is_discarded()) {
      ReplyError(id, kMethodNotFound, "unknown method '" + method + "'");
    } else {
      Reply(id, std::move(result));
    }
  } catch (const BadParams& e) {
    ReplyError(id, kInvalidParams, e.what());
  } catch (const json::exception& e) {
    ReplyError(id, kInvalidParams, e.what());
  } catch (const std::exception& e) {
    ReplyError(id, kInternalError, e.what());
  }
}

json Server::Dispatch(const std::string& method, const json& params) {
  if (method == "initialize") {
    if (initialized_) throw BadParams("initialize was already sent");
    initialized_ = true;
    return {{"capabilities", Capabilities()}, {"serverInfo", {{"name", "pcluster-lint"}, {"version", PCL_VERSION}}}};
  }
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/didOpen") {
    const json& document = Field(params, "textDocument");
    std::string uri = StringField(document, "uri");
    std::string text = StringField(document, "text");
    documents_.Open(uri, document.value("languageId", ""), IntField(document, "version"), std::move(text));
    states_[uri].dirty = true;
    return nullptr;
  }
  if (method == "textDocument/didChange") {
    std::string uri = DocumentUri(params);
    if (documents_.Change(uri, IntField(Field(params, "textDocument"), "version"), Field(params, "contentChanges"))) {
      states_[uri].dirty = true;
    }
    return nullptr;
  }
  if (method == "textDocument/didSave") {
    std::string uri = DocumentUri(params);
    // Saving the team config changes every document's findings; any save re-reads it.
    if (std::filesystem::path(UriToPath(uri)).filename() == pipeline::kConfigFileName) {
      MarkAllDirty();
    } else if (auto it = states_.find(uri); it != states_.end()) {
      it->second.dirty = true;
    }
    return nullptr;
  }
  if (method == "workspace/didChangeWatchedFiles" || method == "workspace/didChangeConfiguration") {
    MarkAllDirty();
    return nullptr;
  }
  if (method == "textDocument/didClose") {
    std::string uri = DocumentUri(params);
    documents_.Close(uri);
    if (auto it = states_.find(uri); it != states_.end()) {
      if (it->second.job) orphans_.push_back(std::move(it->second.job));
      bool had_findings = it->second.published_findings;
      states_.erase(it);
      if (had_findings) Notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
    }
    return nullptr;
  }
  if (method == "textDocument/hover" || method == "textDocument/completion" || method == "textDocument/codeAction") {
    std::string uri = DocumentUri(params);
    OpenDocument* document = documents_.Find(uri);
    if (method == "textDocument/hover") {
      LspPosition position = PositionField(params);
      return document ? Hover(*document, Fresh(uri), position) : json(nullptr);
    }
    if (method == "textDocument/completion") {
      LspPosition position = PositionField(params);
      return document ? Completion(*document, Fresh(uri), position) : json(nullptr);
    }
    const json& range = Field(params, "range");
    PositionField({{"position", Field(range, "start")}});  // validates both ends
    PositionField({{"position", Field(range, "end")}});
    json actions = document ? CodeActions(*document, Fresh(uri), range) : json::array();
    // context.only: the kinds the client asked for ("quickfix", "source", or a parent of them).
    const json only =
        params.contains("context") && params["context"].is_object() ? params["context"].value("only", json()) : json();
    if (only.is_array()) {
      json wanted = json::array();
      for (json& action : actions) {
        const std::string kind = action.value("kind", "");
        for (const json& prefix : only) {
          if (prefix.is_string() &&
              (kind == prefix.get<std::string>() || kind.rfind(prefix.get<std::string>() + ".", 0) == 0)) {
            wanted.push_back(std::move(action));
            break;
          }
        }
      }
      actions = std::move(wanted);
    }
    return actions;
  }
  if (method == "workspace/executeCommand") {
    if (StringField(params, "command") != kMigrateCommand) throw BadParams("unknown command");
    const json& arguments = Field(params, "arguments");
    if (!arguments.is_array() || arguments.empty() || !arguments[0].is_string()) throw BadParams("expected [uri]");
    OpenDocument* document = documents_.Find(arguments[0].get<std::string>());
    if (!document) throw BadParams("the document is not open");
    if (!options_.write_files) throw BadParams("this server does not write files");
    bool ok = false;
    std::string written;
    std::string message = WriteMigration(*document, ok, written);
    Notify("window/showMessage", {{"type", ok ? 3 : 1}, {"message", "pcluster-lint: " + message}});
    return ok ? json(PathToUri(written)) : json(nullptr);
  }
  if (method.rfind("$/", 0) == 0 || method == "initialized" || method == "textDocument/willSave") return nullptr;
  return json(json::value_t::discarded);
}

void Server::MarkAllDirty() {
  for (auto& [uri, state] : states_) state.dirty = true;
}

std::shared_ptr<const Analysis> Server::CheckNow(const OpenDocument& document) {
  return Analyse(document.path, IsClusterConfig(document), document.version, document.text, RulesFor(document.path));
}

std::shared_ptr<const pipeline::RuleSet> Server::RulesFor(const std::string& path) {
  std::string config_error;
  auto rules = rule_sets_.For(path, config_error);
  if (config_error != last_config_error_) {  // said once, not at every keystroke
    last_config_error_ = config_error;
    if (!config_error.empty()) {
      Notify("window/showMessage",
             {{"type", 1}, {"message", "pcluster-lint: " + config_error + " (using the defaults)"}});
    }
  }
  return rules;
}

const Analysis& Server::Fresh(const std::string& uri) {
  DocState& state = states_[uri];
  const OpenDocument& document = *documents_.Find(uri);
  if (state.job && state.job->version == document.version && !state.dirty) {
    state.job->thread.join();  // its check of this very version is nearly done: wait for it
    state.analysis = std::move(state.job->result);
    state.job.reset();
    Publish(uri, state);
  }
  if (!state.analysis || state.analysis->version != document.version || state.dirty) {
    state.analysis = CheckNow(document);
    state.dirty = false;
    Publish(uri, state);
  }
  return *state.analysis;
}

void Server::Publish(const std::string& uri, DocState& state) {
  json params = PublishParams(uri, *state.analysis);
  bool has_findings = !params["diagnostics"].empty();
  // A file that is not a cluster config gets nothing (only a clear if it had findings before).
  if (!state.analysis->is_config && !state.published_findings) return;
  state.published_findings = has_findings;
  Notify("textDocument/publishDiagnostics", params);
}

void Server::CollectJobs() {
  for (auto& [uri, state] : states_) {
    if (!state.job || !state.job->done.load(std::memory_order_acquire)) continue;
    state.job->thread.join();
    std::shared_ptr<const Analysis> result = std::move(state.job->result);
    state.job.reset();
    const OpenDocument* document = documents_.Find(uri);
    // A newer edit arrived while it ran: the result is dropped and the newest version checked.
    if (!document || result->version != document->version || state.dirty) continue;
    state.analysis = std::move(result);
    Publish(uri, state);
  }
  std::erase_if(orphans_, [](const std::shared_ptr<Job>& job) {
    if (!job->done.load(std::memory_order_acquire)) return false;
    job->thread.join();
    return true;
  });
}

void Server::StartJobs() {
  int running = static_cast<int>(orphans_.size());
  for (const auto& [uri, state] : states_) running += state.job ? 1 : 0;
  for (auto& [uri, state] : states_) {
    if (!state.dirty || state.job) continue;
    const OpenDocument* document = documents_.Find(uri);
    if (!document) continue;
    if (options_.synchronous) {
      state.analysis = CheckNow(*document);
      state.dirty = false;
      Publish(uri, state);
      continue;
    }
    if (running >= options_.max_parallel_checks) break;
    auto job = std::make_shared<Job>();
    job->uri = uri;
    job->version = document->version;
    std::string path = document->path;
    bool is_config = IsClusterConfig(*document);
    auto rules = RulesFor(path);
    job->thread = std::thread([job_ptr = job.get(), path, is_config, text = document->text, rules, wake = wake_] {
      job_ptr->result = Analyse(path, is_config, job_ptr->version, text, rules);
      job_ptr->done.store(true, std::memory_order_release);
      if (wake) wake();
    });
    state.job = std::move(job);
    state.dirty = false;
    ++running;
  }
}

}  // namespace pcl::lsp
