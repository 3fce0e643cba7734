// Build tool: turns the data the binary embeds into CBOR, which loads several times faster than
// text. `--rules OUT DOCS_OUT ROOT RULE.yaml...` packs the rule files (read with our own YAML
// front end) as {"rules/PCL0001.yaml": {...}, ...}: what every run needs goes to OUT, the
// documentation (rationale, remediation, references, examples) to DOCS_OUT, which only `explain`,
// `rules` and SARIF output load. `--json OUT IN.json` converts one JSON file.
// yaml-cpp scans ~1000 instructions per byte: reading 170 KB of rule YAML at every start-up
// cost more than checking a config.
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "model/node.h"
#include "parsers/yaml_v3.h"

namespace {

bool Read(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  if (!in) std::cerr << path << ": cannot read\n";
  return static_cast<bool>(in);
}

bool Write(const std::string& path, const nlohmann::json& value) {
  std::vector<std::uint8_t> bytes = nlohmann::json::to_cbor(value);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

int PackRules(const std::string& out, const std::string& docs_out, const std::string& root_dir,
              const std::vector<std::string>& inputs) {
  const std::string root = root_dir + "/";
  nlohmann::json packed = nlohmann::json::object();
  nlohmann::json docs = nlohmann::json::object();
  for (const std::string& path : inputs) {
    std::string text;
    if (!Read(path, text)) return 1;
    std::string relative = path.rfind(root, 0) == 0 ? path.substr(root.size()) : path;
    auto parsed = pcl::parsers::ParseYamlV3(std::make_shared<pcl::model::SourceFile>(relative, text));
    if (!parsed.document.ok || !parsed.diagnostics.empty()) {
      for (const auto& d : parsed.diagnostics) {
        std::cerr << path << ":" << d.range.begin.line << ":" << d.range.begin.column << ": " << d.message << "\n";
      }
      if (parsed.diagnostics.empty()) std::cerr << path << ": not valid YAML\n";
      return 1;
    }
    nlohmann::json fields = pcl::model::ToJson(parsed.document.root);
    nlohmann::json& doc = docs[relative] = nlohmann::json::object();
    for (const char* key : {"rationale", "remediation", "references", "examples"}) {
      if (fields.is_object() && fields.contains(key)) {
        doc[key] = std::move(fields[key]);
        fields.erase(key);
      }
    }
    packed[relative] = std::move(fields);
  }
  return Write(out, packed) && Write(docs_out, docs) ? 0 : 1;
}

int PackJson(const std::string& out, const std::string& input) {
  std::string text;
  if (!Read(input, text)) return 1;
  nlohmann::json value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    std::cerr << input << ": not valid JSON\n";
    return 1;
  }
  return Write(out, value) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() >= 4 && args[0] == "--rules") {
    return PackRules(args[1], args[2], args[3], std::vector<std::string>(args.begin() + 4, args.end()));
  }
  if (args.size() == 3 && args[0] == "--json") return PackJson(args[1], args[2]);
  std::cerr << "usage: pcl_data_pack --rules OUT DOCS_OUT ROOT RULE.yaml... | --json OUT IN.json\n";
  return 2;
}
