// JSON-RPC framing over a byte stream: "Content-Length: N\r\n\r\n" headers, then N bytes of JSON.
#include "lsp/framing.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace pcl::lsp {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Content-Length from a header block ("" lines separated by \r\n); nullopt if absent or invalid.
std::optional<size_t> ContentLength(std::string_view headers) {
  std::optional<size_t> length;
  while (!headers.empty()) {
    size_t end = headers.find("\r\n");
    std::string_view line = headers.substr(0, end);
    headers = end == std::string_view::npos ? std::string_view() : headers.substr(end + 2);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    if (Lower(line.substr(0, colon)) != "content-length") continue;  // Content-Type and others
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    size_t parsed = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (ec != std::errc() || ptr != value.data() + value.size() || value.empty()) return std::nullopt;
    length = parsed;
  }
  return length;
}

// Whether the JSON text nests arrays and objects at most `limit` deep (strings skipped). Copying
// and printing nlohmann::json values recurse, so a hostile message must not get that far.
bool NestingWithin(std::string_view body, int limit) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

}  // namespace

void FrameReader::Feed(std::string_view bytes) {
  if (skipping_ > 0) {
    size_t dropped = std::min(skipping_, bytes.size());
    skipping_ -= dropped;
    bytes.remove_prefix(dropped);
  }
  buffer_.append(bytes);
}

std::optional<Frame> FrameReader::Next() {
  if (skipping_ > 0) return std::nullopt;
  size_t end = buffer_.find("\r\n\r\n");
  if (end == std::string::npos) {
    if (buffer_.size() <= kMaxHeaderBytes) return std::nullopt;
    // No header end in sight: drop what is buffered up to its last line break and report it.
    size_t cut = buffer_.rfind('\n');
    buffer_.erase(0, cut == std::string::npos ? buffer_.size() : cut + 1);
    return Frame{nlohmann::json::value_t::discarded, "header block too long or not terminated"};
  }
  std::optional<size_t> length = ContentLength(std::string_view(buffer_).substr(0, end));
  if (!length) {
    buffer_.erase(0, end + 4);
    return Frame{nlohmann::json::value_t::discarded, "missing or invalid Content-Length header"};
  }
  if (*length > kMaxMessageBytes) {
    size_t body_start = end + 4;
    size_t buffered = buffer_.size() - body_start;
    if (buffered >= *length) {
      buffer_.erase(0, body_start + *length);
    } else {
      skipping_ = *length - buffered;
      buffer_.clear();
    }
    return Frame{
        nlohmann::json::value_t::discarded,
        "message of " + std::to_string(*length) + " bytes is over the limit of " + std::to_string(kMaxMessageBytes)};
  }
  if (buffer_.size() - (end + 4) < *length) return std::nullopt;
  Frame frame;
  std::string_view body = std::string_view(buffer_).substr(end + 4, *length);
  if (!NestingWithin(body, kMaxNesting)) {
    frame.error = "the message nests deeper than " + std::to_string(kMaxNesting) + " levels";
  } else {
    frame.message = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (frame.message.is_discarded()) frame.error = "the message is not valid JSON";
  }
  buffer_.erase(0, end + 4 + *length);
  return frame;
}

std::string EncodeFrame(const nlohmann::json& message) {
  // Invalid UTF-8 from a client is replaced, never thrown on.
  std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace pcl::lsp
