// A linear-time matcher for the ECMAScript regex subset that schema and rule patterns use.
#include "core/regex.h"

#include <climits>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <shared_mutex>

namespace pcl::core {
namespace {

using ByteSet = std::bitset<256>;

// A pattern's parse tree; compiled to NFA instructions once parsed.
struct Ast {
  enum Kind { kSet, kBegin, kEnd, kConcat, kAlternation, kRepeat };
  explicit Ast(Kind k = kConcat, ByteSet s = {}) : kind(k), set(s) {}
  Kind kind;
  ByteSet set;
  std::vector<Ast> children;
  int min = 0, max = -1;  ///< kRepeat bounds; max -1 = unbounded
};

constexpr int kMaxRepeat = 1000;       // std::regex accepts more; bundled patterns use ≤ 64
constexpr size_t kMaxProgram = 20000;  // instructions; larger patterns go to std::regex
constexpr int kMaxDepth = 200;         // group nesting
constexpr size_t kMaxFallbackInput = 16 * 1024;

ByteSet Range(unsigned char lo, unsigned char hi) {
  ByteSet set;
  for (int c = lo; c <= hi; ++c) set.set(c);
  return set;
}

ByteSet Bytes(std::string_view bytes) {
  ByteSet set;
  for (unsigned char c : bytes) set.set(c);
  return set;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

// Recursive-descent parser (pattern → Ast) and code generator (Ast → Regex::program_).
class RegexCompiler {
 public:
  explicit RegexCompiler(std::string_view pattern) : pattern_(pattern) {}

  std::optional<Regex> Run() {
    Ast ast;
    if (!ParseAlternation(ast, 0) || pos_ != pattern_.size()) return std::nullopt;
    if (!Emit(ast)) return std::nullopt;
    out_.program_.push_back({Regex::Inst::kMatch});
    out_.anchored_ = Anchored(ast);
    return std::move(out_);
  }

 private:
  // Whether every match must start at the text's start (`^…`, or alternatives that all are).
  static bool Anchored(const Ast& ast) {
    if (ast.kind == Ast::kBegin) return true;
    if (ast.kind == Ast::kConcat) return !ast.children.empty() && Anchored(ast.children.front());
    if (ast.kind != Ast::kAlternation) return false;
    for (const Ast& child : ast.children) {
      if (!Anchored(child)) return false;
    }
    return true;
  }

  bool AtEnd() const { return pos_ >= pattern_.size(); }
  char Peek() const { return pattern_[pos_]; }

  bool ParseAlternation(Ast& out, int depth) {
    if (depth > kMaxDepth) return false;
    Ast first;
    if (!ParseConcat(first, depth)) return false;
    if (AtEnd() || Peek() != '|') {
      out = std::move(first);
      return true;
    }
    out = Ast{Ast::kAlternation};
    out.children.push_back(std::move(first));
    while (!AtEnd() && Peek() == '|') {
      ++pos_;
      Ast next;
      if (!ParseConcat(next, depth)) return false;
      out.children.push_back(std::move(next));
    }
    return true;
  }

  bool ParseConcat(Ast& out, int depth) {
    out = Ast{Ast::kConcat};
    while (!AtEnd() && Peek() != '|' && Peek() != ')') {
      Ast atom;
      if (!ParseAtom(atom, depth) || !ParseQuantifier(atom)) return false;
      out.children.push_back(std::move(atom));
    }
    return true;
  }

  // Reads a decimal number (at most kMaxRepeat); false if there is none or it is too large.
  bool ParseNumber(int& value) {
    size_t start = pos_;
    value = 0;
    while (!AtEnd() && IsDigit(Peek())) {
      value = value * 10 + (Peek() - '0');
      if (value > kMaxRepeat) return false;
      ++pos_;
    }
    return pos_ > start;
  }

  bool ParseQuantifier(Ast& atom) {
    if (AtEnd()) return true;
    int min = 0, max = -1;
    switch (Peek()) {
      case '*': ++pos_; break;
      case '+': min = 1, ++pos_; break;
      case '?': max = 1, ++pos_; break;
      case '{':
        ++pos_;
        if (!ParseNumber(min)) return false;
        max = min;
        if (!AtEnd() && Peek() == ',') {
          ++pos_;
          max = -1;
          if (!AtEnd() && IsDigit(Peek()) && (!ParseNumber(max) || max < min)) return false;
        }
        if (AtEnd() || Peek() != '}') return false;
        ++pos_;
        break;
      default: return true;
    }
    if (!AtEnd() && Peek() == '?') ++pos_;  // lazy: the same verdict for a search
    // A quantified assertion, or a quantifier right after another, is an error in std::regex.
    if (atom.kind == Ast::kBegin || atom.kind == Ast::kEnd) return false;
    if (!AtEnd() && (Peek() == '*' || Peek() == '+' || Peek() == '?' || Peek() == '{')) return false;
    Ast repeat{Ast::kRepeat};
    repeat.min = min;
    repeat.max = max;
    repeat.children.push_back(std::move(atom));
    atom = std::move(repeat);
    return true;
  }

  bool ParseAtom(Ast& out, int depth) {
    char c = pattern_[pos_++];
    switch (c) {
      case '(':
        if (!AtEnd() && Peek() == '?') {
          if (pattern_.substr(pos_, 2) != "?:") return false;  // lookaround
          pos_ += 2;
        }
        if (!ParseAlternation(out, depth + 1) || AtEnd() || Peek() != ')') return false;
        ++pos_;
        return true;
      case '[': return ParseClass(out);
      case '.': out = Ast{Ast::kSet, ~Bytes("\n\r")}; return true;
      case '^': out = Ast{Ast::kBegin}; return true;
      case '$': out = Ast{Ast::kEnd}; return true;
      case '\\': out = Ast{Ast::kSet}; return ParseEscape(out.set, /*in_class=*/false);
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
      case ')': return false;
      default: out = Ast{Ast::kSet, Bytes(std::string_view(&c, 1))}; return true;
    }
  }

  // After a backslash: one byte or a class escape into `set`.
  bool ParseEscape(ByteSet& set, bool in_class) {
    if (AtEnd()) return false;
    char c = pattern_[pos_++];
    static const ByteSet kDigit = Range('0', '9');
    static const ByteSet kWord = Range('0', '9') | Range('a', 'z') | Range('A', 'Z') | Bytes("_");
    static const ByteSet kSpace = Bytes(" \t\n\v\f\r");
    switch (c) {
      case 'd': set = kDigit; return true;
      case 'D': set = ~kDigit; return true;
      case 'w': set = kWord; return true;
      case 'W': set = ~kWord; return true;
      case 's': set = kSpace; return true;
      case 'S': set = ~kSpace; return true;
      case 'n': set.set('\n'); return true;
      case 'r': set.set('\r'); return true;
      case 't': set.set('\t'); return true;
      case 'f': set.set('\f'); return true;
      case 'v': set.set('\v'); return true;
      case 'b':  // backspace inside a class, a word boundary outside
        if (!in_class) return false;
        set.set('\b');
        return true;
      case '0':
        if (!AtEnd() && IsDigit(Peek())) return false;
        set.set(0);
        return true;
      case 'x': {
        if (pos_ + 2 > pattern_.size()) return false;
        int high = HexValue(pattern_[pos_]), low = HexValue(pattern_[pos_ + 1]);
        if (high < 0 || low < 0) return false;
        pos_ += 2;
        set.set(high * 16 + low);
        return true;
      }
      default:
        // Identity escapes are for punctuation only; letters and digits mean something else
        // (backreferences, \u, \c, \B …) that this engine leaves to std::regex.
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c)) return false;
        set.set(static_cast<unsigned char>(c));
        return true;
    }
  }

