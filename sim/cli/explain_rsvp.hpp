// The network side of `qosbed explain`: each RSVP message of a network scenario told in plain
// words, with the section of RFC 2205 that specifies what it does, and the RFC 2205 section
// behind each state change a host's RSVP SP turns into an indication.
#pragma once

#include <cstdint>
#include <string>

#include "cli/explain.hpp"
#include "engine/trace.hpp"

namespace qosbed::cli {

// An RSVP message record.
Explanation explain_rsvp(const engine::RsvpRecord& record);

// "RFC 2205 section 3.1.3: ..." for the host state change behind an indication's status, or
// empty for a status the network does not produce.
std::string rfc_basis_of(std::uint32_t status);

}  // namespace qosbed::cli
