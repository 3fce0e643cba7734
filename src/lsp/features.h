// The request handlers behind hover, completion and code actions; each lives in its own file.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/analysis.h"
#include "lsp/document_store.h"

namespace pcl::lsp {

/// The command that writes a v2 document's migration beside it (workspace/executeCommand).
inline constexpr char kMigrateCommand[] = "pcluster-lint.migrate";

/// textDocument/hover: the schema's description of the key under the cursor and the `explain`
/// text of the rules whose findings cover it; null when there is nothing to say.
nlohmann::json Hover(const OpenDocument& document, const Analysis& analysis, LspPosition position);

/// textDocument/completion: keys valid in the mapping at the cursor and not yet written, or the
/// allowed values of the key whose value the cursor is in (v3 YAML only).
nlohmann::json Completion(const OpenDocument& document, const Analysis& analysis, LspPosition position);

/// textDocument/codeAction: did-you-mean replacements and "suppress with a reason" for the
/// findings in `range`, and for a v2 file the command that writes its migration.
nlohmann::json CodeActions(const OpenDocument& document, const Analysis& analysis, const nlohmann::json& range);

/// The replacements a finding's message proposes ("...; did you mean 'X'?", or "did you mean
/// 'X', 'Y' or 'Z'?"), in the message's order; empty when it proposes none.
std::vector<std::string> DidYouMean(const std::string& message);

/// workspace/executeCommand kMigrateCommand: migrates the open v2 document and writes the YAML
/// beside it (never over an existing file). Returns a message for the user; `ok` says whether
/// a file was written.
std::string WriteMigration(const OpenDocument& document, bool& ok, std::string& written_path);

}  // namespace pcl::lsp
