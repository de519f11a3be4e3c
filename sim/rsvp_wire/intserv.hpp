// The Integrated Services bodies of SENDER_TSPEC, FLOWSPEC and ADSPEC (C-Type 2, RFC 2210
// section 3): the codec's own helpers, shared by encode.cpp and decode.cpp. Every body starts with
// a message header (version 0, length in 32-bit words after it) and holds service fragments, each
// a header (service number, break bit, length in words) and parameters (id, flags, length).
#pragma once

#include <cstddef>
#include <optional>
#include <span>

#include "rsvp_wire/bytes.hpp"
#include "rsvp_wire/objects.hpp"

namespace qosbed::rsvp_wire::intserv {

void write_tspec(Writer& out, const Tspec& tspec);
void write_flowspec(Writer& out, const FlowSpec& flowspec);
void write_adspec(Writer& out, const Adspec& adspec);

// Each reads one whole object body. On failure: nullopt, and `error_at` is the offset in the
// body of the field that is wrong.
std::optional<Tspec> read_tspec(std::span<const std::byte> body, std::size_t& error_at);
std::optional<FlowSpec> read_flowspec(std::span<const std::byte> body, std::size_t& error_at);
std::optional<Adspec> read_adspec(std::span<const std::byte> body, std::size_t& error_at);

}  // namespace qosbed::rsvp_wire::intserv
