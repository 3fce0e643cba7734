// Expands PATH arguments into config files: recursive, loop-safe, deterministic.
#include "pipeline/file_walk.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string_view>

#include "schema/schema_store.h"

namespace pcl::pipeline {
namespace {

namespace fs = std::filesystem;

bool HasSuffix(const std::string& name, const std::string& suffix) {
  return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The first 64 KiB, or nullopt if the file cannot be opened.
std::optional<std::string> ReadHead(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

bool HasLineStarting(const std::string& text, std::initializer_list<const char*> prefixes) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    for (const char* prefix : prefixes) {
      if (line.rfind(prefix, 0) == 0) return true;
    }
    pos = end + 1;
  }
  return false;
}

// The keys of block mappings at the top level: lines starting with a plain or quoted key and a
// colon. Comments, list items, directives, document markers and flow collections say nothing.
std::vector<std::string> TopLevelKeys(const std::string& text) {
  std::vector<std::string> keys;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || std::string_view(" \t#-%.{[|>&*!?@`").find(line[0]) != std::string_view::npos) continue;
    std::string_view key;
    size_t colon = std::string_view::npos;
    if (line[0] == '"' || line[0] == '\'') {
      size_t close = line.find(line[0], 1);
      if (close == std::string_view::npos) continue;
      key = line.substr(1, close - 1);
      colon = line.find_first_not_of(" \t", close + 1);
      if (colon == std::string_view::npos || line[colon] != ':') continue;
    } else {
      for (colon = line.find(':'); colon != std::string_view::npos; colon = line.find(':', colon + 1)) {
        if (colon + 1 == line.size() || line[colon + 1] == ' ' || line[colon + 1] == '\t') break;
      }
      if (colon == std::string_view::npos) continue;
      key = line.substr(0, colon);
      while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);
    }
    keys.emplace_back(key);
  }
  return keys;
}

// The top-level keys of a cluster config in the newest bundled schema.
const std::set<std::string>& ClusterTopLevelKeys() {
  static const std::set<std::string> kKeys = [] {
    std::set<std::string> keys;
    const auto& versions = schema::KnownVersions();
    const schema::SchemaBundle* bundle = versions.empty() ? nullptr : schema::FindSchema(versions.back());
    if (bundle && bundle->document.contains("properties")) {
      for (const auto& [key, value] : bundle->document["properties"].items()) keys.insert(key);
    }
    return keys;
  }();
  return kKeys;
}

void Walk(const fs::path& dir, std::set<fs::path>& visited, std::vector<WalkedPath>& out) {
  std::error_code ec;
  fs::path canonical = fs::canonical(dir, ec);
  if (ec || !visited.insert(canonical).second) return;  // unreadable, or a symlink loop
  std::vector<fs::directory_entry> entries;
  // An unreadable folder is an error, not a silent skip: it may hold configs nobody checked.
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) {
    out.push_back({dir.string(), "cannot read directory: " + ec.message()});
    return;
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const fs::directory_entry& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.' || name == "node_modules") continue;
    std::error_code type_ec;
    if (entry.is_directory(type_ec)) {
      Walk(entry.path(), visited, out);
    } else if (entry.is_regular_file(type_ec)) {
      std::optional<std::string> head = ReadHead(entry.path());
      // A config-named file we cannot open goes to the loader, which reports why.
      if (head ? LooksLikeClusterConfig(name, *head) : LooksLikeClusterConfig(name, "[global]")) {
        out.push_back({entry.path().string(), "", true});
      }
    }
  }
}

}  // namespace

bool LooksLikeClusterConfig(const std::string& name, const std::string& head) {
  if (HasSuffix(name, ".yaml") || HasSuffix(name, ".yml")) {
    return HasLineStarting(head, {"HeadNode:", "Scheduling:", "[cluster ", "[global]"});
  }
  if (HasSuffix(name, ".ini") || HasSuffix(name, ".cfg") || name == "config") {
    return HasLineStarting(head, {"[cluster ", "[global]", "[aws]"});
  }
  if (HasSuffix(name, ".toml")) {
    return HasLineStarting(head, {"[cluster.", "[\"cluster ", "[global]", "[aws]"});
  }
  return false;
}

bool IsOtherKindOfFile(const std::string& path) {
  // Only a regular file may be read twice: a FIFO or /dev/stdin would block or be used up.
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  const std::string name = fs::path(path).filename().string();
  std::optional<std::string> head = ReadHead(path);
  if (!head || LooksLikeClusterConfig(name, *head)) return false;
  if (HasSuffix(name, ".yaml") || HasSuffix(name, ".yml")) {
    // A top-level key no cluster config has (apiVersion, AWSTemplateFormatVersion, Build, jobs)
    // tells, unless a key only cluster configs have (SharedStorage, Monitoring...) says otherwise:
    // a config with HeadNode and Scheduling both misspelt is still a config. Image-builder configs
    // share Region, Image, DevSettings, CustomS3Bucket and DeploymentSettings.
    static const std::set<std::string> kShared = {"Region", "Image", "DevSettings", "CustomS3Bucket",
                                                  "DeploymentSettings"};
    const std::set<std::string>& cluster_keys = ClusterTopLevelKeys();
    bool foreign = false;
    for (const std::string& key : TopLevelKeys(*head)) {
      if (cluster_keys.count(key) && !kShared.count(key)) return false;
      foreign = foreign || !cluster_keys.count(key);
    }
    return foreign;
  }
  if (HasSuffix(name, ".ini") || HasSuffix(name, ".cfg") || HasSuffix(name, ".toml") || name == "config") {
    return HasLineStarting(*head, {"["});  // sections, none of them a v2 one
  }
  return false;
}

std::vector<WalkedPath> ExpandPaths(const std::vector<std::string>& paths) {
  std::vector<WalkedPath> out;
  std::set<fs::path> visited;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      Walk(path, visited, out);
    } else {
      out.push_back({path, ""});
    }
  }
  return out;
}

}  // namespace pcl::pipeline
