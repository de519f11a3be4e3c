#include "rsvp/socket_plan.hpp"

#include "gqos/constants.hpp"
#include "rsvp/sp_flowspec.hpp"

namespace qosbed::rsvp {

namespace {

SenderId sender_of(const gqos::Endpoint& endpoint) {
  return SenderId{endpoint.address, endpoint.port};
}

bool joined_for(const gqos::SocketQos& qos, bool sending) {
  for (const auto& join : qos.groups) {
    if (sending ? join.sending : join.receiving) return true;
  }
  return false;
}

// W32:sending-applications: PATH starts once the SP knows the peer and a
// sending FLOWSPEC that asks for a service: TCP once connected; UDP from the group of a
// WSAJoinLeaf, else the connected peer, else each QOS_DESTADDR. sendto alone never starts it.
void plan_sending(const gqos::SocketQos& qos, std::uint8_t protocol, SocketPlan& plan,
                  const HostSpOptions& options) {
  if (qos.closed || qos.disconnected || qos.send_shut || !qos.local || qos.local->port == 0) {
    return;  // W32:closing-the-qos-connection; no SENDER_TEMPLATE without a port
  }
  if (!asks_for_service(qos.sending.service_type, gqos::Direction::sending) ||
      signalling_suppressed(qos.sending.service_type)) {
    return;
  }
  plan.port = qos.local->port;
  plan.tspec = sender_tspec(qos.sending, options);
  const auto add = [&](const gqos::Endpoint& to) {
    plan.sending.push_back(Session{to.address, to.port, protocol});
  };
  if (qos.protocol == gqos::IpProtocol::tcp) {
    if (qos.peer) add(*qos.peer);
  } else if (joined_for(qos, true)) {
    for (const auto& join : qos.groups) {
      if (join.sending) add(join.group);
    }
  } else if (qos.peer) {
    add(*qos.peer);
  } else {
    for (const auto& destination : qos.destinations) add(destination);
  }
}

// W32:rsvp-path-and-resv-messages and
// W32:using-wsaconnect-to-join-unicast-rsvp-sessions: a socket with receiving QoS hears the
// PATHs of the session it is bound to (TCP once connected), or of each group it joined; a
// connected one only its peer's.
void plan_receiving(const gqos::SocketQos& qos, std::uint8_t protocol, Address host_address,
                    SocketPlan& plan, const HostSpOptions& options) {
  if (qos.closed || qos.disconnected || qos.receive_shut || !qos.local) return;
  if (!asks_for_service(qos.receiving.service_type, gqos::Direction::receiving)) return;
  plan.reserves = !signalling_suppressed(qos.receiving.service_type);
  if (!plan.reserves && !options.unsignalled_receiver_hears_path) return;
  plan.flowspec = qos.receiving;
  plan.style = style_of(qos);
  if (qos.reserve) {
    plan.confirm = qos.reserve->confirm_request;
    for (const auto& descriptor : qos.reserve->descriptors) {
      FlowDescriptor& added =
          plan.descriptors.emplace_back(FlowDescriptor{descriptor.flowspec, {}});
      for (const auto& filter : descriptor.filters) added.filters.push_back(sender_of(filter));
    }
  }
  if (joined_for(qos, false)) {
    for (const auto& join : qos.groups) {
      if (join.receiving)
        plan.receiving.push_back(Session{join.group.address, join.group.port, protocol});
    }
    return;
  }
  if (qos.protocol == gqos::IpProtocol::tcp && !qos.peer) return;  // W32:tcp-unicast-receivers
  if (qos.peer) plan.peer = sender_of(*qos.peer);
  const Address bound = qos.local->address != 0 ? qos.local->address : host_address;
  plan.receiving.push_back(Session{bound, qos.local->port, protocol});
}

}  // namespace

Style style_of(const gqos::SocketQos& qos) {
  if (qos.reserve) {
    switch (qos.reserve->style) {
      case gqos::rsvp_style::wildcard:
        return Style::wf;
      case gqos::rsvp_style::fixed_filter:
        return Style::ff;
      case gqos::rsvp_style::shared_explicit:
        return Style::se;
      default:  // RSVP_DEFAULT_STYLE: the socket type's (W32:default-rsvp-filter-style-settings)
        break;
    }
  }
  if (qos.protocol == gqos::IpProtocol::tcp) return Style::ff;
  if (joined_for(qos, false)) return Style::wf;
  return qos.peer ? Style::ff : Style::wf;
}

SocketPlan plan_of(const gqos::SocketQos& qos, Address host_address, const HostSpOptions& options) {
  SocketPlan plan;
  const auto protocol = static_cast<std::uint8_t>(qos.protocol);
  plan_sending(qos, protocol, plan, options);
  plan_receiving(qos, protocol, host_address, plan, options);
  return plan;
}

}  // namespace qosbed::rsvp
