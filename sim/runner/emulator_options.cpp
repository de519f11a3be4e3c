#include "runner/emulator_options.hpp"

namespace qosbed::runner {
namespace {

provider_stub::Profile profile_of(scenario::Profile profile) {
  switch (profile) {
    case scenario::Profile::windows_xp:
      return provider_stub::Profile::windows_xp;
    case scenario::Profile::windows_2003:
      return provider_stub::Profile::windows_2003;
    case scenario::Profile::no_qos_provider:
      return provider_stub::Profile::no_qos_provider;
    case scenario::Profile::windows_2000:
      break;
  }
  return provider_stub::Profile::windows_2000;
}

provider_stub::PendingPolicy policy_of(scenario::PendingPolicy policy) {
  switch (policy) {
    case scenario::PendingPolicy::coalesce:
      return provider_stub::PendingPolicy::coalesce;
    case scenario::PendingPolicy::drop:
      return provider_stub::PendingPolicy::drop;
    case scenario::PendingPolicy::queue:
      break;
  }
  return provider_stub::PendingPolicy::queue;
}

template <typename T>
void choose(T& decision, const std::optional<T>& chosen) {
  if (chosen) decision = *chosen;
}

}  // namespace

provider_stub::EmulatorOptions emulator_options(const scenario::SpOptions& sp) {
  provider_stub::EmulatorOptions options;
  options.profile = profile_of(sp.profile);
  options.pending_policy = policy_of(sp.pending);
  options.admission_limit = sp.admission_limit;
  provider_stub::Decisions& decisions = options.decisions;
  choose(decisions.sender_not_connected, sp.decisions.sender_not_connected);
  choose(decisions.receiver_not_bound, sp.decisions.receiver_not_bound);
  choose(decisions.short_buffer, sp.decisions.short_buffer);
  choose(decisions.enobufs_keeps_indication, sp.decisions.enobufs_keeps_indication);
  choose(decisions.nothing_queued, sp.decisions.nothing_queued);
  choose(decisions.unused_flowspec_fields, sp.decisions.unused_flowspec_fields);
  choose(decisions.invalid_flowspec, sp.decisions.invalid_flowspec);
  choose(decisions.no_qos_provider_query, sp.decisions.no_qos_provider_query);
  return options;
}

}  // namespace qosbed::runner
