// A message's objects as Wireshark's RSVP dissector sums each up on its line of the packet tree
// ("SESSION: IPv4, Destination 10.0.0.2, Protocol 17, Port 5000.", its trailing space left
// out), in the order they are on the wire: what `qosbed report` shows of a network scenario's
// messages, so a reader finds in the report what Wireshark would show for the same packet. SCOPE,
// POLICY and classes Wireshark sums up in more detail than the model needs are named by their class
// alone.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "rsvp_wire/message.hpp"

namespace qosbed::rsvp_wire {

// One line per object of encode(message).
std::vector<std::string> object_summaries(const Message& message);

// The same from a message's bytes; stops at the first object that does not fit its message.
std::vector<std::string> object_summaries(std::span<const std::byte> encoded);

}  // namespace qosbed::rsvp_wire