  bool ParseClass(Ast& out) {
    out = Ast{Ast::kSet};
    bool negated = !AtEnd() && Peek() == '^';
    if (negated) ++pos_;
    if (!AtEnd() && Peek() == ']') return false;  // "[]" / "[^]": engines disagree; leave them
    while (!AtEnd() && Peek() != ']') {
      ByteSet item;
      int low = -1;
      if (!ParseClassAtom(item, low)) return false;
      bool range = pos_ + 1 < pattern_.size() && Peek() == '-' && pattern_[pos_ + 1] != ']';
      if (!range) {
        out.set |= item;
        continue;
      }
      ++pos_;
      ByteSet ignored;
      int high = -1;
      if (!ParseClassAtom(ignored, high)) return false;
      // Class escapes cannot bound a range; high bytes compare as signed chars in std::regex.
      if (low < 0 || high < 0 || low > high || high > 0x7F) return false;
      out.set |= Range(static_cast<unsigned char>(low), static_cast<unsigned char>(high));
    }
    if (AtEnd()) return false;
    ++pos_;
    if (negated) out.set = ~out.set;
    return true;
  }

  // One class member; `single` is its byte when it is exactly one byte, else -1.
  bool ParseClassAtom(ByteSet& set, int& single) {
    if (AtEnd()) return false;
    char c = pattern_[pos_++];
    if (c == '[') return false;  // POSIX [:alpha:] forms are not ECMAScript
    if (c == '\\') {
      if (!ParseEscape(set, /*in_class=*/true)) return false;
    } else {
      set.set(static_cast<unsigned char>(c));
    }
    single = -1;
    if (set.count() == 1) {
      for (int b = 0; b < 256; ++b) {
        if (set.test(b)) single = b;
      }
    }
    return true;
  }

