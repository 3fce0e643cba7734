// Findings as LSP Diagnostic objects (range in UTF-16, severity, code = rule id, notes, tags).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "lsp/analysis.h"

namespace pcl::lsp {

/// An LSP Range for a model range in `text` (an unknown range is the file's first character).
nlohmann::json ToLspRange(const LineText& text, const model::Range& range);

/// One finding as an LSP Diagnostic. `uri` is the document's, for notes in the same file.
nlohmann::json ToLspDiagnostic(const model::Diagnostic& finding, const Analysis& analysis, const std::string& uri);

/// The textDocument/publishDiagnostics params for an analysis: its unsuppressed findings, or none
/// when the document is not a cluster config.
nlohmann::json PublishParams(const std::string& uri, const Analysis& analysis);

}  // namespace pcl::lsp
