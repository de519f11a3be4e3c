// Golden traces: a scenario's JSON Lines trace compared with the copy kept in the repository, so
// that any change in what the emulator does shows up as a readable difference in review.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace qosbed::report {

// nullopt when `actual` equals `expected`; otherwise the first differing lines, each as
//   "  line N:\n    expected: ...\n    actual:   ...\n"
// (a missing line reads "(end of file)"), at most `shown` of them, then how many more differ.
std::optional<std::string> golden_difference(std::string_view expected, std::string_view actual,
                                             std::size_t shown = 3);

}  // namespace qosbed::report
