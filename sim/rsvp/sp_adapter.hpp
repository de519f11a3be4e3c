// The FD_QOS indications an application sees for its host's RSVP state changes, as
// gqos::Indication values whose one FLOWSPEC lies in the direction docs/behaviour.md D10 gives
// the status (D20 for errors). HostSp (host_sp.hpp) hands them to the sockets of the session.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "gqos/indication.hpp"
#include "rsvp/observer.hpp"

namespace qosbed::rsvp {

// PATH at a receiver: WSA_QOS_SENDERS with the sender's Tspec and the path's RSVP_ADSPEC.
gqos::Indication senders_indication(const PathState& path);
// RESV at a sender: WSA_QOS_RECEIVERS with what is reserved (merged over the descriptors), or
// with what is reserved for one sender.
gqos::Indication receivers_indication(const std::vector<FlowDescriptor>& reserved);
gqos::Indication receivers_indication(const gqos::FlowSpec& reserved);
// What `reserved` (a session's reservation at a sender's host) holds for `sender`: a WF
// descriptor, or the FF or SE one naming it; none when no descriptor covers it.
std::optional<gqos::FlowSpec> reserved_for(const std::vector<FlowDescriptor>& reserved,
                                           const SenderId& sender);
// Teardown or timeout: WSA_QOS_NO_SENDERS / WSA_QOS_NO_RECEIVERS, SERVICETYPE_NOTRAFFIC.
gqos::Indication no_senders_indication();
gqos::Indication no_receivers_indication();
// ResvConf: WSA_QOS_REQUEST_CONFIRMED with what was reserved.
gqos::Indication confirmed_indication(const ResvConf& conf);
// ResvErr at a receiver, PathErr at a sender: the status and ExtendedStatus1/2 of the error's
// RFC 2205 Appendix B code (admission failure: ADMISSION_FAILURE [GQOS_NET_ADMISSION,
// GQOS_BANDWIDTH]; policy: POLICY_FAILURE [GQOS_NET_POLICY, GQOS_POLICY_ERROR_UNKNOWN];
// conflicting style: BAD_STYLE [GQOS_RSVP, GQOS_BAD_STYLE]; no path, no sender, conflicting
// dest ports: GENERIC_ERROR [GQOS_RSVP, GQOS_NO_PATH / GQOS_NO_SENDER / GQOS_BAD_DSTPORT]). The
// FLOWSPEC is the failed request in ReceivingFlowspec for a ResvErr, the sender's Tspec in
// SendingFlowspec for a PathErr (docs/behaviour.md D20).
gqos::Indication error_indication(const ResvErr& err);
gqos::Indication error_indication(const PathErr& err);

// A 64-bit digest (FNV-1a) of everything an application can read of an indication: its status,
// extended status, FLOWSPECs and objects. Two indications that differ differ in it but for a
// chance of one in 2^64: enough to tell a change from a repeat without keeping the indication.
std::uint64_t fingerprint(const gqos::Indication& indication);

}  // namespace qosbed::rsvp
