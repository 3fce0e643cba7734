// The bundled JSON Schemas with their descriptions, walked by key path for hover and completion.
#include "lsp/schema_docs.h"

#include <map>
#include <memory>

#include "core/release.h"
#include "data/embedded.h"
#include "schema/messages.h"
#include "schema/schema_store.h"

namespace pcl::lsp {

using json = nlohmann::json;

const json* DocumentedSchema(const std::string& version) {
  static std::map<std::string, std::unique_ptr<json>> cache;
  auto it = cache.find(version);
  if (it != cache.end()) return it->second.get();
  auto text = data::FindEmbedded("schemas/cluster-config-" + version + ".schema.json");
  if (!text) return nullptr;
  auto parsed = std::make_unique<json>(json::parse(*text, nullptr, /*allow_exceptions=*/false));
  if (!parsed->is_object()) *parsed = json::object();
  return cache.emplace(version, std::move(parsed)).first->second.get();
}

const json* SchemaAt(const json& root, const std::vector<std::string>& path) {
  const json* at = &root;
  for (const std::string& token : path) {
    if (!at->is_object()) return nullptr;
    bool item = token == "*" || (!token.empty() && token.find_first_not_of("0123456789") == std::string::npos);
    if (item && at->contains("items")) {
      at = &(*at)["items"];
      continue;
    }
    auto properties = at->find("properties");
    if (properties == at->end() || !properties->is_object() || !properties->contains(token)) return nullptr;
    at = &(*properties)[token];
  }
  return at;
}

std::string TypeName(const json& schema) {
  if (!schema.is_object()) return "";
  const json type = schema.value("type", json());
  auto one = [&schema](const std::string& name) -> std::string {
    if (name == "object") return "mapping";
    if (name == "boolean") return "true or false";
    if (name == "array") {
      std::string items = schema.contains("items") ? TypeName(schema["items"]) : "";
      if (items == "mapping") return "list of mappings";
      return items.empty() ? "list" : "list of " + items + " values";
    }
    return name;
  };
  if (type.is_string()) return one(type.get<std::string>());
  if (type.is_array()) {
    std::string out;
    for (const json& name : type) {
      if (name.is_string()) out += (out.empty() ? "" : " or ") + one(name.get<std::string>());
    }
    return out;
  }
  return schema.contains("enum") ? "one of the listed values" : "";
}

std::string Wildcard(const std::vector<std::string>& path) {
  std::string out;
  for (const std::string& token : path) {
    bool item = token == "*" || (!token.empty() && token.find_first_not_of("0123456789") == std::string::npos);
    out += "/" + (item ? std::string("*") : token);
  }
  return out;
}

std::string ReleaseRange(const std::vector<std::string>& path) {
  const json* history = schema::KeyHistory(Wildcard(path));
  const auto& versions = schema::KnownVersions();
  if (!history || !history->is_object() || versions.empty()) return "";
  std::string added = history->value("added", "");
  std::string removed = history->value("removed", "");
  bool from_first = added.empty() || added == versions.front();
  if (from_first && removed.empty()) return "";
  if (removed.empty()) return "ParallelCluster " + added + " and later";
  // "removed" names the first release without the key.
  std::string last;
  for (const std::string& version : versions) {
    if (core::CompareReleaseText(version, removed) < 0) last = version;
  }
  return "ParallelCluster " + (added.empty() ? versions.front() : added) + " to " + last;
}

}  // namespace pcl::lsp
