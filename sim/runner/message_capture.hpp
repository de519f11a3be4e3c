// A network run's RSVP messages as the packets they are on the wire, written as a pcapng capture
// (`qosbed run NET.yaml --pcap FILE`): each message a node sends becomes one IPv4 datagram on its
// link's interface at the virtual time it is sent, so `tshark -r FILE -Y rsvp` lists what the
// trace lists as `sent`, in the same order. A message lost or dropped on its way was still sent
// and is in the capture, as a capture on the sending side would have it.
#pragma once

#include <cstdint>
#include <ostream>
#include <vector>

#include "engine/clock.hpp"
#include "rsvp/wire_form.hpp"
#include "rsvp_wire/pcapng.hpp"
#include "scenario/network.hpp"

namespace qosbed::runner {

class MessageCapture {
 public:
  // One interface per link of `spec`, named as the scenario names the link, described by the
  // nodes it joins. The caller checks `out` when the run is done.
  MessageCapture(std::ostream& out, const scenario::NetworkSpec& spec);

  // `packet` on `link`'s interface at `t_us`, its IP TTL its Send_TTL less `routers`: the
  // routers that do not run RSVP that passed it on (rsvp::Routed), each taking one, the sign RFC
  // 2205 section 2.9 detects them by.
  void write(engine::TimeUs t_us, const rsvp::WirePacket& packet, rsvp::LinkId link,
             std::uint8_t routers);

 private:
  rsvp_wire::PcapngWriter writer_;
  std::vector<std::uint32_t> interfaces_;  // by link
  std::uint16_t identification_ = 0;       // the IPv4 Identification of the next datagram
};

}  // namespace qosbed::runner
