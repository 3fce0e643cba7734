// Inline suppressions: parsing directives, finding what they cover, reporting unused ones.
#include "pipeline/suppression.h"

#include <regex>

#include "engine/rule_meta.h"
#include "generated/ids/input.h"
#include "pipeline/selection.h"

namespace pcl::pipeline {
namespace {

model::Diagnostic Finding(const model::Document& document, const char* id, model::Position at, std::string message) {
  model::Diagnostic d;
  d.rule_id = id;
  d.file = document.path();
  d.range = {at, at};
  d.message = std::move(message);
  return d;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string item = text.substr(start, comma - start);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty()) out.push_back(item);
    start = comma + 1;
  }
  return out;
}

// The next line after `line` with content that is not a comment.
int NextContentLine(const model::SourceFile& source, int line) {
  for (int l = line + 1; l <= source.LineCount(); ++l) {
    std::string_view text = source.Line(l);
    size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos || text[first] == '#' || text[first] == ';') continue;
    return l;
  }
  return 0;
}

// The pointer of the shallowest node whose key (or, for list items, value) starts on `line`.
std::string PointerOnLine(const model::Node& root, int line) {
  std::string found;
  size_t best_depth = SIZE_MAX;
  model::WalkNodes(root, [&](const std::string& pointer, const model::Node& node, const model::MapEntry* entry) {
    int start = entry ? entry->key_range.begin.line : node.range.begin.line;
    if (pointer.empty() || start != line) return;
    size_t depth = static_cast<size_t>(std::count(pointer.begin(), pointer.end(), '/'));
    if (depth < best_depth) {
      best_depth = depth;
      found = pointer;
    }
  });
  return found;
}

bool Covers(const Suppression& s, const model::Diagnostic& d) {
  if (s.file_wide) return true;
  if (d.range.begin.line == s.target_line) return true;
  if (s.target_pointer.empty() || d.pointer.empty()) return false;
  return d.pointer == s.target_pointer || d.pointer.rfind(s.target_pointer + "/", 0) == 0;
}

}  // namespace

std::vector<Suppression> ReadSuppressions(const model::Document& document, std::vector<model::Diagnostic>& findings) {
  std::vector<Suppression> out;
  for (const model::Comment& comment : document.comments) {
    std::string body = comment.text;
    size_t mark = body.find("pcluster-lint");
    if (mark == std::string::npos || body.find_first_not_of("#; \t") != mark) continue;
    std::smatch m;
    // Compiled on the first directive, not per run: most files have none, and compiling costs more
    // than checking a small file.
    static const std::regex kDirective(
        R"(^[#;]+\s*pcluster-lint\s*:\s*(disable|disable-file)\s*=\s*([^\s].*?)\s*(?:--\s*(.*?))?\s*$)");
    if (!std::regex_match(body, m, kDirective)) {
      findings.push_back(Finding(document, ids::kInvalidSuppression, comment.position,
                                 "malformed directive; write '# pcluster-lint: disable=PCL1234 -- reason'"));
      continue;
    }
    Suppression s;
    s.position = comment.position;
    s.file_wide = m[1] == "disable-file";
    s.selectors = SplitList(m[2]);
    s.reason = m[3];
    bool ok = !s.selectors.empty();
    for (const auto& selector : s.selectors) {
      if (std::string unknown = UnknownSelector(selector, "suppression"); !unknown.empty()) {
        findings.push_back(Finding(document, ids::kInvalidSuppression, comment.position, unknown));
        ok = false;
      }
    }
    if (!ok) continue;
    if (s.reason.empty()) {
      findings.push_back(Finding(document, ids::kSuppressionWithoutReason, comment.position,
                                 "suppression without a reason; add '-- why this is fine'"));
    }
    if (!s.file_wide) {
      s.target_line =
          comment.own_line ? NextContentLine(*document.source, comment.position.line) : comment.position.line;
      s.target_pointer = PointerOnLine(document.root, s.target_line);
    }
    s.used.assign(s.selectors.size(), false);
    out.push_back(std::move(s));
  }
  return out;
}

void ApplySuppressions(const model::Document& document, std::vector<Suppression>& suppressions,
                       const Selection& selection, std::vector<model::Diagnostic>& findings) {
  const engine::RuleCatalog& catalog = engine::RuleCatalog::Embedded();
  for (model::Diagnostic& d : findings) {
    // Findings about suppressions themselves cannot be suppressed (no loops, no hiding).
    if (d.rule_id == ids::kSuppressionWithoutReason || d.rule_id == ids::kUnusedSuppression ||
        d.rule_id == ids::kInvalidSuppression)
      continue;
    const engine::RuleMeta* meta = catalog.FindById(d.rule_id);
    for (Suppression& s : suppressions) {
      if (!Covers(s, d)) continue;
      for (size_t i = 0; i < s.selectors.size(); ++i) {
        bool matches = meta ? SelectorScore(s.selectors[i], *meta) >= 0 : s.selectors[i] == d.rule_id;
        if (!matches) continue;
        s.used[i] = true;
        d.suppressed = true;
        d.suppression_reason = s.reason;
      }
    }
  }
  for (const Suppression& s : suppressions) {
    std::vector<std::string> unused;
    for (size_t i = 0; i < s.selectors.size(); ++i) {
      const engine::RuleMeta* meta = catalog.Find(s.selectors[i]);
      // A directive for a rule that did not run here is not "unused": it may matter elsewhere.
      if (!s.used[i] && (!meta || selection.EnabledFor(meta->id, document.path()))) {
        unused.push_back(s.selectors[i]);
      }
    }
    if (unused.empty()) continue;
    std::string list;
    for (const auto& u : unused) list += (list.empty() ? "" : ", ") + u;
    findings.push_back(
        Finding(document, ids::kUnusedSuppression, s.position, "unused suppression: nothing here triggers " + list));
  }
}

}  // namespace pcl::pipeline
