// The words of one command line given as one argument, `--program 'd=receiver 2 "a b"'`: split
// at blanks, with '...' and "..." keeping blanks in a word (taken as they are inside) and a
// backslash outside quotes taking the next character as it is; nothing is expanded.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qosbed::cli {

// Nullopt, with `error` saying why, for an unterminated quote or a trailing backslash.
std::optional<std::vector<std::string>> command_words(std::string_view text, std::string& error);

}  // namespace qosbed::cli
