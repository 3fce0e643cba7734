// Whether the migrator's YAML reads back as the tree it was written from (the emitter's property
// test and the migrate fuzzer share this check).
#pragma once

#include <cmath>
#include <memory>
#include <string>

#include "migrate/out_node.h"
#include "model/json_pointer.h"
#include "model/node.h"
#include "parsers/yaml_v3.h"

namespace pcl::roundtrip {

/// The first place where `read` (the front end's tree of the written YAML) differs from `written`,
/// as "pointer: what differs", or "" when they are the same data.
inline std::string Difference(const migrate::OutNode& written, const model::Node& read,
                              const std::string& pointer = "") {
  using Kind = migrate::OutNode::Kind;
  using model::NodeKind;
  const std::string where = (pointer.empty() ? "/" : pointer) + ": ";
  auto kind_is = [&](NodeKind want) {
    return read.kind == want;
  };
  switch (written.kind) {
    case Kind::kNull: return kind_is(NodeKind::kNull) ? "" : where + "null read as '" + read.text + "'";
    case Kind::kBool:
      return kind_is(NodeKind::kBool) && read.bool_value == written.boolean
                 ? ""
                 : where + "bool read as '" + read.text + "'";
    case Kind::kInt:
      return kind_is(NodeKind::kInt) && read.int_value == written.integer ? ""
                                                                          : where + "int read as '" + read.text + "'";
    case Kind::kFloat: {
      const bool same = kind_is(NodeKind::kFloat) && (read.float_value == written.real ||
                                                      (std::isnan(read.float_value) && std::isnan(written.real)));
      return same ? "" : where + "float read as '" + read.text + "'";
    }
    case Kind::kString:
      if (!kind_is(NodeKind::kString)) {
        return where + "string '" + written.str + "' read as " + std::string(model::NodeKindName(read.kind));
      }
      return read.text == written.str ? "" : where + "string '" + written.str + "' read as '" + read.text + "'";
    case Kind::kSeq:
      if (!kind_is(NodeKind::kSequence) || read.items.size() != written.items.size()) {
        return where + "sequence read as a different shape";
      }
      for (size_t i = 0; i < written.items.size(); ++i) {
        std::string diff = Difference(written.items[i], read.items[i], model::AppendPointer(pointer, i));
        if (!diff.empty()) return diff;
      }
      return "";
    case Kind::kMap:
      if (!kind_is(NodeKind::kMapping) || read.entries.size() != written.entries.size()) {
        return where + "mapping read as a different shape";
      }
      for (size_t i = 0; i < written.entries.size(); ++i) {
        if (read.entries[i].key != written.entries[i].first) {
          return where + "key '" + written.entries[i].first + "' read as '" + read.entries[i].key + "'";
        }
        std::string diff = Difference(written.entries[i].second, read.entries[i].value,
                                      model::AppendPointer(pointer, written.entries[i].first));
        if (!diff.empty()) return diff;
      }
      return "";
  }
  return where + "unknown kind";
}

/// Reads `yaml` with the project's YAML front end and compares it with `written`; a parse finding
/// is a difference too.
inline std::string ReadBackDifference(const migrate::OutNode& written, const std::string& yaml) {
  auto parsed = parsers::ParseYamlV3(std::make_shared<model::SourceFile>("emitted.yaml", yaml));
  if (!parsed.diagnostics.empty()) return "finding reading it back: " + parsed.diagnostics.front().message;
  return Difference(written, parsed.document.root);
}

}  // namespace pcl::roundtrip
