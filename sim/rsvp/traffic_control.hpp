// Traffic control at every node (RFC 2205 section 2.1, RFC 2209 section 2 "TC" calls): the
// reservations installed on each outgoing interface, and admission control, which refuses a
// change that would take an interface past its reservable bandwidth. Only token_rate counts: it
// is the bytes per second a link must set aside. What to install is the protocol's to compute
// (NodeProtocol::install); this keeps it and says whether it fits. A session's list on an
// interface is interned without its session: flows that reserve alike share one.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "rsvp/interned.hpp"
#include "rsvp/session.hpp"
#include "rsvp/session_map.hpp"
#include "rsvp/state.hpp"
#include "rsvp/topology.hpp"

namespace qosbed::rsvp {

class TrafficControl {
 public:
  // What one session should have on each interface of a node that has any, in no order.
  using Wanted = std::vector<std::pair<Interface, std::vector<Reservation>>>;

  explicit TrafficControl(const Topology& topology);

  // Admission control (RFC 2209 UPDATE TRAFFIC CONTROL, the TC_AddFlowspec / TC_ModFlowspec
  // calls): whether `list` as the reservations of `session` on `itf` keeps the interface within
  // its reservable bandwidth. A list that does not grow always fits.
  bool admits(const Session& session, Interface itf, const std::vector<Reservation>& list) const;
  // What `session` has installed on `itf`; none when nothing.
  std::vector<Reservation> installed(Interface itf, const Session& session) const;
  // Makes `wanted` what `session` has on the interfaces of `node`: interfaces it does not name,
  // or names with no reservation, lose the session's reservations. Moves the lists out of `wanted`.
  void install(NodeId node, const Session& session, Wanted& wanted);

  // The reservations installed on an outgoing interface, by session.
  std::vector<Reservation> reservations(Interface itf) const;
  // The sum of their token rates, bytes per second.
  std::uint64_t reserved(Interface itf) const;

 private:
  // Where an interface's reservations live in installed_ and reserved_; nullopt when `itf.from`
  // is not an end of `itf.link`.
  std::optional<std::size_t> index_of(Interface itf) const;

  struct ListHash {
    std::size_t operator()(const std::vector<Reservation>& list) const;
  };
  using Lists = InternTable<std::vector<Reservation>, ListHash>;
  // The list `session` has installed on the interface `index`; nullptr when none.
  const std::vector<Reservation>* list_of(std::size_t index, const Session& session) const;

  const Topology& topology_;
  Lists lists_;  // each list's reservations with their session left empty
  // By interface (two per link, see index_of), then by session.
  std::vector<SessionMap<Lists::Ref>> installed_;
  std::vector<std::uint64_t> reserved_;
};

}  // namespace qosbed::rsvp
