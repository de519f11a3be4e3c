// RSVP messages as IPv4 datagrams (IP protocol 46, RFC 2205 section 3): a 20-byte header with its
// checksum, plus the Router Alert option (RFC 2113) on the messages every RSVP router along the
// data path must intercept; and the reverse, which checks the header before handing back the
// RSVP message it carries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "rsvp_wire/message.hpp"

namespace qosbed::rsvp_wire {

inline constexpr std::uint8_t ip_protocol_rsvp = 46;

struct IpHeader {
  Ipv4 source = 0;
  Ipv4 destination = 0;
  std::uint8_t ttl = 64;
  std::uint16_t identification = 0;
  bool router_alert = false;
  friend bool operator==(const IpHeader&, const IpHeader&) = default;
};

// RFC 2205 section 3.11.5 (RSVP/Packet I/O Interface): "RSVP must be able to cause Path,
// PathTear, and ResvConf message to be sent with the Router Alert IP option", the three that
// are addressed past the RSVP nodes that must see them. Resv, ResvTear, PathErr and ResvErr go
// hop by hop to a neighbour's own address and carry none.
bool carries_router_alert(MessageType type);

// The datagram: header (with the option when asked, header checksum filled in) then `payload`.
// Throws std::length_error past IPv4's 65535 bytes.
std::vector<std::byte> frame(const IpHeader& header, std::span<const std::byte> payload);

// A message as sent from `source` to `destination`: encoded (encode.hpp), with the IP TTL set
// to its Send_TTL (section 3.1.1) and Router Alert as carries_router_alert says.
std::vector<std::byte> frame(const Message& message, Ipv4 source, Ipv4 destination,
                             std::uint16_t identification = 0);

enum class UnframeError : std::uint8_t {
  none,
  truncated,         // fewer bytes than a 20-byte header, or than its IHL says
  not_ipv4,          // version is not 4
  bad_total_length,  // Total Length is not the number of bytes given
  bad_checksum,      // the header checksum does not verify
  fragment,          // more fragments follow, or this is not the first
  not_rsvp,          // protocol is not 46
  bad_option,        // an option runs past the header or has a length under 2
};
std::string_view describe(UnframeError error);

struct UnframeResult {
  UnframeError error = UnframeError::none;
  std::size_t offset = 0;  // the byte of the datagram where the problem is
  IpHeader header;
  std::span<const std::byte> payload;  // the RSVP message, inside the bytes given

  bool ok() const { return error == UnframeError::none; }
};

UnframeResult unframe(std::span<const std::byte> datagram);

}  // namespace qosbed::rsvp_wire
