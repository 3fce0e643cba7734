// The open documents: text, version and language, kept current by full and incremental edits.
#include "lsp/document_store.h"

#include <algorithm>
#include <cctype>

#include "lsp/utf16.h"

namespace pcl::lsp {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool ReadPosition(const nlohmann::json& value, LspPosition& out) {
  if (!value.is_object()) return false;
  auto line = value.find("line");
  auto character = value.find("character");
  if (line == value.end() || character == value.end() || !line->is_number_integer() ||
      !character->is_number_integer() || line->get<int64_t>() < 0 || character->get<int64_t>() < 0) {
    return false;
  }
  // Clamped: a position past the end means the end (the protocol's rule for characters).
  out.line = static_cast<int>(std::min<uint64_t>(line->get<uint64_t>(), 1u << 30));
  out.character = static_cast<int>(std::min<uint64_t>(character->get<uint64_t>(), 1u << 30));
  return true;
}

}  // namespace

LineText::LineText(std::string text) : text_(std::move(text)) {
  starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') starts_.push_back(i + 1);
  }
}

std::string_view LineText::Line(int line) const {
  if (line < 0 || line >= LineCount()) return {};
  size_t begin = starts_[line];
  size_t end = line + 1 < LineCount() ? starts_[line + 1] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(begin, end - begin);
}

size_t LineText::OffsetOf(LspPosition position) const {
  if (position.line < 0) return 0;
  if (position.line >= LineCount()) return text_.size();
  return starts_[position.line] + ByteOffsetOfUtf16(Line(position.line), position.character);
}

LspPosition LineText::FromModel(int line, int column) const {
  if (line <= 0) return {};
  if (line > LineCount()) return {LineCount() - 1, Utf16Length(Line(LineCount() - 1), std::string::npos)};
  size_t bytes = column > 1 ? static_cast<size_t>(column - 1) : 0;
  return {line - 1, Utf16Length(Line(line - 1), bytes)};
}

std::string UriToPath(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.substr(0, kScheme.size()) != kScheme) return "";
  std::string_view rest = uri.substr(kScheme.size());
  rest = rest.substr(std::min(rest.find('/'), rest.size()));  // drops an authority ("localhost")
  std::string path;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && HexValue(rest[i + 1]) >= 0 && HexValue(rest[i + 2]) >= 0) {
      path += static_cast<char>(HexValue(rest[i + 1]) * 16 + HexValue(rest[i + 2]));
      i += 2;
    } else {
      path += rest[i];
    }
  }
  return path;
}

std::string PathToUri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::string_view("/-._~").find(static_cast<char>(c)) != std::string_view::npos) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri;
}

OpenDocument& DocumentStore::Open(const std::string& uri, const std::string& language_id, int version,
                                  std::string text) {
  OpenDocument& document = documents_[uri];
  document.uri = uri;
  document.path = UriToPath(uri);
  if (document.path.empty()) document.path = uri;
  document.language_id = language_id;
  document.version = version;
  document.text = LineText(std::move(text));
  return document;
}

bool DocumentStore::Change(const std::string& uri, int version, const nlohmann::json& changes) {
  OpenDocument* document = Find(uri);
  if (!document || !changes.is_array()) return false;
  LineText text = document->text;
  for (const nlohmann::json& change : changes) {
    if (!change.is_object() || !change.contains("text") || !change["text"].is_string()) return false;
    const std::string& inserted = change["text"].get_ref<const std::string&>();
    auto range = change.find("range");
    if (range == change.end()) {
      text = LineText(inserted);
      continue;
    }
    LspPosition start, end;
    if (!range->is_object() || !ReadPosition(range->value("start", nlohmann::json()), start) ||
        !ReadPosition(range->value("end", nlohmann::json()), end)) {
      return false;
    }
    size_t begin_offset = text.OffsetOf(start);
    size_t end_offset = std::max(begin_offset, text.OffsetOf(end));
    std::string edited = text.text();
    edited.replace(begin_offset, end_offset - begin_offset, inserted);
    text = LineText(std::move(edited));
  }
  document->text = std::move(text);
  document->version = version;
  return true;
}

OpenDocument* DocumentStore::Find(const std::string& uri) {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

}  // namespace pcl::lsp
