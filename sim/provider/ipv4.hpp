// Dotted IPv4 text ("10.0.0.2", as provider::Address and scenarios write it) as the number in host
// byte order that RSVP objects and gqos::Endpoint carry: the one reader of that text.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

#include "provider/provider.hpp"

namespace qosbed::provider {

constexpr std::optional<std::uint32_t> parse_ipv4(std::string_view text) {
  std::uint32_t address = 0;
  std::size_t at = 0;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (at >= text.size() || text[at] != '.') return std::nullopt;
      ++at;
    }
    unsigned value = 0;
    const char* begin = text.data() + at;
    auto [stop, ec] = std::from_chars(begin, text.data() + text.size(), value);
    if (ec != std::errc{} || stop == begin || value > 255) return std::nullopt;
    at = static_cast<std::size_t>(stop - text.data());
    address = (address << 8) | value;
  }
  if (at != text.size()) return std::nullopt;
  return address;
}

// WSAConnect's "no address": an empty or all-zero one (SDK:winsock2/nf-winsock2-wsaconnect).
inline bool is_no_address(const Address& address) {
  return address.port == 0 && (address.host.empty() || parse_ipv4(address.host) == 0u);
}

// A class D address (224.0.0.0/4): an IP multicast group, what WSAJoinLeaf joins.
inline bool is_multicast(const Address& address) {
  const auto parsed = parse_ipv4(address.host);
  return parsed && (*parsed >> 28) == 0xE;
}

}  // namespace qosbed::provider
