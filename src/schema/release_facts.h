// The release facts table (schemas/release-facts.json): releases, OS lifecycles and DCV support, as rules read them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/release.h"

namespace pcl::schema {

/// One Image/Os value: the releases that accept it and its distribution's end of life.
struct OsFacts {
  std::string added;        ///< first release that accepts it ("3.13")
  std::string removed;      ///< first release that no longer accepts it; "" = still accepted
  std::string end_of_life;  ///< YYYY-MM-DD
  std::string source;       ///< read from the JSON only; the compiled-in table leaves it empty
};

/// Where DCV runs for one architecture from `since` on (until the next run).
struct DcvRun {
  core::Release since;
  std::vector<std::string> not_on;   ///< OSes refused
  std::vector<std::string> only_on;  ///< when not empty: the only OSes accepted
};

class ReleaseFacts {
 public:
  /// The table compiled into the binary, read once. A broken table is a build defect: it aborts
  /// (exit 3) with the reason, and the release-facts tests catch it first.
  static const ReleaseFacts& Embedded();
  /// Reads a table from its JSON text; `error` says what is wrong when the result is nullopt. The
  /// embedded table is the same file compiled into C++ without its `source` texts (they are for
  /// readers and tests).
  static std::optional<ReleaseFacts> FromJson(std::string_view text, std::string& error);

  /// The releases, oldest first ("3.0" … "3.16").
  const std::vector<std::string>& releases() const { return releases_; }
  const std::map<std::string, OsFacts>& os() const { return os_; }
  const OsFacts* FindOs(std::string_view os) const;
  /// Whether `release` accepts Image/Os `os` (false for an OS the table does not know).
  bool OsAccepted(std::string_view os, const core::Release& release) const;
  /// Whether `os` is a known Image/Os value that `release` does not accept (not yet, or no longer):
  /// the schema check reports it with the choices, so OS advice rules stay quiet about it.
  bool OsRefused(std::string_view os, const core::Release& release) const {
    return FindOs(os) && !OsAccepted(os, release);
  }
  /// Whether DCV runs on `os` with `arch` ("x86_64" or "arm64") in `release`; nullopt when the table
  /// has no fact for that architecture and release (then nothing is reported).
  std::optional<bool> DcvSupported(std::string_view os, std::string_view arch, const core::Release& release) const;
  /// The OSes `release` accepts on which DCV runs with `arch`, in name order (for messages).
  std::vector<std::string> DcvOses(std::string_view arch, const core::Release& release) const;

 private:
  struct RawDcvRun {
    std::string since;
    std::vector<std::string> not_on, only_on;
  };
  struct Raw;
  static std::optional<ReleaseFacts> Build(Raw raw, std::string& error);
  const DcvRun* DcvRunFor(std::string_view arch, const core::Release& release) const;

  std::vector<std::string> releases_;
  std::map<std::string, OsFacts> os_;
  std::map<std::string, std::vector<DcvRun>, std::less<>> dcv_;
};

}  // namespace pcl::schema
