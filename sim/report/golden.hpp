// Golden traces: a scenario's JSON Lines trace compared with the copy kept in the repository, so
// that any change in what the emulator does shows up as a readable difference in review.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace qosbed::report {

// nullopt when `actual` equals `expected`; otherwise the first `shown` differences, then how many
// more lines differ. Lines are matched as a diff tool matches them, so one inserted line is one
// difference, and named by their line in `expected` (the golden file):
//   "  line 12: t_us: expected 10000, actual 10001\n"   one line per differing field of a line
//   "  line 12: error: expected 997, actual (absent)\n" a field only one side has
//   "  line 12: missing from the actual trace: {...}\n"
//   "  after line 12: extra line in the actual trace: {...}\n"
// Lines that are not JSON objects differ as "  line 12: expected TEXT, actual TEXT\n".
std::optional<std::string> golden_difference(std::string_view expected, std::string_view actual,
                                             std::size_t shown = 3);

}  // namespace qosbed::report
