// The RSVP encoder: a Message as the bytes RFC 2205 section 3.1 puts on the wire (the RSVP
// message itself; ipv4.hpp puts it in an IP datagram).
#pragma once

#include <cstddef>
#include <vector>

#include "rsvp_wire/message.hpp"

namespace qosbed::rsvp_wire {

// The common header (version 1, the flags, the type, the checksum over the whole message, Send_TTL,
// the length) and the objects in the order of the message's grammar (RFC 2205 sections
// 3.1.3-3.1.9). Throws std::length_error when the message, or one object, would not fit its 16-bit
// length, and std::invalid_argument for a value the wire cannot carry: a policy element or opaque
// body whose length is not a multiple of 4 (RFC 2205 section 3.1.2, RFC 2750 section 3.2).
std::vector<std::byte> encode(const Message& message);

}  // namespace qosbed::rsvp_wire
