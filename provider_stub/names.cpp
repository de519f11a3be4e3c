// Names of the emulator's enums, as scenarios spell them and traces print them.
#include <array>
#include <utility>

#include "provider_stub/emulator_options.hpp"
#include "provider_stub/observer.hpp"

namespace qosbed::provider_stub {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> find(const std::array<std::pair<Enum, std::string_view>, N>& table,
                         std::string_view name) {
  for (const auto& [value, text] : table) {
    if (text == name) return value;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view find(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [entry, text] : table) {
    if (entry == value) return text;
  }
  return "?";
}

constexpr std::array<std::pair<Profile, std::string_view>, 4> profiles{{
    {Profile::windows_2000, "windows-2000"},
    {Profile::windows_xp, "windows-xp"},
    {Profile::windows_2003, "windows-2003"},
    {Profile::no_qos_provider, "no-qos-provider"},
}};

constexpr std::array<std::pair<PendingPolicy, std::string_view>, 3> policies{{
    {PendingPolicy::queue, "queue"},
    {PendingPolicy::coalesce, "coalesce"},
    {PendingPolicy::drop, "drop"},
}};

constexpr std::array<std::pair<IndicationOutcome, std::string_view>, 7> indication_outcomes{{
    {IndicationOutcome::completed, "completed"},
    {IndicationOutcome::enobufs, "enobufs"},
    {IndicationOutcome::queued, "queued"},
    {IndicationOutcome::coalesced, "coalesced"},
    {IndicationOutcome::dropped, "dropped"},
    {IndicationOutcome::suppressed, "suppressed"},
    {IndicationOutcome::unconfirmed, "unconfirmed"},
}};

}  // namespace

std::optional<Profile> profile_from_name(std::string_view name) {
  return find(profiles, name);
}
std::string_view name_of(Profile profile) {
  return find(profiles, profile);
}
std::optional<PendingPolicy> pending_policy_from_name(std::string_view name) {
  return find(policies, name);
}
std::string_view name_of(PendingPolicy policy) {
  return find(policies, policy);
}
std::string_view name_of(IndicationOutcome outcome) {
  return find(indication_outcomes, outcome);
}

}  // namespace qosbed::provider_stub
