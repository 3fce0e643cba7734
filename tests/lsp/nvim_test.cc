// End-to-end: Neovim (headless, a small Lua config) runs `pcluster-lint lsp` on a YAML fixture,
// gets its diagnostics and applies a code action. Skipped when nvim is not installed.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.h"

namespace pcl::testing {

TEST_CASE("lsp end to end with Neovim: diagnostics, then a code action fixes the buffer", "[lsp][nvim]") {
  if (std::system("command -v nvim >/dev/null 2>&1") != 0) {
    ReportSkipped("nvim not installed (.ci/install-deps installs it)");
    return;
  }
  namespace fs = std::filesystem;
  std::string pattern = (fs::temp_directory_path() / "pcl-nvim-XXXXXX").string();
  fs::path dir = mkdtemp(pattern.data());
  fs::create_directory(dir / ".git");
  fs::copy_file(SourceDir() + "/fixtures/lsp/typo.yaml", dir / "cluster.yaml");
  // Neovim's state, logs and caches stay in the temp dir.
  std::string env = "XDG_CONFIG_HOME=" + dir.string() + " XDG_DATA_HOME=" + dir.string() +
                    " XDG_STATE_HOME=" + dir.string() + " XDG_CACHE_HOME=" + dir.string() + " PCL_BINARY=" + PCL_BINARY;
  ShellResult run = RunShell("cd " + dir.string() + " && " + env + " timeout 120 nvim --headless -n -i NONE -u " +
                             SourceDir() + "/tests/lsp/nvim_e2e.lua cluster.yaml");
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("nvim e2e: ok") != std::string::npos);
  // The fix stayed in the buffer (never written): the file on disk is untouched.
  CHECK(ReadFile((dir / "cluster.yaml").string()) == ReadFile(SourceDir() + "/fixtures/lsp/typo.yaml"));
  fs::remove_all(dir);
}

}  // namespace pcl::testing
