// The RSVP SP's FLOWSPEC rules: which service types it signals in each direction, the
// SENDER_TSPEC a sending FLOWSPEC gives (W32:tspec-flowspec-and-adspec) and the FLOWSPEC a
// receiver's RESV carries (D26), completed from the senders' Tspecs.
#pragma once

#include <cstdint>
#include <optional>

#include "gqos/indication.hpp"
#include "gqos/layout.hpp"
#include "rsvp/host_sp_options.hpp"

namespace qosbed::rsvp {

// MaxSduSize (M) and MinimumPolicedSize (m) of a SENDER_TSPEC when the application leaves them
// QOS_NOT_SPECIFIED (W32:tspec-flowspec-and-adspec).
inline constexpr std::uint32_t default_max_sdu_size = 1500;
inline constexpr std::uint32_t default_minimum_policed_size = 128;

// The service type without SERVICE_NO_QOS_SIGNALING and SERVICE_NO_TRAFFIC_CONTROL.
std::uint32_t base_service(std::uint32_t service_type);

// Whether a FLOWSPEC asks RSVP for a service in `direction` (flags aside): Controlled Load,
// Guaranteed and Qualitative both ways, General Information only sending (in a receiving
// FLOWSPEC the SP refuses it, W32:servicetype-general-information). BESTEFFORT, NOTRAFFIC and
// the rest ask for none: "RSVP SP provides QOS reservations ... other than BESTEFFORT or
// NOTRAFFIC" (W32:invoking-rsvp).
bool asks_for_service(std::uint32_t service_type, gqos::Direction direction);

// Whether SERVICE_NO_QOS_SIGNALING suppresses RSVP in that direction (SDK:qos/ns-qos-flowspec).
bool signalling_suppressed(std::uint32_t service_type);

// The SENDER_TSPEC of a sending FLOWSPEC (W32:tspec-flowspec-and-adspec; RFC 2210 section 3.1): r =
// TokenRate, b = TokenBucketSize, p = PeakBandwidth, m = MinimumPolicedSize, M = MaxSduSize;
// unspecified m and M are 128 and 1500, unspecified b and p as the options say (D21, D22). Latency
// and DelayVariation are not in a Tspec (QOS_NOT_SPECIFIED); the service type is the sender's,
// flags stripped, which receivers see in WSA_QOS_SENDERS.
gqos::FlowSpec sender_tspec(const gqos::FlowSpec& sending, const HostSpOptions& options);

// The FLOWSPEC a receiver's RESV carries for the senders whose Tspec (merged, for WF and SE) is
// `tspec`, none while no PATH is known (W32:tspec-flowspec-and-adspec; docs/behaviour.md D26):
// - Controlled Load and Qualitative: the receiving FLOWSPEC, each field left QOS_NOT_SPECIFIED
//   taken from the Tspec.
// - Guaranteed: the Tspec's b, p, m and M; R = TokenRate (the Tspec's r when unspecified), held
//   in token_rate, the rate a link sets aside (RFC 2212); S = DelayVariation (0 when
//   unspecified), held in delay_variation.
// The service type is the receiver's, flags stripped; Latency is not signalled.
gqos::FlowSpec reservation_flowspec(const gqos::FlowSpec& receiving,
                                    const std::optional<gqos::FlowSpec>& tspec);

}  // namespace qosbed::rsvp
