#include "runner/message_capture.hpp"

#include "rsvp/wire_form.hpp"
#include "rsvp_wire/encode.hpp"
#include "rsvp_wire/ipv4.hpp"

namespace qosbed::runner {

MessageCapture::MessageCapture(std::ostream& out, const scenario::NetworkSpec& spec,
                               engine::TimeUs refresh_us)
    : writer_(out), refresh_us_(refresh_us) {
  for (const scenario::NetLink& link : spec.links) {
    const std::string joins = spec.nodes[link.a].name + " - " + spec.nodes[link.b].name;
    interfaces_.push_back(writer_.add_interface(link.name, joins));
  }
}

void MessageCapture::sent(engine::TimeUs t_us, const rsvp::Topology& topology, rsvp::NodeId from,
                          rsvp::NodeId to, rsvp::LinkId link, const rsvp::Message& message) {
  const rsvp::WirePacket packet =
      rsvp::to_wire(message, topology, rsvp::WireContext{from, to, link, refresh_us_});
  // Distinct identifications, as a sending stack gives them, so no two datagrams look alike
  // to a reader that reassembles.
  const std::vector<std::byte> datagram =
      rsvp_wire::frame(packet.message, packet.source, packet.destination, identification_++);
  writer_.write_packet(interfaces_.at(link), t_us, datagram);
}

void MessageCapture::routed(engine::TimeUs t_us, const rsvp::Topology& topology, rsvp::NodeId to,
                            rsvp::LinkId link, const rsvp::Message& message,
                            const rsvp::Routed& via) {
  const rsvp::WirePacket packet =
      rsvp::to_wire(message, topology,
                    rsvp::WireContext{via.hop, via.target.value_or(to), via.hop_link, refresh_us_});
  rsvp_wire::IpHeader header{packet.source, packet.destination,
                             static_cast<std::uint8_t>(packet.message.send_ttl - via.routers),
                             identification_++,
                             rsvp_wire::carries_router_alert(rsvp_wire::type_of(packet.message))};
  writer_.write_packet(interfaces_.at(link), t_us,
                       rsvp_wire::frame(header, rsvp_wire::encode(packet.message)));
}

}  // namespace qosbed::runner
