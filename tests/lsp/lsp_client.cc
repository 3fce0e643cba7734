// Test harness: spawns `pcluster-lint lsp`, sends framed JSON-RPC, and waits (bounded) for replies.
#include "lsp/lsp_client.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>

namespace pcl::testing {

using json = nlohmann::json;

LspClient::LspClient(const std::string& cwd) {
  signal(SIGPIPE, SIG_IGN);
  int in[2], out[2];
  if (pipe(in) != 0 || pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    close(in[0]);
    close(in[1]);
    close(out[0]);
    close(out[1]);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(126);
    execl(PCL_BINARY, PCL_BINARY, "lsp", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  to_server_ = in[1];
  from_server_ = out[0];
}

LspClient::~LspClient() {
  if (to_server_ >= 0) close(to_server_);
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (from_server_ >= 0) close(from_server_);
}

std::string LspClient::Frame(const json& message) {
  std::string body = message.dump();
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

void LspClient::SendRaw(const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(to_server_, bytes.data() + done, bytes.size() - done);
    if (n <= 0) return;  // the server is gone; WaitFor will say so
    done += static_cast<size_t>(n);
  }
}

void LspClient::Send(const json& message) {
  SendRaw(Frame(message));
}

json LspClient::RequestMessage(int id, const std::string& method, const json& params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}};
}

int LspClient::Request(const std::string& method, const json& params) {
  int id = next_id_++;
  Send(RequestMessage(id, method, params));
  return id;
}

void LspClient::Notify(const std::string& method, const json& params) {
  Send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
}

json LspClient::Initialize() {
  int id = Request("initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}});
  auto reply = Response(id);
  Notify("initialized");
  return reply.value_or(json());
}

void LspClient::Open(const std::string& uri, const std::string& text, const std::string& language) {
  Notify("textDocument/didOpen",
         {{"textDocument", {{"uri", uri}, {"languageId", language}, {"version", 1}, {"text", text}}}});
}

bool LspClient::ReadMore(int timeout_ms) {
  pollfd fd = {from_server_, POLLIN, 0};
  if (poll(&fd, 1, timeout_ms) <= 0) return false;
  char chunk[65536];
  ssize_t n = read(from_server_, chunk, sizeof chunk);
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  buffer_.append(chunk, static_cast<size_t>(n));
  ParseFrames();
  return true;
}

void LspClient::ParseFrames() {
  while (true) {
    size_t end = buffer_.find("\r\n\r\n");
    if (end == std::string::npos) return;
    const std::string header = buffer_.substr(0, end);
    const std::string kName = "Content-Length: ";
    if (header.rfind(kName, 0) != 0) {
      garbage_ += buffer_;
      buffer_.clear();
      return;
    }
    size_t length = std::stoul(header.substr(kName.size()));
    if (buffer_.size() < end + 4 + length) return;
    json message = json::parse(buffer_.substr(end + 4, length), nullptr, false);
    if (message.is_discarded())
      garbage_ += buffer_.substr(end + 4, length);
    else
      received_.push_back(std::move(message));
    buffer_.erase(0, end + 4 + length);
  }
}

std::optional<json> LspClient::WaitFor(const std::function<bool(const json&)>& match, int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  size_t checked = 0;
  while (true) {
    taken_.resize(received_.size(), false);
    for (; checked < received_.size(); ++checked) {
      if (!taken_[checked] && match(received_[checked])) {
        taken_[checked] = true;
        return received_[checked];
      }
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (eof_ || left.count() <= 0) return std::nullopt;
    ReadMore(static_cast<int>(left.count()));
  }
}

std::optional<json> LspClient::Response(int id, int timeout_ms) {
  return WaitFor([id](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); },
                 timeout_ms);
}

std::optional<json> LspClient::Diagnostics(const std::string& uri, int version, int timeout_ms) {
  return WaitFor(
      [&](const json& m) {
        return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri &&
               (version < 0 || m["params"].value("version", -1) == version);
      },
      timeout_ms);
}

int LspClient::Finish(int timeout_ms) {
  if (to_server_ >= 0) {
    close(to_server_);
    to_server_ = -1;
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (!eof_)
      ReadMore(10);  // keep draining so the server never blocks on a full pipe
    else
      usleep(10000);
    int status = 0;
    pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      pid_ = -1;
      while (!eof_ && ReadMore(0)) {}
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
  }
  return -1;
}

std::string FileUri(const std::string& path) {
  return "file://" + path;
}

}  // namespace pcl::testing
