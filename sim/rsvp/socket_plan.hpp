// What a socket's QoS state asks of RSVP at its host, by the rules of Microsoft's GQoS
// documentation (docs/behaviour.md, "The RSVP SP in the network"): the sessions its PATH goes
// to, the sessions it listens in and the reservation it asks for there, and what ends either.
// A pure function of the socket's state: HostSp compares it with what the host does and acts on
// the difference.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "gqos/socket_qos.hpp"
#include "rsvp/host_sp_options.hpp"
#include "rsvp/session.hpp"

namespace qosbed::rsvp {

struct SocketPlan {
  // Sending: one session per destination, each with SENDER_TEMPLATE (host address, port).
  std::vector<Session> sending;
  std::uint16_t port = 0;
  gqos::FlowSpec tspec{};
  // Receiving: the sessions whose PATHs the socket hears; in them it asks for a reservation
  // when `reserves`, and only listens otherwise (SERVICE_NO_QOS_SIGNALING, D24).
  std::vector<Session> receiving;
  bool reserves = false;
  Style style = Style::wf;
  bool confirm = false;
  gqos::FlowSpec flowspec{};  // the receiving FLOWSPEC as asked
  // A connected unicast socket: only its peer's PATH matches it
  // (W32:using-wsaconnect-to-join-unicast-rsvp-sessions), and its default FF reservation names the
  // peer.
  std::optional<SenderId> peer;
  // RSVP_RESERVE_INFO's flow descriptors, each FILTERSPEC a sender.
  std::vector<FlowDescriptor> descriptors;
};

// `host_address`: the address of the socket's host, the session address of a socket bound to
// INADDR_ANY and the address of its SENDER_TEMPLATE (the one interface a host has).
SocketPlan plan_of(const gqos::SocketQos& qos, Address host_address, const HostSpOptions& options);

// The style of a receiver (W32:default-rsvp-filter-style-settings): RSVP_RESERVE_INFO's when it
// names one, else FF for TCP and connected UDP, WF for unconnected UDP and multicast.
Style style_of(const gqos::SocketQos& qos);

}  // namespace qosbed::rsvp
