#include "scenario/sp_options.hpp"

#include <algorithm>

namespace qosbed::scenario {
namespace {

constexpr Spelling<Profile> profiles[] = {
    {Profile::windows_2000, "windows-2000"},
    {Profile::windows_xp, "windows-xp"},
    {Profile::windows_2003, "windows-2003"},
    {Profile::no_qos_provider, "no-qos-provider"},
};

constexpr Spelling<PendingPolicy> policies[] = {
    {PendingPolicy::queue, "queue"},
    {PendingPolicy::coalesce, "coalesce"},
    {PendingPolicy::drop, "drop"},
};

template <typename T>
std::string_view spelling_of(std::span<const Spelling<T>> spellings, T value) {
  const auto found = std::find_if(spellings.begin(), spellings.end(),
                                  [value](const Spelling<T>& s) { return s.value == value; });
  return found == spellings.end() ? "?" : found->name;
}

}  // namespace

std::span<const Spelling<Profile>> profile_spellings() {
  return profiles;
}
std::span<const Spelling<PendingPolicy>> pending_spellings() {
  return policies;
}
std::string_view name_of(Profile profile) {
  return spelling_of(profile_spellings(), profile);
}
std::string_view name_of(PendingPolicy policy) {
  return spelling_of(pending_spellings(), policy);
}

}  // namespace qosbed::scenario
