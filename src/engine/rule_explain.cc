// The `explain` page of a rule as text: shared by `pcluster-lint explain` and the language server.
#include "engine/rule_explain.h"

#include <sstream>

#include "core/instance_types.h"

namespace pcl::engine {
namespace {

std::string Indent(const std::string& text, const std::string& prefix) {
  std::string out;
  std::stringstream stream(text);
  std::string line;
  while (std::getline(stream, line)) out += prefix + line + "\n";
  return out;
}

}  // namespace

std::string ExplainText(const RuleMeta& meta) {
  std::ostringstream out;
  out << meta.id << " " << meta.name << " (" << model::SeverityName(meta.severity) << ")\n\n";
  out << meta.summary << "\n";
  if (!meta.rationale.empty()) out << "\nWhy:\n" << Indent(meta.rationale, "  ");
  if (!meta.remediation.empty()) out << "\nHow to fix:\n" << Indent(meta.remediation, "  ");
  if (!meta.validator.empty()) out << "\nMirrors the official ParallelCluster validator: " << meta.validator << "\n";
  if (!meta.at.empty() || meta.since || meta.until) {
    out << "\nApplies to: ";
    for (size_t i = 0; i < meta.at.size(); ++i) out << (i ? ", " : "") << meta.at[i];
    if (meta.at.empty()) out << "the whole config";
    if (meta.since && meta.until) {
      out << ", for ParallelCluster " << meta.since->ToString() << " up to (not including) " << meta.until->ToString();
    } else if (meta.since) {
      out << ", for ParallelCluster " << meta.since->ToString() << " and later";
    } else if (meta.until) {
      out << ", for ParallelCluster releases before " << meta.until->ToString();
    }
    out << "\n";
  }
  for (const std::string& table : meta.facts) {
    if (table == "instance-types") {
      out << "\nInstance-type facts: the EC2 table of " << core::InstanceTableDate() << " compiled into pcluster-lint ("
          << core::InstanceTableSource() << ")\n";
    }
  }
  if (!meta.option_specs.empty()) {
    out << "\nOptions (set in .pcluster-lint.yaml under options: " << meta.id << "):\n";
    for (const auto& [name, spec] : meta.option_specs) {
      out << "  " << name << " (" << DescribeOptionType(spec) << ", default " << spec.default_value.dump() << ")\n"
          << Indent(spec.description, "      ");
    }
  }
  for (const auto& bad : meta.bad_examples) out << "\nExample that triggers it:\n" << Indent(bad, "  | ");
  for (const auto& good : meta.good_examples) out << "\nExample that does not:\n" << Indent(good, "  | ");
  if (!meta.references.empty()) {
    out << "\nReferences:\n";
    for (const auto& ref : meta.references) out << "  " << ref << "\n";
  }
  out << "\nSilence it for one key: # pcluster-lint: disable=" << meta.id << " -- reason\n";
  return out.str();
}

}  // namespace pcl::engine
