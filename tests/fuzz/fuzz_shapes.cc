// libFuzzer target: large structured inputs that reach the input budgets (deep nesting, many keys,
// big aliased scalars, long lines, [DEFAULT] fan-out), built from a short recipe, through `check`.
// The byte fuzzers stay under -max_len; this one makes files up to just past the 16 MiB limit.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_support.h"
#include "pipeline/registry.h"
#include "pipeline/runner.h"

namespace {

constexpr size_t kMaxText = 17u << 20;  // just past the 16 MiB file limit

using pcl::fuzz::AllRules;

// Appends `piece` `times` times, never past kMaxText.
void Repeat(std::string& text, const std::string& piece, size_t times) {
  for (size_t i = 0; i < times && text.size() + piece.size() <= kMaxText; ++i) text += piece;
}

// Each recipe byte pair is (shape, scale); scale grows the shape geometrically (1 .. ~2^20).
std::string Build(const uint8_t* data, size_t size, const char*& name) {
  static const char* const kNames[] = {"fuzz.yaml", "fuzz.ini", "fuzz.toml"};
  name = kNames[size > 0 ? data[0] % 3 : 0];
  std::string text;
  for (size_t i = 1; i + 1 < size && text.size() < kMaxText; i += 2) {
    const size_t scale = size_t{1} << (data[i + 1] % 21);
    const std::string n = std::to_string(i);
    switch (data[i] % 12) {
      case 0: Repeat(text, "[", scale); break;
      case 1: Repeat(text, "{a: ", scale); break;
      case 2:
        for (size_t level = 0; level < scale && text.size() < kMaxText; ++level) {
          Repeat(text, " ", level);
          text += "k:\n";
        }
        break;
      case 3: Repeat(text, "- ", scale); break;
      case 4:
        for (size_t k = 0; k < scale && text.size() < kMaxText; ++k)
          text += "k" + n + "_" + std::to_string(k) + ": v\n";
        break;
      case 5:
        text += "a" + n + ": &a" + n + " ";
        Repeat(text, "x", scale * 16);
        text += "\n";
        break;
      case 6:
        text += "b" + n + ": [";
        Repeat(text, "*a" + std::to_string(i - 2) + ", ", scale);
        text += "]\n";
        break;
      case 7:
        text += "l" + n + ": ";
        Repeat(text, "y", scale * 16);
        text += "\n";
        break;
      case 8:
        text += "Tags:\n";
        for (size_t k = 0; k < scale && text.size() < kMaxText; ++k)
          text += "  - Key: t" + std::to_string(k % 97) + "\n    Value: v\n";
        break;
      case 9:
        text += "[DEFAULT]\nd" + n + " = %(e" + n + ")s%(e" + n + ")s\ne" + n + " = ";
        Repeat(text, "z", scale);
        text += "\n";
        break;
      case 10:
        for (size_t k = 0; k < scale && text.size() < kMaxText; ++k) text += "[s" + n + "_" + std::to_string(k) + "]\n";
        break;
      default: text.append(reinterpret_cast<const char*>(data + i), 2); break;
    }
  }
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const char* name = nullptr;
  std::string text = Build(data, size, name);
  pcl::pipeline::CheckOptions options;
  options.rules = &AllRules();
  pcl::pipeline::CheckText(name, std::move(text), options);
  return 0;
}
