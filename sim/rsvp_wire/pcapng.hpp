// Captures Wireshark and tshark read: pcapng rather than classic pcap because a network has many
// links, and pcapng gives each its own interface (one Interface Description Block per link, named
// after it), so a packet shows which link it crossed (frame.interface_name) and a capture can be
// filtered by link. Packets are raw IPv4 datagrams (LINKTYPE_RAW, 101), which Wireshark dissects
// as IP without a made-up link layer; timestamps are the simulation's virtual microseconds (the
// default resolution, if_tsresol 6), counted from the Unix epoch. Every block is written
// little-endian, as its byte-order magic says.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <span>
#include <string_view>

namespace qosbed::rsvp_wire {

class PcapngWriter {
 public:
  // Writes the Section Header Block. The caller checks the stream's state when done.
  explicit PcapngWriter(std::ostream& out);

  // An Interface Description Block: its id for write_packet. The description may be empty.
  std::uint32_t add_interface(std::string_view name, std::string_view description);

  // An Enhanced Packet Block of one IPv4 datagram on `interface` at `time_us`. Throws
  // std::invalid_argument for an interface not added or a negative time.
  void write_packet(std::uint32_t interface, std::int64_t time_us,
                    std::span<const std::byte> datagram);

 private:
  std::ostream& out_;
  std::uint32_t interfaces_ = 0;
};

}  // namespace qosbed::rsvp_wire
