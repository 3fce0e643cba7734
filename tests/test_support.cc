// Shared helpers for tests: paths to fixtures and the shared corpus, parse-from-string.
#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "parsers/ini_v2.h"
#include "parsers/toml_v2.h"
#include "parsers/yaml_v3.h"

namespace pcl::testing {

namespace fs = std::filesystem;

std::string SourceDir() {
  return PCL_SOURCE_DIR;
}

std::optional<std::string> CorpusDir() {
  fs::path corpus = fs::path(PCL_SOURCE_DIR) / ".." / "shared" / "corpus";
  std::error_code ec;
  if (!fs::is_directory(corpus, ec)) return std::nullopt;
  return fs::weakly_canonical(corpus).string();
}

void ReportSkipped(const std::string& why) {
  std::cout << "PCL_SKIPPED: " << why << std::endl;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> ListFiles(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const std::string path = entry.path().string();
    if (entry.is_regular_file() && path.size() >= suffix.size() &&
        path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0) {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

namespace {
model::SourcePtr Source(const std::string& name, const std::string& text) {
  return std::make_shared<model::SourceFile>(name, text);
}
}  // namespace

parsers::ParseResult ParseYaml(const std::string& text) {
  return parsers::ParseYamlV3(Source("test.yaml", text));
}
parsers::ParseResult ParseIni(const std::string& text) {
  return parsers::ParseIniV2(Source("test.ini", text));
}
parsers::ParseResult ParseToml(const std::string& text) {
  return parsers::ParseTomlV2(Source("test.toml", text));
}

std::string FormatFindings(const std::vector<model::Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    out += std::to_string(d.range.begin.line) + ":" + std::to_string(d.range.begin.column) + " " + d.rule_id + " " +
           d.message + "\n";
  }
  return out;
}

ShellResult RunShell(const std::string& command) {
  static std::atomic<int> counter{0};
  const std::filesystem::path err_file =
      std::filesystem::temp_directory_path() /
      ("pcl-shell-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".err");
  ShellResult result;
  FILE* pipe = ::popen(("{ " + command + "\n} 2>'" + err_file.string() + "'").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (std::filesystem::exists(err_file)) result.err = ReadFile(err_file.string());
  std::filesystem::remove(err_file);
  return result;
}

}  // namespace pcl::testing
