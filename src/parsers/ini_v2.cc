// v2 INI front end: configparser's reading, [DEFAULT] merging and BasicInterpolation into the
// model.
#include "parsers/ini_v2.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

#include "generated/ids/input.h"
#include "model/json_pointer.h"
#include "parsers/ini_v2_reader.h"
#include "parsers/ini_v2_text.h"

namespace pcl::parsers {
namespace {

using ini::RawIni;
using ini::RawOption;
using ini::RawSection;
using model::Diagnostic;
using model::Node;
using model::NodeKind;

constexpr int kMaxInterpolationDepth = 10;  // configparser.MAX_INTERPOLATION_DEPTH
constexpr size_t kExcerptLimit = 60;

enum class Failure { kNone, kSyntax, kMissing, kDepth, kLimit };

// Where `%(name)s` references are looked up: the section read, then [DEFAULT].
struct Scope {
  const RawSection* section = nullptr;
  const RawSection* defaults = nullptr;

  const RawOption* Find(const std::string& name) const {
    const RawOption* found = section ? section->Find(name) : nullptr;
    if (found == nullptr && defaults != nullptr) found = defaults->Find(name);
    return found;
  }
};

std::string Excerpt(std::string_view text) {
  if (text.size() <= kExcerptLimit) return std::string(text);
  size_t cut = kExcerptLimit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

// BasicInterpolation._interpolate_some, with a work budget: depth is capped at 10 like Python,
// but fan-out is not, so "%(a)s%(a)s..." chains could otherwise take exponential time.
class Interpolator {
 public:
  explicit Interpolator(size_t budget) : budget_(budget) {}

  /// Expands `value`; on failure `detail` says what went wrong (for the message).
  Failure Expand(std::string_view value, const Scope& scope, std::string& out, std::string& detail) {
    out.clear();
    return Some(value, scope, out, detail, 1);
  }

  /// Charges stored text that is not produced by Expand (inherited [DEFAULT] copies).
  bool Charge(size_t bytes) {
    if (bytes > budget_) return false;
    budget_ -= bytes;
    return true;
  }

 private:
  Failure Some(std::string_view rest, const Scope& scope, std::string& out, std::string& detail, int depth) {
    if (depth > kMaxInterpolationDepth) return Failure::kDepth;
    while (!rest.empty()) {
      const size_t percent = rest.find('%');
      if (!Charge(std::min(percent, rest.size()) + 1)) return Failure::kLimit;
      if (percent == std::string_view::npos) {
        out += rest;
        return Failure::kNone;
      }
      out += rest.substr(0, percent);
      rest.remove_prefix(percent);
      const char next = rest.size() > 1 ? rest[1] : '\0';
      if (next == '%') {
        out += '%';
        rest.remove_prefix(2);
      } else if (next == '(') {
        // _KEYCRE "%\(([^)]+)\)s": a non-empty name up to the first ')', then "s".
        const size_t close = rest.find(')', 2);
        if (close == std::string_view::npos || close == 2 || close + 1 >= rest.size() || rest[close + 1] != 's') {
          detail = "bad interpolation variable reference '" + Excerpt(rest) + "'";
          return Failure::kSyntax;
        }
        const std::string name = ini_text::Lower(rest.substr(2, close - 2));
        rest.remove_prefix(close + 2);
        const RawOption* target = scope.Find(name);
        if (target == nullptr) {
          detail = name;
          return Failure::kMissing;
        }
        if (target->value.find('%') != std::string::npos) {
          Failure failure = Some(target->value, scope, out, detail, depth + 1);
          if (failure != Failure::kNone) return failure;
        } else {
          if (!Charge(target->value.size())) return Failure::kLimit;
          out += target->value;
        }
      } else {
        detail = "'%' must be followed by '%' or '(', found: '" + Excerpt(rest) +
                 "' (write '%%' for a literal percent sign)";
        return Failure::kSyntax;
      }
    }
    return Failure::kNone;
  }

  size_t budget_;
};

class TreeBuilder {
 public:
  TreeBuilder(const model::SourceFile& source, const RawIni& raw, const ParseLimits& limits,
              std::vector<Diagnostic>& diagnostics)
      : source_(source),
        raw_(raw),
        limits_(limits),
        diagnostics_(diagnostics),
        budget_(limits.max_expanded_bytes),
        interpolator_(budget_) {}

  /// Fills `root`; false when a limit stopped it (the tree is then incomplete).
  bool Build(Node& root) {
    root.kind = NodeKind::kMapping;
    root.range = {source_.PositionOf(0), source_.PositionOf(source_.text().size())};
    const RawSection* defaults = raw_.defaults ? &raw_.sections[*raw_.defaults] : nullptr;
    for (const RawSection& section : raw_.sections) {
      model::MapEntry& entry = root.entries.emplace_back();
      entry.key = section.name;
      entry.key_range = Range(section.name_span);
      entry.value.kind = NodeKind::kMapping;
      entry.value.range = Range(section.header_span);
      if (!AddNode()) return false;
      const bool is_defaults = &section == defaults;
      // items(section): [DEFAULT]'s options first (an override keeps that place), then the
      // section's own. Reading [DEFAULT] itself sees only the defaults.
      const Scope scope{&section, is_defaults ? nullptr : defaults};
      if (scope.defaults != nullptr) {
        for (const RawOption& inherited : defaults->options) {
          const RawOption* own = section.Find(inherited.name);
          if (!AddOption(section, own ? *own : inherited, own == nullptr, scope, entry.value)) {
            return false;
          }
        }
      }
      for (const RawOption& option : section.options) {
        if (scope.defaults != nullptr && scope.defaults->Find(option.name) != nullptr) continue;
        if (!AddOption(section, option, false, scope, entry.value, is_defaults)) return false;
      }
    }
    return true;
  }

 private:
  bool AddOption(const RawSection& section, const RawOption& option, bool inherited, const Scope& scope, Node& mapping,
                 bool reading_defaults = false) {
    if (!AddNode()) return false;
    std::string text;
    std::string detail;
    Failure failure = Failure::kNone;
    if (option.value.find('%') == std::string::npos) {
      if (inherited && !interpolator_.Charge(option.value.size())) failure = Failure::kLimit;
      text = option.value;
    } else {
      failure = interpolator_.Expand(option.value, scope, text, detail);
    }
    if (failure == Failure::kLimit) {
      ReportLimit("expanding [DEFAULT] options and %(name)s references would make more than " +
                  std::to_string(budget_ >> 20) + " MiB of text");
      return false;
    }
    if (failure != Failure::kNone) {
      // Python raises only when the value is read; we keep the raw text and report once per
      // written value and problem. [DEFAULT] read on its own would miss references that
      // the sections supply, so only its syntax errors count there.
      text = option.value;
      if (!reading_defaults || failure == Failure::kSyntax) {
        ReportInterpolation(section, option, inherited, failure, detail);
      }
    }
    model::MapEntry& entry = mapping.entries.emplace_back();
    entry.key = option.name;
    entry.key_range = Range(option.key);
    entry.value = Node::String(std::move(text), Range(option.value_span));
    return true;
  }

  void ReportInterpolation(const RawSection& section, const RawOption& option, bool inherited, Failure failure,
                           const std::string& detail) {
    if (!reported_.emplace(option.value_span.begin, failure, detail).second) return;
    const std::string where =
        "option '" + option.name + "'" + (inherited ? " (from [DEFAULT]) read in [" : " of [") + section.name + "]";
    Diagnostic& d = diagnostics_.emplace_back();
    d.rule_id = ids::kInvalidInterpolation;
    d.file = source_.path();
    d.range = Range(option.value_span);
    d.pointer = model::AppendPointer(model::AppendPointer("", section.name), option.name);
    switch (failure) {
      case Failure::kSyntax: d.message = "invalid interpolation in " + where + ": " + detail; break;
      case Failure::kMissing:
        d.message = where + " refers to '%(" + detail + ")s', but neither [" + section.name +
                    "] nor [DEFAULT] has an option '" + detail + "'";
        break;
      default:
        d.message = "interpolation of " + where + " nests deeper than " + std::to_string(kMaxInterpolationDepth) +
                    " levels (do %(name)s references form a loop?)";
        break;
    }
  }

  bool AddNode() {
    if (++nodes_ <= limits_.max_nodes) return true;
    ReportLimit("the file has more than " + std::to_string(limits_.max_nodes) +
                " sections and options (each [DEFAULT] option counts once per section)");
    return false;
  }

  void ReportLimit(std::string message) {
    Diagnostic& d = diagnostics_.emplace_back();
    d.rule_id = ids::kInputLimitExceeded;
    d.file = source_.path();
    d.message = std::move(message);
  }

  model::Range Range(ini::Span span) const { return {source_.PositionOf(span.begin), source_.PositionOf(span.end)}; }

  const model::SourceFile& source_;
  const RawIni& raw_;
  const ParseLimits& limits_;
  std::vector<Diagnostic>& diagnostics_;
  // Bytes of value text the tree may hold: [DEFAULT] copies and expansions can multiply the
  // input, so they share one budget, the one YAML alias copies have.
  const size_t budget_;
  Interpolator interpolator_;
  size_t nodes_ = 0;
  std::set<std::tuple<size_t, Failure, std::string>> reported_;
};

}  // namespace

ParseResult ParseIniV2(model::SourcePtr source, const ParseLimits& limits) {
  ParseResult result;
  model::Document& document = result.document;
  document.source = source;
  document.format = model::Format::kIniV2;
  const RawIni raw = ini::ReadIni(*source, result.diagnostics, document.comments);
  const bool complete = TreeBuilder(*source, raw, limits, result.diagnostics).Build(document.root);
  // configparser raises on reading errors but interpolation errors wait until a value is read.
  document.ok = complete && !raw.fatal;
  return result;
}

}  // namespace pcl::parsers
