// "Did you mean ...?": the closest known word to a misspelt one, by edit distance.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "gqos/names.hpp"

namespace qosbed::scenario {

// Levenshtein distance: insertions, deletions and substitutions of single characters.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word` (letter case ignored), when near enough to be a likely typo;
// the first one on a tie.
std::optional<std::string_view> closest(std::string_view word,
                                        std::span<const std::string_view> candidates);

// The SDK name of `group` nearest to `word`, comparing the way gqos::value_of reads names (any
// letter case, underscores ignored, the group's prefix optional).
std::optional<std::string_view> closest_name(gqos::NameGroup group, std::string_view word);

}  // namespace qosbed::scenario
