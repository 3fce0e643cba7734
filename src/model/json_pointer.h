// RFC 6901 JSON pointer escaping and splitting.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pcl::model {

/// Escapes one reference token: '~' → "~0", '/' → "~1".
std::string EscapePointerToken(std::string_view token);
/// Appends "/token" (escaped) to `pointer`.
std::string AppendPointer(std::string_view pointer, std::string_view token);
std::string AppendPointer(std::string_view pointer, size_t index);
/// Splits a pointer into unescaped tokens; nullopt if it is not a valid pointer.
std::optional<std::vector<std::string>> SplitPointer(std::string_view pointer);
/// Whether SplitPointer would accept `pointer` (a check without building the tokens).
bool IsValidPointer(std::string_view pointer);

}  // namespace pcl::model
