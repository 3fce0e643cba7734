// The language server: JSON-RPC dispatch, document lifecycle, and checks run per document on
// worker threads (newest version only; stale results are dropped).
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/analysis.h"
#include "lsp/document_store.h"
#include "lsp/framing.h"

namespace pcl::lsp {

/// JSON-RPC and LSP error codes.
enum ErrorCode {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestCancelled = -32800,
  kContentModified = -32801,
};

class Server {
 public:
  struct Options {
    /// Check documents on the calling thread inside Pump (the fuzz target: deterministic).
    bool synchronous = false;
    /// Checks running at once on worker threads (one per document at most).
    int max_parallel_checks = 2;
    /// Whether workspace/executeCommand may write the migration file (off in the fuzz target).
    bool write_files = true;
  };

  /// `write` sends bytes to the client (a whole frame per call); `wake` is called from a worker
  /// thread when a check finishes, so the loop can Pump again.
  Server(std::function<void(const std::string&)> write, std::function<void()> wake, Options options);
  Server(std::function<void(const std::string&)> write, std::function<void()> wake)
      : Server(std::move(write), std::move(wake), Options{}) {}
  ~Server();

  /// Bytes from the client; complete messages are handled by the next Pump.
  void Feed(std::string_view bytes) { reader_.Feed(bytes); }
  /// Handles every complete message received so far (in order, coalescing edits), collects
  /// finished checks and starts checks of documents whose newest version is unchecked.
  void Pump();
  /// Whether checks are still running (the loop must wait for their wake-up).
  bool Busy() const;
  bool exited() const { return exited_; }
  /// 0 after shutdown then exit, 1 for an exit without shutdown (as LSP asks).
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  struct Job {
    std::string uri;
    int version = 0;
    std::atomic<bool> done{false};
    std::shared_ptr<const Analysis> result;
    std::thread thread;
  };
  struct DocState {
    std::shared_ptr<const Analysis> analysis;  ///< newest finished check
    bool dirty = true;                         ///< the current version is not checked yet
    bool published_findings = false;           ///< the last publish had findings
    std::shared_ptr<Job> job;                  ///< running check, if any
  };

  /// `later`: the messages after it in the same batch (a cancel or an edit there drops it).
  void Handle(const nlohmann::json& message, std::span<const nlohmann::json> later);
  nlohmann::json Dispatch(const std::string& method, const nlohmann::json& params);
  void Notify(const std::string& method, const nlohmann::json& params);
  void Reply(const nlohmann::json& id, nlohmann::json result);
  void ReplyError(const nlohmann::json& id, int code, const std::string& message);
  void MarkAllDirty();
  /// The analysis of a document's current version, checking it now if needed.
  const Analysis& Fresh(const std::string& uri);
  std::shared_ptr<const Analysis> CheckNow(const OpenDocument& document);
  /// The rules for a path; a broken config file is reported once (window/showMessage).
  std::shared_ptr<const pipeline::RuleSet> RulesFor(const std::string& path);
  void Publish(const std::string& uri, DocState& state);
  void CollectJobs();
  void StartJobs();

  std::function<void(const std::string&)> write_;
  std::function<void()> wake_;
  Options options_;
  FrameReader reader_;
  DocumentStore documents_;
  std::map<std::string, DocState> states_;
  std::vector<std::shared_ptr<Job>> orphans_;  ///< checks of closed documents, joined when done
  RuleSets rule_sets_;
  std::string last_config_error_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
};

/// Runs the server on stdin/stdout until `exit` or end of input; returns the exit code.
int RunStdio();

}  // namespace pcl::lsp
