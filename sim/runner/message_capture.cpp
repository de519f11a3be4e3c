#include "runner/message_capture.hpp"

#include "rsvp_wire/encode.hpp"
#include "rsvp_wire/ipv4.hpp"

namespace qosbed::runner {

MessageCapture::MessageCapture(std::ostream& out, const scenario::NetworkSpec& spec)
    : writer_(out) {
  for (const scenario::NetLink& link : spec.links) {
    const std::string joins = spec.nodes[link.a].name + " - " + spec.nodes[link.b].name;
    interfaces_.push_back(writer_.add_interface(link.name, joins));
  }
}

void MessageCapture::write(engine::TimeUs t_us, const rsvp::WirePacket& packet, rsvp::LinkId link,
                           std::uint8_t routers) {
  // Distinct identifications, as a sending stack gives them, so no two datagrams look alike
  // to a reader that reassembles.
  const rsvp_wire::IpHeader header{
      packet.source, packet.destination,
      static_cast<std::uint8_t>(packet.message.send_ttl - routers), identification_++,
      rsvp_wire::carries_router_alert(rsvp_wire::type_of(packet.message))};
  writer_.write_packet(interfaces_.at(link), t_us,
                       rsvp_wire::frame(header, rsvp_wire::encode(packet.message)));
}

}  // namespace qosbed::runner
