// What a run chooses about the emulated SP: the OS profile, what happens to indications nobody
// asked for yet (R9), the decisions docs/behaviour.md leaves open, and admission (R10).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "gqos/constants.hpp"

namespace qosbed::provider_stub {

enum class Profile { windows_2000, windows_xp, windows_2003, no_qos_provider };

// What happens to an indication that arrives while no SIO_GET_QOS is pending (R9).
enum class PendingPolicy { queue, coalesce, drop };

std::optional<Profile> profile_from_name(std::string_view name);  // "windows-2000", ...
std::string_view name_of(Profile profile);
std::optional<PendingPolicy> pending_policy_from_name(std::string_view name);  // "queue", ...
std::string_view name_of(PendingPolicy policy);

// The behaviours Windows' documentation leaves for qosbed to decide (the DECISIONs of
// docs/behaviour.md). A scenario may choose otherwise, to test an application against a provider
// that decided differently.
struct Decisions {
  std::uint32_t sender_not_connected = gqos::wsa::enotconn;  // R3 D2: SIO_GET_QOS too early
  std::uint32_t receiver_not_bound = gqos::wsa::einval;      // R3 D2
  std::uint32_t short_buffer = gqos::wsa::efault;            // R5 D7: a buffer under 4 bytes
  bool enobufs_keeps_indication = true;                      // R5 D5: the reissue receives it
  std::uint32_t nothing_queued = gqos::wsa::ewouldblock;     // R7 D8: synchronous, nothing queued
  std::uint32_t unused_flowspec_fields = gqos::qos_not_specified;  // R2 D9: the other FLOWSPEC
  std::uint32_t invalid_flowspec = gqos::wsa::einval;  // R10 D17, D34: a FLOWSPEC the SP refuses
  // SIO_GET_QOS under no-qos-provider: documented (WSAENOPROTOOPT), yet Wine answers WSAEOPNOTSUPP.
  std::uint32_t no_qos_provider_query = gqos::wsa::enoprotoopt;
};

struct EmulatorOptions {
  Profile profile = Profile::windows_2000;
  PendingPolicy pending_policy = PendingPolicy::queue;  // R9 D12
  Decisions decisions;
  // SIO_SET_QOS / WSAConnect fail with WSAEOPNOTSUPP when a requested TokenRate exceeds this
  // (bytes/s): the flowspec "cannot be met" (R10). No limit when unset.
  std::optional<std::uint32_t> admission_limit;
};

}  // namespace qosbed::provider_stub
