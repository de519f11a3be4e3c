#include "report/golden.hpp"

#include <algorithm>
#include <vector>

namespace qosbed::report {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace

std::optional<std::string> golden_difference(std::string_view expected, std::string_view actual,
                                             std::size_t shown) {
  if (expected == actual) return std::nullopt;
  const std::vector<std::string_view> want = lines_of(expected);
  const std::vector<std::string_view> got = lines_of(actual);
  std::string text;
  std::size_t differing = 0;
  for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
    const std::string_view end = "(end of file)";
    const std::string_view a = i < want.size() ? want[i] : end;
    const std::string_view b = i < got.size() ? got[i] : end;
    if (a == b) continue;
    if (++differing > shown) continue;
    text += "  line " + std::to_string(i + 1) + ":\n    expected: " + std::string(a) +
            "\n    actual:   " + std::string(b) + "\n";
  }
  // Only a final newline differs.
  if (differing == 0) text += "  the last line ends differently\n";
  if (differing > shown) {
    text += "  ... " + std::to_string(differing - shown) + " more differing lines\n";
  }
  return text;
}

}  // namespace qosbed::report
