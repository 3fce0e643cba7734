// Carries v2 comments to the YAML keys their settings became, so that notes and
// `# pcluster-lint: disable=...` directives survive the migration.
#include <iterator>
#include <map>
#include <set>

#include "migrate/ledger.h"

namespace pcl::migrate {
namespace {

// What a line of the v2 file holds: a section header (key "") or an option.
struct LineTarget {
  std::string section;
  std::string key;
};

std::map<int, LineTarget> IndexLines(const model::Document& doc) {
  std::map<int, LineTarget> lines;
  const model::Node* defaults = doc.root.Find("DEFAULT");
  for (const model::MapEntry& section : doc.root.entries) {
    if (section.value.kind != model::NodeKind::kMapping) continue;
    lines.emplace(section.key_range.begin.line, LineTarget{section.key, ""});
    for (const model::MapEntry& option : section.value.entries) {
      // Inherited [DEFAULT] options carry the [DEFAULT] positions; index them there only.
      if (section.key != "DEFAULT" && defaults) {
        const model::MapEntry* own = defaults->FindEntry(option.key);
        if (own && own->key_range == option.key_range) continue;
      }
      const int first = option.key_range.begin.line;
      const int last = std::max(first, option.value.range.end.line);
      for (int line = first; line <= last; ++line) {
        lines.emplace(line, LineTarget{section.key, option.key});
      }
    }
  }
  return lines;
}

std::string CommonPrefix(const std::string& a, const std::string& b) {
  size_t n = 0;
  size_t last_slash = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) {
    if (a[n] == '/') last_slash = n;
    ++n;
  }
  if (n == a.size() && (n == b.size() || b[n] == '/')) return a;
  if (n == b.size() && a[n] == '/') return b;
  return a.substr(0, last_slash);
}

// The option a commented-out v2 line sets ("#pre_install = s3://..." → pre_install), or "".
std::string CommentedOutKey(const std::string& text, const std::string& section) {
  size_t i = text.find_first_not_of("#;");
  if (i == std::string::npos) return "";
  i = text.find_first_not_of(" \t", i);
  if (i == std::string::npos) return "";
  size_t end = text.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_", i);
  if (end == std::string::npos || end == i) return "";
  size_t delimiter = text.find_first_not_of(" \t", end);
  if (delimiter == std::string::npos || (text[delimiter] != '=' && text[delimiter] != ':')) return "";
  // "# key = value" is a setting whatever the key (a prose comment rarely reads so); "# key: ..."
  // only when the key is a setting of the section ("# note: ..." is prose).
  std::string key = text.substr(i, end - i);
  return text[delimiter] == '=' || IsV2Setting(section, key) ? key : "";
}

std::string YamlComment(std::string text) {
  if (!text.empty() && text[0] == ';') text[0] = '#';
  return text;
}

}  // namespace

std::vector<std::string> CarryComments(const Context& ctx, const std::vector<KeyFate>& keys, OutNode& root) {
  const model::Document& doc = ctx.document();
  const std::map<int, LineTarget> lines = IndexLines(doc);
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> pointers;
  std::map<std::string, std::string> anchors;  // section → pointer of the node it became
  for (const KeyFate& fate : keys) {
    if (fate.pointers.empty()) continue;
    pointers[{fate.section, fate.key}] = fate.pointers;
    for (const std::string& pointer : fate.pointers) {
      auto [it, inserted] = anchors.emplace(fate.section, pointer);
      if (!inserted) it->second = CommonPrefix(it->second, pointer);
    }
  }
  std::map<std::string, size_t> order;  // pointer → position in the output
  WalkOut(root, [&](const std::string& pointer, const OutNode&) { order.emplace(pointer, order.size()); });
  for (auto& [section, anchor] : anchors) {
    if (!anchor.empty()) continue;
    // The section's settings went to several top-level keys (e.g. [cluster]): its comments go
    // above the first of them in the output.
    std::string first;
    for (const KeyFate& fate : keys) {
      if (fate.section != section) continue;
      for (const std::string& pointer : fate.pointers) {
        if (first.empty() || order[pointer] < order[first]) first = pointer;
      }
    }
    anchor = first.substr(0, first.find('/', 1));
  }

  // Comments of sections this cluster does not use (another [cluster], its storage) stay behind.
  const std::vector<std::string> reported = ReportedSections(ctx);
  const std::set<std::string> sections(reported.begin(), reported.end());
  std::vector<std::string> orphans;
  for (const model::Comment& comment : doc.comments) {
    const std::string text = YamlComment(comment.text);
    const LineTarget* target = nullptr;
    auto next = lines.upper_bound(comment.position.line);
    // The section a comment line is written in: that of the nearest line above it.
    const LineTarget* within = next == lines.begin() ? nullptr : &std::prev(next)->second;
    LineTarget commented_out;
    if (comment.own_line && within) {
      commented_out = {within->section, CommentedOutKey(comment.text, within->section)};
    }
    if (!commented_out.key.empty()) {
      // "#pre_install = ..." belongs to pre_install, not to the option on the next line: next to
      // pre_install's v3 key when the file also sets it, else in the block at the end.
      target = &commented_out;
    } else if (comment.own_line && next != lines.end()) {
      target = &next->second;
    } else if (comment.own_line) {
      // After the last line: an orphan if the last section is one this cluster uses.
      if (within && !sections.count(within->section)) continue;
    } else if (auto here = lines.find(comment.position.line); here != lines.end()) {
      target = &here->second;
    }
    if (target && !sections.count(target->section)) continue;
    std::vector<std::string> places;
    const bool header = target && target->key.empty();
    if (target && header) {
      if (auto it = anchors.find(target->section); it != anchors.end()) places.push_back(it->second);
    } else if (target) {
      if (auto it = pointers.find({target->section, target->key}); it != pointers.end()) places = it->second;
    }
    // A directive must reach every copy of the setting; a plain note is written once.
    if (text.find("pcluster-lint:") == std::string::npos && places.size() > 1) places.resize(1);
    bool placed = false;
    for (const std::string& place : places) {
      OutNode* node = place.empty() ? nullptr : FindOut(root, place);
      if (node == nullptr) continue;
      placed = true;
      if (comment.own_line || header) {
        node->comments_before.push_back(text);
      } else {
        node->comment_after += (node->comment_after.empty() ? "" : " ") + text;
      }
    }
    if (!placed) orphans.push_back(text);
  }
  if (!orphans.empty()) {
    orphans.insert(orphans.begin(), "# Comments of the v2 file whose settings were not converted:");
  }
  return orphans;
}

}  // namespace pcl::migrate
