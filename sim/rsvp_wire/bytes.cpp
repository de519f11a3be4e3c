#include "rsvp_wire/bytes.hpp"

namespace qosbed::rsvp_wire {

std::uint16_t internet_checksum(std::span<const std::byte> bytes) {
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    const std::uint64_t high = std::to_integer<std::uint64_t>(bytes[i]) << 8;
    sum += i + 1 < bytes.size() ? high | std::to_integer<std::uint64_t>(bytes[i + 1]) : high;
  }
  while (sum >> 16) sum = (sum & 0xFFFF) + (sum >> 16);
  return static_cast<std::uint16_t>(~sum);
}

}  // namespace qosbed::rsvp_wire
