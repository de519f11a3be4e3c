#include "scenario/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace qosbed::scenario {
namespace {

// How many edits still look like a typo rather than another word: one for short words, about a
// third of the letters for longer ones.
std::size_t typo_limit(std::size_t length) {
  return std::max<std::size_t>(1, length / 3);
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The same folding gqos::value_of applies: upper case, underscores dropped.
std::string fold(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != '_') out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string_view> closest(std::string_view word,
                                        std::span<const std::string_view> candidates) {
  const std::string wanted = lower(word);
  std::optional<std::string_view> best;
  std::size_t best_distance = typo_limit(wanted.size()) + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(wanted, lower(candidate));
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::optional<std::string_view> closest_name(gqos::NameGroup group, std::string_view word) {
  const std::string wanted = fold(word);
  std::optional<std::string_view> best;
  std::size_t best_distance = typo_limit(wanted.size()) + 1;
  for (const gqos::NamedValue& entry : gqos::names_of(group)) {
    // Compare with the full name and with every shorter form after an underscore, so both
    // "WSA_QOS_SENDRS" and "sendrs" find WSA_QOS_SENDERS.
    std::size_t distance = edit_distance(wanted, fold(entry.name));
    for (std::size_t at = entry.name.find('_'); at != std::string_view::npos;
         at = entry.name.find('_', at + 1)) {
      distance = std::min(distance, edit_distance(wanted, fold(entry.name.substr(at + 1))));
    }
    if (distance < best_distance) {
      best = entry.name;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace qosbed::scenario
