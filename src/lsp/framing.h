// JSON-RPC framing over a byte stream: "Content-Length: N\r\n\r\n" headers, then N bytes of JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace pcl::lsp {

/// Largest message body accepted; a longer one is skipped (read and dropped) and reported.
inline constexpr size_t kMaxMessageBytes = 64u << 20;
/// Deepest nesting of arrays and objects accepted in a message (LSP needs fewer than ten).
inline constexpr int kMaxNesting = 64;
/// Longest header block accepted before the framing is declared broken.
inline constexpr size_t kMaxHeaderBytes = 8192;

/// One framed message as read: its JSON, or why it could not be read.
struct Frame {
  nlohmann::json message;  ///< discarded (is_discarded()) when `error` is set
  std::string error;       ///< "" or why the frame is unusable (answered with a parse error)
};

/// Splits a byte stream into frames. Bytes are fed as they arrive; memory held is bounded by
/// one message (a body over kMaxMessageBytes is dropped as it streams in).
class FrameReader {
 public:
  void Feed(std::string_view bytes);
  /// The next complete frame, if one is buffered.
  std::optional<Frame> Next();

 private:
  std::string buffer_;
  size_t skipping_ = 0;  ///< bytes of an oversized body still to drop
};

/// The bytes of `message` framed for sending.
std::string EncodeFrame(const nlohmann::json& message);

}  // namespace pcl::lsp
