// The migration report: what became of every v2 key, and v2 comments carried to the YAML.
#pragma once

#include <string>
#include <vector>

#include "migrate/context.h"
#include "migrate/migrate.h"
#include "migrate/out_node.h"

namespace pcl::migrate {

/// The sections the report covers, in file order: [aws], [global], [aliases], the selected
/// cluster, the sections its *_settings options name (and the [compute_resource] sections of
/// its queues), and [DEFAULT].
std::vector<std::string> ReportedSections(const Context& ctx);

/// Whether `key` is a ParallelCluster 2 setting of sections like `section` ("cluster default").
bool IsV2Setting(const std::string& section, const std::string& key);

/// Decides the fate of every key of the reported sections from the output tree (pointers of
/// the nodes each key produced) and the translators' explicit decisions. Reports keys that are
/// not ParallelCluster 2 settings (PCL2035).
std::vector<KeyFate> BuildLedger(Context& ctx, const OutNode& root);

/// Moves v2 comments onto the output nodes their keys became (own-line comments above the key,
/// inline comments at the end of its line). Comments of keys that went nowhere are returned as
/// lines for a block at the end of the YAML.
std::vector<std::string> CarryComments(const Context& ctx, const std::vector<KeyFate>& keys, OutNode& root);

}  // namespace pcl::migrate
