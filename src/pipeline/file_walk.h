// Expands the PATH arguments of `check`/`migrate` into the config files to read.
#pragma once

#include <string>
#include <vector>

namespace pcl::pipeline {

/// A file to read, or a path that could not be walked (error says why).
struct WalkedPath {
  std::string path;
  std::string error;
  bool from_directory = false;  ///< found by walking a directory (not named by the user)
};

/// Files given by name are always returned (even if missing: the loader reports that).
/// Directories are walked recursively for files that look like cluster configs: *.yaml/*.yml
/// with v3 top-level keys, and *.ini, *.cfg, *.toml or files named `config` with v2 section
/// headers. Sorted within each directory. Symlink loops are skipped; an unreadable folder comes
/// back with an error, an unreadable config-named file as a path for the loader to report.
std::vector<WalkedPath> ExpandPaths(const std::vector<std::string>& paths);

/// Whether text looks like a cluster config (used for files found in directories).
bool LooksLikeClusterConfig(const std::string& name, const std::string& head);

/// For a file named on the command line (pre-commit names every changed file its pattern
/// matches): whether its content shows it is something else. That is YAML with a top-level key
/// no cluster config has and none that only cluster configs have (a Kubernetes manifest, a
/// CloudFormation template, an image-builder config, a workflow), or an INI/TOML file with
/// sections but no v2 one (setup.cfg, tox.ini, pyproject.toml). Content that shows nothing
/// (empty, binary, unreadable, flow style) or only cluster keys (`Region:` and a syntax error) is
/// not "something else": the loader reports what is wrong with it.
bool IsOtherKindOfFile(const std::string& path);

}  // namespace pcl::pipeline
