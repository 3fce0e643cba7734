// Where findings are for CI services: repo-relative paths, URIs, character columns, stable hashes.
#include "report/locations.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>

namespace pcl::report {

namespace fs = std::filesystem;

std::string FindRepoRoot(const std::string& start) {
  if (start.empty()) return "";
  fs::path dir = fs::path(start).lexically_normal();
  std::error_code ec;
  while (true) {
    if (fs::exists(dir / ".git", ec)) {
      std::string root = dir.string();
      if (root.size() > 1 && root.back() == '/') root.pop_back();
      return root;
    }
    if (!dir.has_relative_path()) return "";
    dir = dir.parent_path();
  }
}

std::string PercentEncodePath(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    unsigned char u = static_cast<unsigned char>(c);
    bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '.' ||
                u == '_' || u == '~' || u == '/';
    if (keep) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    }
  }
  return out;
}

int CharacterColumn(const model::SourceFile* source, int line, int byte_column) {
  if (!source || line < 1 || line > source->LineCount() || byte_column < 1) return byte_column;
  std::string_view text = source->Line(line);
  size_t end = std::min(text.size(), static_cast<size_t>(byte_column - 1));
  int column = 1;
  for (size_t i = 0; i < end; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;  // not a continuation byte
  }
  // Past the end of the line (an end position after the last character) counts one per byte.
  return column + (byte_column - 1 - static_cast<int>(end));
}

std::string StableHash(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[static_cast<size_t>(i)] = kHex[hash & 0xF];
  return out;
}

RepoPaths::RepoPaths(const RenderOptions& options) : working_dir_(options.working_dir) {
  if (working_dir_.empty()) {
    std::error_code ec;
    working_dir_ = fs::current_path(ec).string();
  }
  root_ = options.repo_root ? *options.repo_root : FindRepoRoot(working_dir_);
}

std::optional<std::string> RepoPaths::Relative(const std::string& path) const {
  if (root_.empty() || path.empty()) return std::nullopt;
  // Lexical only: resolving symlinks could move a file that is in the checkout out of it.
  fs::path absolute = fs::path(path).is_absolute() ? fs::path(path) : fs::path(working_dir_) / path;
  fs::path relative = absolute.lexically_normal().lexically_relative(fs::path(root_).lexically_normal());
  if (relative.empty() || *relative.begin() == ".." || relative == ".") return std::nullopt;
  return relative.generic_string();
}

std::string RepoPaths::Display(const std::string& path) const {
  std::optional<std::string> relative = Relative(path);
  return relative ? *relative : path;
}

}  // namespace pcl::report
