// Test harness: spawns `pcluster-lint lsp`, sends framed JSON-RPC, and waits (bounded) for replies.
#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pcl::testing {

class LspClient {
 public:
  /// Starts the server with `cwd` as its working directory ("" = the test's).
  explicit LspClient(const std::string& cwd = "");
  ~LspClient();

  /// Sends bytes as they are (for malformed input).
  void SendRaw(const std::string& bytes);
  /// Frames and sends one message.
  void Send(const nlohmann::json& message);
  /// The frame bytes of `message` (to batch several into one write).
  static std::string Frame(const nlohmann::json& message);
  nlohmann::json RequestMessage(int id, const std::string& method,
                                const nlohmann::json& params = nlohmann::json::object());
  /// Sends a request and returns its id.
  int Request(const std::string& method, const nlohmann::json& params = nlohmann::json::object());
  void Notify(const std::string& method, const nlohmann::json& params = nlohmann::json::object());
  /// initialize + initialized.
  nlohmann::json Initialize();
  /// didOpen of `uri` with `text` (version 1).
  void Open(const std::string& uri, const std::string& text, const std::string& language = "yaml");

  /// The first message (received or still to come within `timeout_ms`) that `match` accepts;
  /// messages it skips stay available. nullopt on timeout or when the server closed stdout.
  std::optional<nlohmann::json> WaitFor(const std::function<bool(const nlohmann::json&)>& match,
                                        int timeout_ms = 15000);
  /// The response to request `id`.
  std::optional<nlohmann::json> Response(int id, int timeout_ms = 15000);
  /// The next publishDiagnostics for `uri` (and `version`, when >= 0).
  std::optional<nlohmann::json> Diagnostics(const std::string& uri, int version = -1, int timeout_ms = 15000);
  /// Every message received so far (after a WaitFor that drained them).
  const std::vector<nlohmann::json>& received() const { return received_; }

  /// Closes stdin and waits for the process; its exit code (-1 if it had to be killed).
  int Finish(int timeout_ms = 15000);
  /// Raw bytes the server wrote that were not well-framed JSON (should stay empty).
  const std::string& garbage() const { return garbage_; }

 private:
  bool ReadMore(int timeout_ms);
  void ParseFrames();

  pid_t pid_ = -1;
  int to_server_ = -1;
  int from_server_ = -1;
  int next_id_ = 1;
  bool eof_ = false;
  std::string buffer_;
  std::string garbage_;
  std::vector<nlohmann::json> received_;
  std::vector<bool> taken_;
};

/// A file:// uri for a path.
std::string FileUri(const std::string& path);

}  // namespace pcl::testing
