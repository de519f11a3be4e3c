#include "rsvp_wire/ipv4.hpp"

#include <limits>
#include <stdexcept>

#include "rsvp_wire/bytes.hpp"
#include "rsvp_wire/encode.hpp"

namespace qosbed::rsvp_wire {

namespace {

constexpr std::size_t base_header = 20;
// RFC 2113: type 148 (copied, class 0, number 20), length 4, value 0 "router shall examine".
constexpr std::uint8_t router_alert_type = 148;
constexpr std::uint8_t option_end = 0;
constexpr std::uint8_t option_nop = 1;

UnframeResult failure(UnframeError error, std::size_t offset) {
  UnframeResult result;
  result.error = error;
  result.offset = offset;
  return result;
}

}  // namespace

bool carries_router_alert(MessageType type) {
  return type == MessageType::path || type == MessageType::path_tear ||
         type == MessageType::resv_conf;
}

std::vector<std::byte> frame(const IpHeader& header, std::span<const std::byte> payload) {
  const std::size_t header_size = base_header + (header.router_alert ? 4 : 0);
  if (payload.size() > std::numeric_limits<std::uint16_t>::max() - header_size) {
    throw std::length_error("IPv4 datagram longer than 65535 bytes");
  }
  std::vector<std::byte> bytes;
  bytes.reserve(header_size + payload.size());
  Writer out(bytes);
  // RFC 791 section 3.1: version 4 and IHL in words, TOS, total length, identification, flags
  // and fragment offset (none: RSVP lets IP fragment a large message), TTL, protocol, checksum,
  // source, destination, options.
  out.u8(static_cast<std::uint8_t>(0x40 | header_size / 4));
  out.u8(0);
  out.u16(static_cast<std::uint16_t>(header_size + payload.size()));
  out.u16(header.identification);
  out.u16(0);
  out.u8(header.ttl);
  out.u8(ip_protocol_rsvp);
  out.u16(0);
  out.u32(header.source);
  out.u32(header.destination);
  if (header.router_alert) {
    out.u8(router_alert_type);
    out.u8(4);
    out.u16(0);
  }
  out.patch_u16(10, internet_checksum(std::span(bytes).first(header_size)));
  out.bytes(payload);
  return bytes;
}

std::vector<std::byte> frame(const Message& message, Ipv4 source, Ipv4 destination,
                             std::uint16_t identification) {
  const IpHeader header{source, destination, message.send_ttl, identification,
                        carries_router_alert(type_of(message))};
  return frame(header, encode(message));
}

std::string_view describe(UnframeError error) {
  switch (error) {
    case UnframeError::none:
      return "ok";
    case UnframeError::truncated:
      return "shorter than its IPv4 header";
    case UnframeError::not_ipv4:
      return "IP version is not 4";
    case UnframeError::bad_total_length:
      return "total length is not the number of bytes given";
    case UnframeError::bad_checksum:
      return "IPv4 header checksum does not verify";
    case UnframeError::fragment:
      return "a fragment of a larger datagram";
    case UnframeError::not_rsvp:
      return "IP protocol is not RSVP (46)";
    case UnframeError::bad_option:
      return "malformed IPv4 option";
  }
  return "?";
}

UnframeResult unframe(std::span<const std::byte> datagram) {
  if (datagram.size() < base_header) return failure(UnframeError::truncated, datagram.size());
  Reader in(datagram);
  const std::uint8_t version_ihl = in.u8();
  if ((version_ihl >> 4) != 4) return failure(UnframeError::not_ipv4, 0);
  const std::size_t header_size = (version_ihl & 0x0F) * 4u;
  if (header_size < base_header || header_size > datagram.size()) {
    return failure(UnframeError::truncated, 0);
  }
  in.u8();  // type of service
  if (in.u16() != datagram.size()) return failure(UnframeError::bad_total_length, 2);
  UnframeResult result;
  result.header.identification = in.u16();
  if ((in.u16() & 0x3FFF) != 0) return failure(UnframeError::fragment, 6);
  result.header.ttl = in.u8();
  if (in.u8() != ip_protocol_rsvp) return failure(UnframeError::not_rsvp, 9);
  in.u16();  // checksum, verified over the whole header below
  if (internet_checksum(datagram.first(header_size)) != 0) {
    return failure(UnframeError::bad_checksum, 10);
  }
  result.header.source = in.u32();
  result.header.destination = in.u32();
  // Options (RFC 791): End and No-Operation are one byte; every other is type, length, data.
  while (in.position() < header_size) {
    const std::size_t at = in.position();
    const std::uint8_t type = in.u8();
    if (type == option_end) break;
    if (type == option_nop) continue;
    if (in.position() == header_size) return failure(UnframeError::bad_option, at);
    const std::size_t length = in.u8();
    if (length < 2 || length > header_size - at) return failure(UnframeError::bad_option, at);
    if (type == router_alert_type && length == 4) result.header.router_alert = true;
    in.take(length - 2);
  }
  result.payload = datagram.subspan(header_size);
  return result;
}

}  // namespace qosbed::rsvp_wire
