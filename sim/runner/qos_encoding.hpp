// Turns a scenario's QOS request into the bytes an application hands to WSAConnect or
// SIO_SET_QOS, and a scenario FLOWSPEC into a full one.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "gqos/layout.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::runner {

// The fields named, QOS_NOT_SPECIFIED elsewhere; an absent ServiceType means NOCHANGE.
gqos::FlowSpec to_flowspec(const scenario::FlowSpecFields& fields);

// A QOS with both FLOWSPECs (NOCHANGE where the request names none) and, when the request names a
// style or asks for confirmation, an RSVP_RESERVE_INFO in ProviderSpecific; with a destination, a
// QOS_DESTADDR pointing at its sockaddr_in inside the returned bytes (so they must not be copied,
// only moved, before use).
std::vector<std::byte> encode_request(
    const scenario::QosRequest& request,
    const std::optional<provider::Address>& destination = std::nullopt);

}  // namespace qosbed::runner
