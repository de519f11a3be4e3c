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
#include "rsvp/adspec.hpp"
#include "rsvp/policy_data.hpp"
#include "rsvp/session.hpp"
#include "rsvp/session_map.hpp"
#include "rsvp/topology.hpp"

namespace qosbed::rsvp {

// What a PATH left at a node (RFC 2205 section 3.1).
struct Psb {
  gqos::FlowSpec tspec{};
  PathAdspec adspec;
  std::optional<NodeId> phop;     // the upstream neighbour; none at the sender's own host
  std::optional<LinkId> in_link;  // the link the PATH arrived on
  NodeId node = 0;                // where it is kept: its cleanup timer names only its entry
  std::vector<Interface> outs;    // where the PATH was forwarded
  // L after the last PATH. A local sender's times out only once its application is silent.
  engine::TimeUs expires_us = 0;
  std::uint64_t timer = 0;  // the network's expiry timer (an engine event; 0: none)
  // The queue's scheduling order taken at the last refresh: the expiry runs in that place, as if
  // the timer had been rescheduled at each refresh (see Scheduler::take_order).
  std::uint64_t expiry_order = 0;
  PolicyRef policy = no_policy;  // the POLICY_DATA the PATH brought

  bool local() const { return !phop.has_value(); }
};

// A reservation request from one downstream neighbour, or the local application's own request
// when nhop is the node itself (a receiver host).
struct Rsb {
  Style style = Style::wf;
  NodeId node = 0;               // where it is kept, as in Psb
  PolicyRef policy = no_policy;  // the POLICY_DATA the RESV brought (the local request: the host's)
  std::vector<FlowDescriptor> descriptors;
  std::optional<NodeId> confirm_to;
  std::optional<LinkId> link;  // toward nhop; none for the local request
  engine::TimeUs expires_us = 0;
  std::uint64_t timer = 0;         // the network's expiry timer (an engine event; 0: none)
  std::uint64_t expiry_order = 0;  // as in Psb
};

// Blockade state (BSB, RFC 2209 section 1; RFC 2205 section 3.5): after an admission failure
// upstream, the failed flowspec Qb, for the previous hop the ResvErr came from and, when the
// ResvErr named senders (FF, SE), for each of them; for WF, for the previous hop alone. Requests
// Qb blockades (merge.hpp) are left out of the RESV to that previous hop until the BSB expires
// Kb x R after its last ResvErr, when it is deleted.
struct BlockadeKey {
  Session session;
  NodeId phop = 0;
  std::optional<SenderId> sender;  // none: every sender from `phop` (WF)
  friend auto operator<=>(const BlockadeKey&, const BlockadeKey&) = default;
};

struct Blockade {
  gqos::FlowSpec flowspec{};  // Qb
  engine::TimeUs expires_us = 0;
  std::uint64_t timer = 0;  // the deletion, an engine event
};

using PsbKey = std::pair<Session, SenderId>;
using RsbKey = std::pair<Session, NodeId>;  // session, next hop
using PsbEntry = std::map<PsbKey, Psb>::value_type;
using RsbEntry = std::map<RsbKey, Rsb>::value_type;

struct NodeState {
  std::map<PsbKey, Psb> psbs;
  std::map<RsbKey, Rsb> rsbs;
  std::map<BlockadeKey, Blockade> blockades;
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

// Whether `state` holds blockade state of `session`, for any previous hop or sender.
inline bool has_blockade(const NodeState& state, const Session& session) {
  const auto first = state.blockades.lower_bound(BlockadeKey{session, 0, std::nullopt});
  return first != state.blockades.end() && first->first.session == session;
}

// Calls f(sender, psb) for each path state of `session` at a node that a PATH brought from
// upstream (its own senders' aside), in sender order.
template <typename F>
void for_each_upstream_path(const NodeState& state, const Session& session, F f) {
  for (auto it = state.psbs.lower_bound(PsbKey{session, SenderId{}});
       it != state.psbs.end() && it->first.first == session; ++it) {
    if (!it->second.local()) f(it->first.second, it->second);
  }
}

}  // namespace qosbed::rsvp