  using Inst = Regex::Inst;

  int Add(Inst inst) {
    out_.program_.push_back(inst);
    return static_cast<int>(out_.program_.size()) - 1;
  }
  int Here() const { return static_cast<int>(out_.program_.size()); }

  bool Emit(const Ast& ast) {
    if (out_.program_.size() > kMaxProgram) return false;
    switch (ast.kind) {
      case Ast::kSet:
        out_.sets_.push_back(ast.set);
        Add({Inst::kByte, static_cast<int>(out_.sets_.size()) - 1});
        return true;
      case Ast::kBegin: Add({Inst::kBegin}); return true;
      case Ast::kEnd: Add({Inst::kEnd}); return true;
      case Ast::kConcat:
        for (const Ast& child : ast.children) {
          if (!Emit(child)) return false;
        }
        return true;
      case Ast::kAlternation: {
        std::vector<int> jumps;
        for (size_t i = 0; i < ast.children.size(); ++i) {
          int split = i + 1 < ast.children.size() ? Add({Inst::kSplit}) : -1;
          if (split >= 0) out_.program_[split].a = Here();
          if (!Emit(ast.children[i])) return false;
          if (split >= 0) {
            jumps.push_back(Add({Inst::kJump}));
            out_.program_[split].b = Here();
          }
        }
        for (int jump : jumps) out_.program_[jump].a = Here();
        return true;
      }
      case Ast::kRepeat: return EmitRepeat(ast);
    }
    return false;
  }

  bool EmitRepeat(const Ast& ast) {
    const Ast& body = ast.children.front();
    for (int i = 0; i < ast.min; ++i) {
      if (!Emit(body)) return false;
    }
    if (ast.max < 0) {  // loop: split(body, out); body; jump split
      int split = Add({Inst::kSplit});
      out_.program_[split].a = Here();
      if (!Emit(body)) return false;
      Add({Inst::kJump, split});
      out_.program_[split].b = Here();
      return true;
    }
    std::vector<int> splits;  // each optional copy may be skipped to the end
    for (int i = ast.min; i < ast.max; ++i) {
      int split = Add({Inst::kSplit});
      out_.program_[split].a = Here();
      splits.push_back(split);
      if (!Emit(body)) return false;
    }
    for (int split : splits) out_.program_[split].b = Here();
    return true;
  }

