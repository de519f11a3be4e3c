// The protocol state one node keeps, readable for tests and `expect: state`: path state blocks
// (PSB), reservation state blocks (RSB), blockades, and the reservations installed on outgoing
// interfaces.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "engine/clock.hpp"
#include "gqos/codec.hpp"
#include "rsvp/adspec.hpp"
#include "rsvp/interned.hpp"
#include "rsvp/out_interfaces.hpp"
#include "rsvp/policy_data.hpp"
#include "rsvp/session.hpp"
#include "rsvp/session_map.hpp"
#include "rsvp/state_table.hpp"
#include "rsvp/topology.hpp"

namespace qosbed::rsvp {

using PsbKey = std::pair<Session, SenderId>;
using RsbKey = std::pair<Session, NodeId>;  // session, next hop

// A PSB's or RSB's cleanup timer: when it expires, its place among the engine's events due then
// (see Scheduler::take_order), and its place in the expiry list.
struct Expiry {
  engine::TimeUs expires_us = 0;  // L after the last refresh
  std::uint64_t order = 0;        // taken at the last refresh
  StateRef prev;
  StateRef next;
};

// What a PATH left at a node (RFC 2205 section 3.1), its timer aside. The senders whose PATHs
// agree, from the same previous hop on the same way on, leave equal path state: it is interned
// (interned.hpp), so that each of their PSBs holds only a pointer to it.
struct PathState {
  gqos::FlowSpec tspec{};
  PathAdspec adspec;
  std::optional<NodeId> phop;     // the upstream neighbour; none at the sender's own host
  std::optional<LinkId> in_link;  // the link the PATH arrived on
  NodeId node = 0;                // where it is kept: its expiry names only its block
  PolicyRef policy = no_policy;   // the POLICY_DATA the PATH brought
  OutInterfaces outs;             // where the PATH was forwarded

  bool local() const { return !phop.has_value(); }
  friend bool operator==(const PathState&, const PathState&) = default;
};

struct PathStateHash {
  std::size_t operator()(const PathState& state) const;
};
using PathStates = InternTable<PathState, PathStateHash>;

// A path state block: its path state, never empty once the PATH is processed, and its timer:
// L after the last PATH. A local sender's times out only once its application is silent.
struct Psb {
  PathStates::Ref path;
  Expiry expiry;
};

// A reservation request from one downstream neighbour, or the local application's own request
// when nhop is the node itself (a receiver host), its timer aside. Receivers that ask alike
// through the same next hop leave equal requests: interned, as path state is.
struct ResvState {
  Style style = Style::wf;
  NodeId node = 0;               // where it is kept, as in PathState
  PolicyRef policy = no_policy;  // the POLICY_DATA the RESV brought (the local request: the host's)
  std::vector<FlowDescriptor> descriptors;
  std::optional<NodeId> confirm_to;
  std::optional<LinkId> link;  // toward nhop; none for the local request

  friend bool operator==(const ResvState&, const ResvState&) = default;
};

struct ResvStateHash {
  std::size_t operator()(const ResvState& state) const;
};
using ResvStates = InternTable<ResvState, ResvStateHash>;

// A reservation state block: its request, never empty once the RESV is processed, and its
// timer; the local request never expires.
struct Rsb {
  ResvStates::Ref resv;
  Expiry expiry;
};

using PsbTable = StateTable<PsbKey, Psb, &SessionSlots::psbs, false>;
using RsbTable = StateTable<RsbKey, Rsb, &SessionSlots::rsbs, true>;

// Every PSB and RSB of a network. It must outlive the nodes' tables over it.
struct StateStore {
  PsbTable::Pool psbs;
  RsbTable::Pool rsbs;

  PsbTable::Entry& psb(StateRef state) { return psbs[state.index()].entry; }
  RsbTable::Entry& rsb(StateRef state) { return rsbs[state.index()].entry; }
  Expiry& expiry(StateRef state) {
    return state.is_rsb() ? rsb(state).second.expiry : psb(state).second.expiry;
  }
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

struct ReservedListHash {
  std::size_t operator()(const std::vector<FlowDescriptor>& list) const;
};
using ReservedLists = InternTable<std::vector<FlowDescriptor>, ReservedListHash>;

// A node's state, found by session in one hash lookup.
class NodeState {
 public:
  explicit NodeState(StateStore& store)
      : psbs(store.psbs, sessions_), rsbs(store.rsbs, sessions_) {}
  NodeState(const NodeState&) = delete;
  NodeState& operator=(const NodeState&) = delete;

  // Whether the reservations installed for `session` are known to be what its state gives.
  bool installed(const Session& session) const {
    const SessionSlots* slots = sessions_.find(session);
    return slots && slots->installed;
  }
  // The reservations installed for `session` were just computed from its state.
  void set_installed(const Session& session) {
    if (SessionSlots* slots = sessions_.find(session)) slots->installed = true;
  }
  // The session's path or reservation state changed in place: the installed reservations may
  // no longer be what it gives.
  void state_changed(const Session& session) {
    if (SessionSlots* slots = sessions_.find(session)) slots->installed = false;
  }

  // The previous hops the session's last RESV went to; none when there are none.
  const HopSet* forwarded(const Session& session) const {
    const SessionSlots* slots = sessions_.find(session);
    return slots ? &slots->forwarded : nullptr;
  }
  void add_forwarded(const Session& session, NodeId hop) {
    sessions_[session].forwarded.insert(hop);
  }
  // False when no RESV went to `hop`.
  bool remove_forwarded(const Session& session, NodeId hop) {
    SessionSlots* slots = sessions_.find(session);
    if (!slots || !slots->forwarded.erase(hop)) return false;
    if (slots->empty()) sessions_.erase(session);
    return true;
  }

 private:
  SessionTable sessions_;  // declared first: the tables below point at it

 public:
  PsbTable psbs;
  RsbTable rsbs;
  std::map<BlockadeKey, Blockade> blockades;
  // The sessions with path state here and a DstPort, per DestAddress and ProtocolId: a session
  // of DstPort zero conflicts with them (RFC 2205 section 3.2).
  std::map<std::pair<Address, std::uint8_t>, std::uint32_t> ported_sessions;
  // What the local senders were last told was reserved for them, per session, interned: the
  // senders that many receivers ask alike share one list. Hashed: a sender's host looks it up
  // for every RESV that reaches it, and nothing reads it in order.
  SessionMap<ReservedLists::Ref> reported;
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

// Calls f(sender, path state) for each path state of `session` at a node that a PATH brought from
// upstream (its own senders' aside), in sender order.
template <typename F>
void for_each_upstream_path(const NodeState& state, const Session& session, F f) {
  for (const auto& [key, psb] : state.psbs.of(session)) {
    if (!psb.path->local()) f(key.second, *psb.path);
  }
}

}  // namespace qosbed::rsvp
