// Input format detection: content first (section headers, TOML values, YAML mappings), extension as a hint.
#include "parsers/detect.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace pcl::parsers {
namespace {

using model::Format;

bool EndsWith(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.rbegin(), suffix.rend(), text.rbegin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// A TOML value starts with a quote, a bracket, a brace, a digit, a sign or a boolean;
// an INI value is bare text.
bool LooksLikeTomlValue(std::string_view value) {
  if (value.empty()) return false;
  char c = value.front();
  if (c == '"' || c == '\'' || c == '[' || c == '{' || c == '+' || c == '-' ||
      std::isdigit(static_cast<unsigned char>(c))) {
    return true;
  }
  return value == "true" || value == "false";
}

// Scans significant lines and votes; `options` counts option lines under a [header].
Format Sniff(std::string_view text, int& options) {
  int ini_votes = 0;
  int toml_votes = 0;
  bool saw_header = false;
  bool saw_yaml_key = false;
  size_t lines = 0;
  size_t pos = 0;
  while (pos < text.size() && lines < 400) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++lines;
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line == "---") continue;
    if (line.front() == '[' && line.back() == ']') {
      saw_header = true;
      std::string_view name = Trim(line.substr(1, line.size() - 2));
      bool quoted = !name.empty() && (name.front() == '"' || name.front() == '\'' || name.front() == '[');
      if (quoted) {
        ++toml_votes;
      } else if (name.find(' ') != std::string_view::npos) {
        ++ini_votes;  // "[cluster default]" is INI; a bare TOML table name has no space
      } else if (name.find('.') != std::string_view::npos) {
        ++toml_votes;
      }
      continue;
    }
    size_t eq = line.find('=');
    size_t colon = line.find(':');
    if (saw_header && eq != std::string_view::npos && (colon == std::string_view::npos || eq < colon)) {
      (LooksLikeTomlValue(Trim(line.substr(eq + 1))) ? toml_votes : ini_votes) += 1;
      ++options;
      continue;
    }
    if (!saw_header && colon != std::string_view::npos && line.front() != '-' &&
        (colon + 1 == line.size() || line[colon + 1] == ' ')) {
      saw_yaml_key = true;
      break;
    }
    if (saw_header && colon != std::string_view::npos) {
      ++ini_votes;  // "key: value" in INI
      ++options;
    }
  }
  if (saw_yaml_key) return Format::kYamlV3;
  if (!saw_header) return Format::kUnknown;
  return toml_votes > ini_votes ? Format::kTomlV2 : Format::kIniV2;
}

}  // namespace

Format DetectFormat(std::string_view path, std::string_view text) {
  int options = 0;
  Format sniffed = Sniff(text, options);
  if (EndsWith(path, ".toml")) return sniffed == Format::kYamlV3 ? sniffed : Format::kTomlV2;
  if (EndsWith(path, ".ini") || EndsWith(path, ".cfg")) {
    return sniffed == Format::kYamlV3 ? sniffed : Format::kIniV2;
  }
  if (EndsWith(path, ".yaml") || EndsWith(path, ".yml")) {
    // A v2 file saved as .yaml is still v2: section headers with options win over the extension.
    // A header alone ("[a, b]") is a YAML flow sequence, as PyYAML reads it.
    const bool v2 = sniffed == Format::kIniV2 || sniffed == Format::kTomlV2;
    return v2 && options > 0 ? sniffed : Format::kYamlV3;
  }
  return sniffed;
}

Format ParseFormatName(std::string_view name) {
  if (name == "yaml") return Format::kYamlV3;
  if (name == "ini") return Format::kIniV2;
  if (name == "toml") return Format::kTomlV2;
  return Format::kUnknown;
}

}  // namespace pcl::parsers
