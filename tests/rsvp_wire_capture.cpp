// Writes the sample messages (rsvp_wire_samples.hpp) as a pcapng capture for the tshark check
// (rsvp_wire_tshark_test.py): one interface per link of the sample topology, one packet per
// message 1 ms apart. Prints "FRAME TYPE NAME ROUTER_ALERT LINK" per packet: the expectations.
// usage: rsvp_wire_capture OUT.pcapng
#include <fstream>
#include <iostream>

#include "rsvp_wire/ipv4.hpp"
#include "rsvp_wire/pcapng.hpp"
#include "rsvp_wire_samples.hpp"

int main(int argc, char** argv) {
  using namespace qosbed::rsvp_wire;
  if (argc != 2) {
    std::cerr << "usage: rsvp_wire_capture OUT.pcapng\n";
    return 2;
  }
  std::ofstream out(argv[1], std::ios::binary);
  PcapngWriter capture(out);
  const std::uint32_t s_r = capture.add_interface("s-r", "link 0: s 10.0.0.1 - r 10.0.0.254");
  const std::uint32_t r_d = capture.add_interface("r-d", "link 1: r 10.0.0.254 - d 10.0.0.2");
  int number = 0;
  for (const auto& sample : rsvp_wire_samples::all(true)) {
    ++number;
    const bool near_s =
        sample.source == rsvp_wire_samples::s || sample.destination == rsvp_wire_samples::s;
    const auto datagram = frame(sample.message, sample.source, sample.destination,
                                static_cast<std::uint16_t>(number));
    capture.write_packet(near_s ? s_r : r_d, number * 1'000, datagram);
    const MessageType type = type_of(sample.message);
    std::cout << number << ' ' << static_cast<int>(type) << ' ' << sample.name << ' '
              << carries_router_alert(type) << ' ' << (near_s ? "s-r" : "r-d") << '\n';
  }
  out.close();
  if (!out) {
    std::cerr << argv[1] << ": cannot write\n";
    return 1;
  }
  return 0;
}
