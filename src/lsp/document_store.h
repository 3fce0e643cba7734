// The open documents: text, version and language, kept current by full and incremental edits.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace pcl::lsp {

/// An LSP position: 0-based line and UTF-16 character.
struct LspPosition {
  int line = 0;
  int character = 0;

  auto operator<=>(const LspPosition&) const = default;
};

/// Text with a line index, converting between byte offsets and LSP positions.
class LineText {
 public:
  explicit LineText(std::string text = "");
  const std::string& text() const { return text_; }
  int LineCount() const { return static_cast<int>(starts_.size()); }
  /// Line `line` (0-based) without its line break; empty when out of range.
  std::string_view Line(int line) const;
  /// Byte offset of an LSP position (clamped to the text, as the protocol asks).
  size_t OffsetOf(LspPosition position) const;
  /// The LSP position of a 1-based line and 1-based byte column (our model's positions);
  /// line 0 ("unknown") maps to the start of the text.
  LspPosition FromModel(int line, int column) const;

 private:
  std::string text_;
  std::vector<size_t> starts_;
};

struct OpenDocument {
  std::string uri;
  std::string path;         ///< file path for uris of the file scheme, else the uri itself
  std::string language_id;  ///< as the client said (yaml, ini, toml, ...)
  int version = 0;
  LineText text;
};

/// Converts a file:// uri to a path ("" for other schemes); percent escapes are decoded.
std::string UriToPath(std::string_view uri);
/// The file:// uri of an absolute path (reserved characters percent-escaped).
std::string PathToUri(std::string_view path);

class DocumentStore {
 public:
  OpenDocument& Open(const std::string& uri, const std::string& language_id, int version, std::string text);
  /// Applies `changes` (LSP TextDocumentContentChangeEvent[]) in order. Returns false and leaves
  /// the document as it was when the uri is not open or a change is malformed.
  bool Change(const std::string& uri, int version, const nlohmann::json& changes);
  void Close(const std::string& uri) { documents_.erase(uri); }
  OpenDocument* Find(const std::string& uri);
  std::map<std::string, OpenDocument>& all() { return documents_; }

 private:
  std::map<std::string, OpenDocument> documents_;
};

}  // namespace pcl::lsp
