// A linear-time matcher for the ECMAScript regex subset that schema and rule patterns use.
#pragma once

#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pcl::core {

/// Why not std::regex: compiling one bracket expression costs 256 locale collation calls, so the
/// ~40 bundled patterns took longer to compile than the whole check took to run. This engine
/// compiles in microseconds and answers `regex_search` (is there a match anywhere?) with a
/// Thompson NFA, so no pattern can backtrack exponentially.
///
/// Supported (byte-wise, like std::regex over char in the "C" locale): literals, `.`, `^`, `$`,
/// groups `(…)` and `(?:…)`, `|`, `*` `+` `?` `{n}` `{n,}` `{n,m}` (lazy forms too), classes
/// `[…]` / `[^…]` with ranges, and the escapes \d \D \w \W \s \S \n \r \t \f \v \0 \xHH and
/// escaped punctuation. Anything else (backreferences, lookaround, \b, \u…) is not compiled:
/// `Compile` returns nothing and the caller falls back to std::regex.
class Regex {
 public:
  static std::optional<Regex> Compile(std::string_view pattern);

  /// Whether the pattern matches somewhere in `text` (std::regex_search semantics).
  bool Search(std::string_view text) const;

  struct Inst {
    enum Op : unsigned char { kByte, kSplit, kJump, kBegin, kEnd, kMatch } op;
    int a = 0;  ///< kByte: index into sets_; kSplit/kJump: first target
    int b = 0;  ///< kSplit: second target
  };

 private:
  friend class RegexCompiler;
  std::vector<Inst> program_;
  std::vector<std::bitset<256>> sets_;
  bool anchored_ = false;  ///< every match starts at position 0: stop once no thread is alive
};

/// Whether `pattern` matches somewhere in `text`: the pattern is compiled once per process
/// (thread-safe), with this engine when it can and std::regex otherwise. A pattern neither
/// accepts counts as matched, as an invalid schema pattern always has; so does a text over 16 KB
/// for a pattern only std::regex takes (its recursion would overflow the stack).
bool SearchPattern(std::string_view pattern, std::string_view text);

}  // namespace pcl::core
