// The identifiers RSVP state is keyed by: nodes, addresses, sessions (destination, port,
// protocol), senders (FILTER_SPEC / SENDER_TEMPLATE), reservation styles and flow descriptors.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gqos/layout.hpp"
#include "rsvp/interned.hpp"

namespace qosbed::rsvp {

using NodeId = std::uint32_t;
using LinkId = std::uint32_t;
using Address = std::uint32_t;  // IPv4, host byte order

struct Session {
  Address destination = 0;  // a host's address (unicast) or a group joined by receivers
  std::uint16_t port = 0;
  std::uint8_t protocol = 17;  // UDP
  friend auto operator<=>(const Session&, const Session&) = default;
};

struct SenderId {
  Address address = 0;
  std::uint16_t port = 0;
  friend auto operator<=>(const SenderId&, const SenderId&) = default;
};

// Dotted IPv4 ("10.0.0.2"), a sender ("10.0.0.1:6000") and a session ("10.0.0.2:5000/17"), as
// traces and scenarios write them.
std::string address_text(Address address);
std::string to_string(const SenderId& sender);
std::string to_string(const Session& session);

// RFC 2205 section 1.3: wildcard filter, fixed filter, shared explicit.
enum class Style { wf, ff, se };
std::string_view name_of(Style style);

// A flowspec and the senders it applies to: none for WF, exactly one per descriptor for FF, the
// shared list for SE.
struct FlowDescriptor {
  gqos::FlowSpec flowspec{};
  std::vector<SenderId> filters;
  friend bool operator==(const FlowDescriptor&, const FlowDescriptor&) = default;
};

// The least upper bound of two flowspecs (RFC 2205 section 2.2 merging), field by field as the
// services define it (the rule of each field is beside the code, session.cpp). QOS_NOT_SPECIFIED
// in a rate or size is +infinity, as on the wire (wire_form.hpp); a service type outside the
// services' order never wins over one in it. Admission only looks at token_rate, the bytes per
// second a link must set aside.
gqos::FlowSpec lub(const gqos::FlowSpec& a, const gqos::FlowSpec& b);

// For the hashes of interned state (interned.hpp).
inline void add_to(WordHash& hash, const SenderId& sender) {
  hash.add((std::uint64_t{sender.address} << 16) | sender.port);
}
inline void add_to(WordHash& hash, const gqos::FlowSpec& flowspec) {
  hash.add((std::uint64_t{flowspec.token_rate} << 32) | flowspec.token_bucket_size)
      .add((std::uint64_t{flowspec.peak_bandwidth} << 32) | flowspec.latency)
      .add((std::uint64_t{flowspec.delay_variation} << 32) | flowspec.service_type)
      .add((std::uint64_t{flowspec.max_sdu_size} << 32) | flowspec.minimum_policed_size);
}
inline void add_to(WordHash& hash, const std::vector<SenderId>& filters) {
  for (const SenderId& sender : filters) add_to(hash, sender);
  hash.add(filters.size());
}
inline void add_to(WordHash& hash, const FlowDescriptor& descriptor) {
  add_to(hash, descriptor.flowspec);
  add_to(hash, descriptor.filters);
}
inline void add_to(WordHash& hash, const std::vector<FlowDescriptor>& descriptors) {
  for (const FlowDescriptor& descriptor : descriptors) add_to(hash, descriptor);
  hash.add(descriptors.size());
}

}  // namespace qosbed::rsvp
