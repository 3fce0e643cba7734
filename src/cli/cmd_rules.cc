// `pcluster-lint rules` (the catalogue) and `pcluster-lint explain ID|NAME` (one rule's docs).
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "engine/rule_explain.h"
#include "engine/rule_meta.h"
#include "pipeline/selection.h"

namespace pcl::cli {

int RunRules(const std::string& format) {
  const auto& rules = engine::RuleCatalog::EmbeddedWithDocs().rules();
  if (format == "markdown") {
    // The README's rule table is this output (tests/readme_test keeps them equal).
    std::cout << "| id | name | severity | summary |\n|---|---|---|---|\n";
    for (const auto& [id, meta] : rules) {
      std::string summary = meta.summary;
      for (size_t at = summary.find('|'); at != std::string::npos; at = summary.find('|', at + 2)) {
        summary.replace(at, 1, "\\|");
      }
      std::cout << "| " << id << " | " << meta.name << " | " << model::SeverityName(meta.severity) << " | " << summary
                << " |\n";
    }
    return kExitClean;
  }
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& [id, meta] : rules) {
      nlohmann::ordered_json options = nlohmann::ordered_json::object();
      for (const auto& [name, spec] : meta.option_specs) {
        options[name] = {{"type", spec.type}, {"default", spec.default_value}, {"description", spec.description}};
        if (spec.minimum) options[name]["minimum"] = *spec.minimum;
        if (spec.maximum) options[name]["maximum"] = *spec.maximum;
        if (!spec.allowed.empty()) options[name]["enum"] = spec.allowed;
      }
      list.push_back({{"id", id},
                      {"name", meta.name},
                      {"severity", model::SeverityName(meta.severity)},
                      {"summary", meta.summary},
                      {"implementation", ids::kImplementationNames[static_cast<int>(meta.implementation)]},
                      {"stage", ids::kStageNames[static_cast<int>(meta.stage)]},
                      {"validator", meta.validator},
                      {"options", options}});
    }
    std::cout << list.dump(2) << "\n";
    return kExitClean;
  }
  for (const auto& [id, meta] : rules) {
    std::string severity(model::SeverityName(meta.severity));
    std::cout << id << "  " << meta.name << std::string(meta.name.size() < 40 ? 40 - meta.name.size() : 1, ' ')
              << severity << std::string(9 - severity.size(), ' ') << meta.summary << "\n";
  }
  return kExitClean;
}

int RunExplain(const std::string& which) {
  const engine::RuleMeta* meta = engine::RuleCatalog::EmbeddedWithDocs().Find(which);
  if (!meta) {
    std::string hint = pipeline::DidYouMean(which);
    std::cerr << "pcluster-lint: no rule '" << which << "'" << (hint.empty() ? "" : "; " + hint)
              << " (see `pcluster-lint rules`)\n";
    return kExitUsage;
  }
  std::cout << engine::ExplainText(*meta);
  return kExitClean;
}

}  // namespace pcl::cli
