// `pcluster-lint lsp`: the language server on stdin/stdout (see docs/editors.md).
#include "cli/commands.h"
#include "lsp/server.h"

namespace pcl::cli {

void AddLspCommand(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "lsp", "Run the language server (LSP 3.17 over stdin/stdout) for editors: live findings, hover, completion, fixes.");
  cmd->callback([&exit_code] { exit_code = lsp::RunStdio(); });
}

}  // namespace pcl::cli
