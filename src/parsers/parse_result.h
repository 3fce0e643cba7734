// What every front end returns: a document (maybe partial) and its parse findings.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"

namespace pcl::parsers {

/// Limits that keep hostile input bounded in time and memory.
struct ParseLimits {
  size_t max_bytes = 16 * 1024 * 1024;
  int max_depth = 200;
  /// Most nodes the tree may hold after alias expansion (a "billion laughs" file stops here).
  /// ParallelCluster's own limits (50 queues of 50 compute resources, 50 tags, 20 storages) keep a
  /// valid config near 50,000 nodes at most; the largest real one we know has 9,391. Above this
  /// budget a file is not a cluster config, and reading it (one finding per key) would take seconds.
  size_t max_nodes = 100'000;
  /// Most bytes of text the tree may hold: the file plus every alias copy (or, in v2 INI, every
  /// [DEFAULT] and %(name)s expansion).
  size_t max_expanded_bytes = 32 * 1024 * 1024;
  /// Longest line, in bytes (a finding quotes its line; no config needs lines this long).
  size_t max_line_bytes = 1024 * 1024;
};

/// The document plus findings. `document.ok` is false when nothing usable was read.
struct ParseResult {
  model::Document document;
  std::vector<model::Diagnostic> diagnostics;
};

}  // namespace pcl::parsers