  std::string_view pattern_;
  size_t pos_ = 0;
  Regex out_;
};

std::optional<Regex> Regex::Compile(std::string_view pattern) {
  return RegexCompiler(pattern).Run();
}

bool Regex::Search(std::string_view text) const {
  // Pike's simulation without captures: the set of live instructions per input position.
  // Working sets reused across calls on this thread: rules search every node of a file, and
  // allocating them per search cost more than the searching.
  thread_local std::vector<int> current, next, stack;
  thread_local std::vector<size_t> mark;  // position at which an instruction was last added
  current.clear();
  next.clear();
  mark.assign(program_.size(), SIZE_MAX);
  auto add = [&](int start, size_t pos, std::vector<int>& list) {
    stack.assign(1, start);
    while (!stack.empty()) {
      int pc = stack.back();
      stack.pop_back();
      if (mark[pc] == pos) continue;
      mark[pc] = pos;
      const Inst& inst = program_[pc];
      switch (inst.op) {
        case Inst::kByte: list.push_back(pc); break;
        case Inst::kMatch: return true;
        case Inst::kJump: stack.push_back(inst.a); break;
        case Inst::kSplit: stack.push_back(inst.b), stack.push_back(inst.a); break;
        case Inst::kBegin:
          if (pos == 0) stack.push_back(pc + 1);
          break;
        case Inst::kEnd:
          if (pos == text.size()) stack.push_back(pc + 1);
          break;
      }
    }
    return false;
  };
  for (size_t pos = 0;; ++pos) {
    // A match may start at every position; an anchored one only at the first.
    if ((pos == 0 || !anchored_) && add(0, pos, current)) return true;
    if (pos == text.size() || (anchored_ && current.empty())) return false;
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    next.clear();
    for (int pc : current) {
      if (sets_[program_[pc].a].test(byte) && add(pc + 1, pos + 1, next)) return true;
    }
    current.swap(next);
  }
}

namespace {

struct CompiledPattern {
  std::optional<Regex> fast;
  std::unique_ptr<std::regex> fallback;  ///< only for patterns outside the subset
};

CompiledPattern CompilePattern(std::string_view pattern) {
  CompiledPattern compiled{Regex::Compile(pattern), nullptr};
  if (compiled.fast) return compiled;
  try {
    compiled.fallback = std::make_unique<std::regex>(pattern.begin(), pattern.end(), std::regex::ECMAScript);
  } catch (const std::regex_error&) {
    // Neither engine accepts it: treated as matching (see the header).
  }
  return compiled;
}

}  // namespace

bool SearchPattern(std::string_view pattern, std::string_view text) {
  static std::shared_mutex mutex;
  static std::map<std::string, CompiledPattern, std::less<>> cache;
  const CompiledPattern* compiled = nullptr;
  {
    std::shared_lock<std::shared_mutex> lock(mutex);
    auto it = cache.find(pattern);
    if (it != cache.end()) compiled = &it->second;
  }
  if (!compiled) {
    CompiledPattern fresh = CompilePattern(pattern);
    std::unique_lock<std::shared_mutex> lock(mutex);
    compiled = &cache.emplace(std::string(pattern), std::move(fresh)).first->second;  // nodes never move
  }
  if (compiled->fast) return compiled->fast->Search(text);
  // std::regex recurses per character: a long text would overflow the stack. No bundled pattern
  // takes this path (tests/core/regex_test.cc), so this only guards rules added later.
  if (compiled->fallback && text.size() <= kMaxFallbackInput) {
    return std::regex_search(text.begin(), text.end(), *compiled->fallback);
  }
  return true;
}

}  // namespace pcl::core
