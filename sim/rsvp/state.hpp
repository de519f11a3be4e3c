// The protocol state one node keeps, readable for tests and `expect: state`: path state blocks
// (PSB), reservation state blocks (RSB), blockades, and the reservations installed on outgoing
// interfaces.
#pragma once

#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "engine/clock.hpp"
#include "gqos/codec.hpp"
#include "rsvp/session.hpp"
#include "rsvp/session_map.hpp"
#include "rsvp/topology.hpp"

namespace qosbed::rsvp {

// What a PATH left at a node (RFC 2205 section 3.1).
struct Psb {
  gqos::FlowSpec tspec{};
  gqos::Adspec adspec;
  std::optional<NodeId> phop;     // the upstream neighbour; none at the sender's own host
  std::optional<LinkId> in_link;  // the link the PATH arrived on
  std::vector<Interface> outs;    // where the PATH was forwarded
  engine::TimeUs expires_us = 0;  // never for a local sender: the application refreshes it
  std::uint64_t timer = 0;        // the network's expiry timer (an engine event; 0: none)
  // The queue's scheduling order taken at the last refresh: the expiry runs in that place, as if
  // the timer had been rescheduled at each refresh (see Scheduler::take_order).
  std::uint64_t expiry_order = 0;

  bool local() const { return !phop.has_value(); }
};

// A reservation request from one downstream neighbour, or the local application's own request
// when nhop is the node itself (a receiver host).
struct Rsb {
  Style style = Style::wf;
  std::vector<FlowDescriptor> descriptors;
  std::optional<NodeId> confirm_to;
  std::optional<LinkId> link;  // toward nhop; none for the local request
  engine::TimeUs expires_us = 0;
  std::uint64_t timer = 0;         // the network's expiry timer (an engine event; 0: none)
  std::uint64_t expiry_order = 0;  // as in Psb
};

// After an admission failure upstream: requests at least as large as `flowspec` are left out of
// merging until `expires_us`, so smaller requests can still succeed (RFC 2205 section 3.5).
struct Blockade {
  gqos::FlowSpec flowspec{};
  engine::TimeUs expires_us = 0;
};

using PsbKey = std::pair<Session, SenderId>;
using RsbKey = std::pair<Session, NodeId>;  // session, next hop

struct NodeState {
  std::map<PsbKey, Psb> psbs;
  std::map<RsbKey, Rsb> rsbs;
  std::map<Session, Blockade> blockades;
  // What the local senders were last told was reserved for them, per session. Hashed: a
  // sender's host looks it up for every RESV that reaches it, and nothing reads it in order.
  SessionMap<std::vector<FlowDescriptor>> reported;
};

// One reservation installed on an outgoing interface: shared by its filters (WF: none, meaning
// every sender of the session routed there; SE: the list) or for one sender (FF).
struct Reservation {
  Session session;
  Style style = Style::wf;
  std::vector<SenderId> filters;
  gqos::FlowSpec flowspec{};
  friend bool operator==(const Reservation&, const Reservation&) = default;
};

}  // namespace qosbed::rsvp
