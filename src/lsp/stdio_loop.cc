// The server's event loop over stdin/stdout: poll for client bytes and for finished checks.
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "lsp/server.h"

namespace pcl::lsp {
namespace {

bool WriteAll(int fd, const std::string& bytes) {
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    written += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

int RunStdio() {
  std::signal(SIGPIPE, SIG_IGN);  // a client that went away is an end of input, not a crash
  int wake_pipe[2];
  if (::pipe(wake_pipe) != 0) return 3;
  bool output_ok = true;
  int exit_code = 1;
  {
    Server server([&output_ok](const std::string& frame) { output_ok = output_ok && WriteAll(1, frame); },
                  [fd = wake_pipe[1]] {
                    char byte = 1;
                    (void)!::write(fd, &byte, 1);
                  });
    bool input_open = true;
    std::string chunk(1 << 16, '\0');
    while (output_ok && !server.exited() && (input_open || server.Busy())) {
      pollfd fds[2] = {{0, POLLIN, 0}, {wake_pipe[0], POLLIN, 0}};
      int ready = ::poll(input_open ? fds : fds + 1, input_open ? 2 : 1, -1);
      if (ready < 0 && errno != EINTR) break;
      if (fds[1].revents & POLLIN) {
        char drain[64];
        (void)!::read(wake_pipe[0], drain, sizeof drain);
      }
      // Everything already sent is read before handling, so a burst of edits is one check.
      while (input_open) {
        pollfd in = {0, POLLIN, 0};
        if (::poll(&in, 1, 0) <= 0 || !(in.revents & (POLLIN | POLLHUP))) break;
        ssize_t n = ::read(0, chunk.data(), chunk.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
          input_open = false;
          break;
        }
        server.Feed(std::string_view(chunk.data(), static_cast<size_t>(n)));
      }
      server.Pump();
    }
    exit_code = server.exited() ? server.exit_code() : 1;
  }
  ::close(wake_pipe[0]);
  ::close(wake_pipe[1]);
  return exit_code;
}

}  // namespace pcl::lsp
