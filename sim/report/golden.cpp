#include "report/golden.hpp"

#include <algorithm>
#include <vector>

#include "report/json_fields.hpp"

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

// One step of the edit that turns the expected lines into the actual ones.
enum class Edit { keep, remove, insert };

// Past this many removed and inserted lines the diff stops looking for the shortest edit and
// pairs the rest line by line: a trace that differs that much is to be regenerated, not read.
constexpr std::ptrdiff_t max_edit = 1000;

// Myers' O((N+M)D) shortest edit script ("An O(ND) Difference Algorithm", 1986), on the lines
// between the common head and tail.
std::vector<Edit> shortest_edit(const std::vector<std::string_view>& a,
                                const std::vector<std::string_view>& b) {
  const auto n = static_cast<std::ptrdiff_t>(a.size());
  const auto m = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t limit = std::min(n + m, max_edit);
  std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * limit + 3), 0);
  const auto at = [&](std::ptrdiff_t k) -> std::ptrdiff_t& {
    return v[static_cast<std::size_t>(k + limit + 1)];
  };
  std::vector<std::vector<std::ptrdiff_t>> history;
  for (std::ptrdiff_t d = 0; d <= limit; ++d) {
    history.push_back(v);
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      std::ptrdiff_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      std::ptrdiff_t y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      at(k) = x;
      if (x < n || y < m) continue;
      // Walk back through the snapshots from (n, m) to (0, 0).
      std::vector<Edit> edits;
      for (std::ptrdiff_t e = d; e > 0; --e) {
        v = history[static_cast<std::size_t>(e)];
        const std::ptrdiff_t kk = x - y;
        const bool down = kk == -e || (kk != e && at(kk - 1) < at(kk + 1));
        const std::ptrdiff_t previous_x = down ? at(kk + 1) : at(kk - 1);
        const std::ptrdiff_t previous_y = previous_x - (down ? kk + 1 : kk - 1);
        for (; x > (down ? previous_x : previous_x + 1); --x, --y) edits.push_back(Edit::keep);
        edits.push_back(down ? Edit::insert : Edit::remove);
        x = previous_x;
        y = previous_y;
      }
      for (; x > 0; --x) edits.push_back(Edit::keep);
      std::reverse(edits.begin(), edits.end());
      return edits;
    }
  }
  // Too different: the lines paired by position.
  std::vector<Edit> edits;
  for (std::ptrdiff_t i = 0; i < std::min(n, m); ++i) {
    edits.push_back(Edit::remove);
    edits.push_back(Edit::insert);
  }
  for (std::ptrdiff_t i = m; i < n; ++i) edits.push_back(Edit::remove);
  for (std::ptrdiff_t i = n; i < m; ++i) edits.push_back(Edit::insert);
  return edits;
}

// What differs between two lines that stand in the same place, one text line per field.
std::string changed_line(std::size_t line, std::string_view want, std::string_view got) {
  const std::string where = "  line " + std::to_string(line) + ": ";
  const auto whole = [&] {
    return where + "expected " + std::string(want) + ", actual " + std::string(got) + "\n";
  };
  const auto want_fields = json_fields(want);
  const auto got_fields = json_fields(got);
  if (!want_fields || !got_fields) return whole();
  const auto find = [](const std::vector<JsonField>& fields, const std::string& path) {
    return std::find_if(fields.begin(), fields.end(),
                        [&](const JsonField& field) { return field.path == path; });
  };
  std::string text;
  const auto differs = [&](const std::string& path, std::string_view a, std::string_view b) {
    text += where + path + ": expected " + std::string(a) + ", actual " + std::string(b) + "\n";
  };
  for (const JsonField& field : *want_fields) {
    const auto other = find(*got_fields, field.path);
    if (other == got_fields->end()) {
      differs(field.path, field.value, "(absent)");
    } else if (other->value != field.value) {
      differs(field.path, field.value, other->value);
    }
  }
  for (const JsonField& field : *got_fields) {
    if (find(*want_fields, field.path) == want_fields->end())
      differs(field.path, "(absent)", field.value);
  }
  // The same fields, written differently (their order, spaces).
  return text.empty() ? whole() : text;
}

}  // namespace

std::optional<std::string> golden_difference(std::string_view expected, std::string_view actual,
                                             std::size_t shown) {
  if (expected == actual) return std::nullopt;
  const std::vector<std::string_view> want = lines_of(expected);
  const std::vector<std::string_view> got = lines_of(actual);
  // The common head and tail are kept out of the search for the shortest edit.
  std::size_t head = 0;
  while (head < want.size() && head < got.size() && want[head] == got[head]) ++head;
  std::size_t tail = 0;
  while (tail < want.size() - head && tail < got.size() - head &&
         want[want.size() - 1 - tail] == got[got.size() - 1 - tail])
    ++tail;
  const std::vector<std::string_view> want_middle(want.begin() + static_cast<std::ptrdiff_t>(head),
                                                  want.end() - static_cast<std::ptrdiff_t>(tail));
  const std::vector<std::string_view> got_middle(got.begin() + static_cast<std::ptrdiff_t>(head),
                                                 got.end() - static_cast<std::ptrdiff_t>(tail));
  const std::vector<Edit> edits = shortest_edit(want_middle, got_middle);

  std::string text;
  std::size_t differing = 0;
  const auto report = [&](std::string item) {
    if (++differing <= shown) text += item;
  };
  std::size_t i = head;  // the next expected line
  std::size_t j = head;  // the next actual line
  for (std::size_t e = 0; e < edits.size();) {
    if (edits[e] == Edit::keep) {
      ++i, ++j, ++e;
      continue;
    }
    // A run of removed and inserted lines: the k-th removed one changed into the k-th inserted
    // one; the rest are missing or extra.
    std::vector<std::size_t> removed;
    std::vector<std::size_t> inserted;
    for (; e < edits.size() && edits[e] != Edit::keep; ++e) {
      if (edits[e] == Edit::remove) {
        removed.push_back(i++);
      } else {
        inserted.push_back(j++);
      }
    }
    const std::size_t paired = std::min(removed.size(), inserted.size());
    for (std::size_t k = 0; k < paired; ++k) {
      report(changed_line(removed[k] + 1, want[removed[k]], got[inserted[k]]));
    }
    for (std::size_t k = paired; k < removed.size(); ++k) {
      report("  line " + std::to_string(removed[k] + 1) +
             ": missing from the actual trace: " + std::string(want[removed[k]]) + "\n");
    }
    for (std::size_t k = paired; k < inserted.size(); ++k) {
      // After the expected line before it, in the golden file's numbering.
      const std::size_t before = removed.empty() ? i : removed.back() + 1;
      report((before == 0 ? std::string("  before line 1")
                          : "  after line " + std::to_string(before)) +
             ": extra line in the actual trace: " + std::string(got[inserted[k]]) + "\n");
    }
  }
  // Only a final newline differs.
  if (differing == 0) text += "  the last line ends differently\n";
  if (differing > shown) {
    text += "  ... " + std::to_string(differing - shown) + " more differing lines\n";
  }
  return text;
}

}  // namespace qosbed::report
