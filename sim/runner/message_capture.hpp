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
#include "rsvp/messages.hpp"
#include "rsvp/observer.hpp"
#include "rsvp/topology.hpp"
#include "rsvp_wire/pcapng.hpp"
#include "scenario/network.hpp"

namespace qosbed::runner {

class MessageCapture {
 public:
  // One interface per link of `spec`, named as the scenario names the link, described by the
  // nodes it joins. The caller checks `out` when the run is done.
  MessageCapture(std::ostream& out, const scenario::NetworkSpec& spec, engine::TimeUs refresh_us);

  void sent(engine::TimeUs t_us, const rsvp::Topology& topology, rsvp::NodeId from, rsvp::NodeId to,
            rsvp::LinkId link, const rsvp::Message& message);
  // A message on a hop toward or from a router that does not run RSVP (rsvp::Routed): as its
  // RSVP hop sent it to its target, its IP TTL one less for each such router crossed (the sign
  // RFC 2205 section 2.9 detects them by).
  void routed(engine::TimeUs t_us, const rsvp::Topology& topology, rsvp::NodeId to,
              rsvp::LinkId link, const rsvp::Message& message, const rsvp::Routed& via);

 private:
  rsvp_wire::PcapngWriter writer_;
  std::vector<std::uint32_t> interfaces_;  // by link
  engine::TimeUs refresh_us_;
  std::uint16_t identification_ = 0;  // the IPv4 Identification of the next datagram
};

}  // namespace qosbed::runner
