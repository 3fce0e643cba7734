// The bundled schemas and release history, parsed once per process and shared by all threads.
#include "schema/schema_store.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "core/release.h"
#include "data/embedded.h"

namespace pcl::schema {
namespace {

std::string SchemaPath(const std::string& version) {
  return "schemas/cluster-config-" + version + ".schema.json";
}

// `packed`: the build's CBOR copy of the schema (loads several times faster than the JSON text).
std::unique_ptr<SchemaBundle> BuildBundle(const std::string& version, std::string_view text, bool packed) {
  auto bundle = std::make_unique<SchemaBundle>();
  bundle->version = version;
  bundle->document = packed ? nlohmann::json::from_cbor(text.begin(), text.end(), true, /*allow_exceptions=*/false)
                            : nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (bundle->document.is_discarded() || !bundle->document.is_object()) {
    bundle->document = nlohmann::json::object();
    bundle->load_error = "not a JSON object";
  }
  return bundle;
}

}  // namespace

const std::vector<std::string>& KnownVersions() {
  static const std::vector<std::string> kVersions = [] {
    std::vector<std::string> versions;
    const std::string prefix = "schemas/cluster-config-";
    const std::string suffix = ".schema.json";
    for (const auto& file : data::EmbeddedFiles()) {
      std::string_view path = file.path;
      if (path.size() > prefix.size() + suffix.size() && path.substr(0, prefix.size()) == prefix &&
          path.substr(path.size() - suffix.size()) == suffix) {
        versions.emplace_back(path.substr(prefix.size(), path.size() - prefix.size() - suffix.size()));
      }
    }
    std::sort(versions.begin(), versions.end(),
              [](const std::string& a, const std::string& b) { return core::CompareReleaseText(a, b) < 0; });
    return versions;
  }();
  return kVersions;
}

const SchemaBundle* FindSchema(const std::string& version) {
  // Built under the lock: the first file of a run pays once, every later lookup is a map find.
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<SchemaBundle>> bundles;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = bundles.find(version);
  if (it != bundles.end()) return it->second.get();
  if (!data::FindEmbedded(SchemaPath(version))) return nullptr;
  auto packed = data::FindEmbedded("generated/cluster-config-" + version + ".schema.cbor");
  auto text = packed ? packed : data::FindEmbedded(SchemaPath(version));
  auto [inserted, ok] = bundles.emplace(version, BuildBundle(version, *text, packed.has_value()));
  return inserted->second.get();
}

const nlohmann::json& VersionHistory() {
  static const nlohmann::json kHistory = [] {
    auto text = data::FindEmbedded("schemas/versions.json");
    nlohmann::json history = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
    if (history.is_discarded() || !history.is_object()) history = nlohmann::json::object();
    return history;
  }();
  return kHistory;
}

}  // namespace pcl::schema
