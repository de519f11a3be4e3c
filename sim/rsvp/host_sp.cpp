// HostSp's side of the applications: what a socket's state asks, compared with what its host
// does, and the HostApi calls that close the gap; the memberships that tie sockets to sessions.
#include "rsvp/host_sp.hpp"

#include <algorithm>
#include <utility>

#include "rsvp/merge.hpp"
#include "rsvp/sp_adapter.hpp"
#include "rsvp/sp_flowspec.hpp"

namespace qosbed::rsvp {

namespace {

bool contains(const std::vector<Session>& sessions, const Session& session) {
  return std::find(sessions.begin(), sessions.end(), session) != sessions.end();
}

// The Tspecs of several senders as one: their least upper bound.
void widen(std::optional<gqos::FlowSpec>& merged, const gqos::FlowSpec& tspec) {
  merged = merged ? lub(*merged, tspec) : tspec;
}

}  // namespace

HostSp::Confirm HostSp::asks_confirmation(const SocketPlan& plan) {
  return plan.confirm && plan.reserves ? Confirm::pending : Confirm::none;
}

std::size_t HostSp::SocketKeyHash::operator()(const SocketKey& key) const noexcept {
  return static_cast<std::size_t>((key.socket ^ (std::uint64_t{key.host} << 40)) *
                                  0x9e3779b97f4a7c15ULL);
}

std::size_t HostSp::ReceivingRequestHash::operator()(const ReceivingRequest& request) const {
  WordHash hash;
  add_to(hash, request.flowspec);
  add_to(hash, request.descriptors);
  return hash.value();
}

void HostSp::socket_changed(NodeId host, gqos::SocketId socket, const gqos::SocketQos& qos) {
  const SocketPlan plan = plan_of(qos, network_.topology().node(host).address, options_);
  // A group joined for receiving makes the host one of its destinations, as IP membership does
  // whatever the QoS.
  if (!qos.closed) {
    for (const auto& join : qos.groups) {
      if (join.receiving) network_.join(host, join.group.address);
    }
  }
  const SocketKey key{host, socket};
  auto found = sockets_.find(key);
  if (found == sockets_.end()) {
    if (plan.sending.empty() && plan.receiving.empty()) return;
    found = sockets_.emplace(key, add_record(host, socket, qos)).first;
  }
  const std::uint32_t index = found->second;

  // What ends goes first, so that a teardown precedes what replaces it.
  std::vector<Session> touched = end_memberships(index, plan);
  SocketRecord& record = records_[index];
  if (record.qos_calls != qos.qos_calls) {
    // The application renegotiated: it may be told again what it was told (W32:qos-events), and
    // a call that set the receiving direction asks for confirmation anew (KB195274: one
    // confirmation per SIO_SET_QOS).
    const bool asks_anew = record.receiving_calls != qos.receiving_calls;
    record.qos_calls = qos.qos_calls;
    record.receiving_calls = qos.receiving_calls;
    for (std::uint32_t m = record.first; m != none; m = memberships_[m].next_of_socket) {
      Membership& member = memberships_[m];
      member.told = 0;
      if (!member.sending && asks_anew) member.confirm = asks_confirmation(plan);
    }
  }
  record.port = plan.port;
  record.style = plan.style;
  record.reserves = plan.reserves;
  record.peer = plan.peer;
  if (!record.receiving || record.receiving->flowspec != plan.flowspec ||
      record.receiving->descriptors != plan.descriptors) {
    record.receiving = receiving_requests_.intern({plan.flowspec, plan.descriptors});
  }

  start_sending(index, plan);
  start_receiving(index, plan);
  touched.insert(touched.end(), plan.receiving.begin(), plan.receiving.end());
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  for (const Session& session : touched) update_session(host, session, Send::now);

  if (records_[index].first == none) {
    records_[index] = SocketRecord{};
    free_records_.push_back(index);
    sockets_.erase(key);
  }
}

std::uint32_t HostSp::add_record(NodeId host, gqos::SocketId socket, const gqos::SocketQos& qos) {
  std::uint32_t index;
  if (free_records_.empty()) {
    index = static_cast<std::uint32_t>(records_.size());
    records_.emplace_back();
  } else {
    index = free_records_.back();
    free_records_.pop_back();
  }
  SocketRecord& record = records_[index];
  record.socket = socket;
  record.host = host;
  record.qos_calls = qos.qos_calls;
  record.receiving_calls = qos.receiving_calls;
  return index;
}

std::vector<Session> HostSp::end_memberships(std::uint32_t index, const SocketPlan& plan) {
  const NodeId host = records_[index].host;
  const std::uint16_t port = records_[index].port;
  std::vector<Session> ended;
  for (std::uint32_t m = records_[index].first; m != none;) {
    const Membership member = memberships_[m];
    const std::uint32_t next = member.next_of_socket;
    if (member.sending) {
      // W32:closing-the-qos-connection: QoS that stops sends PathTear at once (D23).
      if (plan.port != port || !contains(plan.sending, member.session)) {
        unlink(m);
        if (options_.explicit_teardown) {
          network_.stop_sender(host, member.session, port);
        } else {
          network_.silence_sender(host, member.session, port);
        }
      }
    } else if (!contains(plan.receiving, member.session)) {
      unlink(m);
      ended.push_back(member.session);  // its request leaves the host's (update_session)
    }
    m = next;
  }
  return ended;
}

void HostSp::start_sending(std::uint32_t index, const SocketPlan& plan) {
  const NodeId host = records_[index].host;
  const SenderId sender{network_.topology().node(host).address, plan.port};
  const auto& psbs = network_.state(host).psbs;
  for (const Session& session : plan.sending) {
    if (find(index, session, true) != none) {
      // RFC 2205 section 3.11.1: a later SENDER call modifies the path state; a new Tspec goes
      // at once, not at the next refresh (W32:sending-applications).
      const auto own = psbs.find(PsbKey{session, sender});
      if (own == psbs.end() || own->second.path->tspec != plan.tspec) {
        network_.start_sender(host, session, plan.port, plan.tspec);
      }
      continue;
    }
    const std::uint32_t m = link(index, session, true);
    network_.start_sender(host, session, plan.port, plan.tspec);
    if (!options_.told_on_join) continue;
    // D25: a reservation the host already has for this sender (WF) is told at once.
    if (const auto* reported = network_.state(host).reported.find(session)) {
      if (const auto reserved = reserved_for(**reported, sender)) {
        memberships_[m].heard = true;
        tell(m, receivers_indication(*reserved));
      }
    }
  }
}

void HostSp::start_receiving(std::uint32_t index, const SocketPlan& plan) {
  const NodeId host = records_[index].host;
  for (const Session& session : plan.receiving) {
    if (find(index, session, false) != none) continue;
    const std::uint32_t m = link(index, session, false);
    memberships_[m].confirm = asks_confirmation(plan);
    if (!options_.told_on_join) continue;
    // D25: the PATHs the session already has are told at once.
    for_each_upstream_path(network_.state(host), session,
                           [&](const SenderId& sender, const PathState& path) {
                             if (plan.peer && *plan.peer != sender) return;
                             memberships_[m].heard = true;
                             tell(m, senders_indication(path));
                           });
  }
}

void HostSp::update_session(NodeId host, const Session& session, Send send) {
  Style style = Style::wf;
  bool any = false;
  bool confirm = false;
  std::vector<FlowDescriptor> parts;
  for (std::uint32_t m = first_in(host, session); m != none; m = memberships_[m].next_in_session) {
    Membership& member = memberships_[m];
    const SocketRecord& record = records_[member.socket];
    if (member.sending || !record.reserves) continue;
    if (!any) {
      style = record.style;  // the earliest socket's
      any = true;
    } else if (record.style != style) {
      // One session, one style (RFC 2205 section 3.2): a local request of another is refused as
      // a RESV would be, "conflicting reservation style", once (D27).
      if (!member.refused) {
        member.refused = true;
        tell(m, error_indication(ResvErr{session, ErrorSpec{ErrorCode::conflicting_style, host},
                                         FlowDescriptor{record.receiving->flowspec, {}}}));
      }
      continue;
    }
    member.refused = false;
    append_request(record, session, parts);
    confirm = confirm || member.confirm == Confirm::pending;
  }
  const auto& rsbs = network_.state(host).rsbs;
  const auto local = rsbs.find(RsbKey{session, host});
  const ResvState* current = local == rsbs.end() ? nullptr : &*local->second.resv;
  if (!any) {
    if (!current) return;
    // W32:closing-the-qos-connection: ResvTear at once (D23).
    if (options_.explicit_teardown) {
      network_.release(host, session);
    } else {
      network_.silence_receiver(host, session);
    }
    return;
  }
  ReservationRequest request{style, merge(style, parts), confirm};
  if (current && current->style != style) {
    // W32:udp-unicast-receivers: a WSAConnect after SIO_SET_QOS sends ResvTear for the WF
    // reservation, then the FF one; so any change of style.
    network_.release(host, session);
    current = nullptr;
  }
  if (current && current->descriptors == request.descriptors) {
    const LocalReceiver* receiver = network_.local_receiver(host, session);
    if (!confirm || (receiver && receiver->confirm_pending)) return;
  }
  if (send == Send::now) {
    network_.reserve(host, session, std::move(request));
  } else {
    network_.change_request(host, session, std::move(request));
  }
}

void HostSp::append_request(const SocketRecord& record, const Session& session,
                            std::vector<FlowDescriptor>& out) const {
  const NodeState& state = network_.state(record.host);
  const auto tspec_of = [&](const SenderId& sender) -> std::optional<gqos::FlowSpec> {
    const auto psb = state.psbs.find(PsbKey{session, sender});
    if (psb == state.psbs.end() || psb->second.path->local()) return std::nullopt;
    return psb->second.path->tspec;
  };
  // RSVP_RESERVE_INFO's descriptors (W32:overriding-default-rsvp-filter-style-settings), each
  // completed from the Tspecs of the senders it names.
  const gqos::FlowSpec& flowspec = record.receiving->flowspec;
  if (record.style != Style::wf && !record.receiving->descriptors.empty()) {
    for (const auto& descriptor : record.receiving->descriptors) {
      std::optional<gqos::FlowSpec> tspec;
      for (const SenderId& sender : descriptor.filters) {
        if (const auto found = tspec_of(sender)) widen(tspec, *found);
      }
      out.push_back({reservation_flowspec(descriptor.flowspec, tspec), descriptor.filters});
    }
    return;
  }
  // The socket's FLOWSPEC: WF for every sender; FF and SE for the connected peer, or without one
  // for every sender the session has path state for (D27).
  std::vector<SenderId> senders;
  std::optional<gqos::FlowSpec> tspec;
  for_each_upstream_path(state, session, [&](const SenderId& sender, const PathState& path) {
    if (record.style != Style::wf && record.peer && *record.peer != sender) return;
    senders.push_back(sender);
    widen(tspec, path.tspec);
  });
  if (record.style != Style::wf && record.peer && senders.empty()) senders.push_back(*record.peer);
  switch (record.style) {
    case Style::wf:
      out.push_back({reservation_flowspec(flowspec, tspec), {}});
      return;
    case Style::ff:
      for (const SenderId& sender : senders) {
        out.push_back({reservation_flowspec(flowspec, tspec_of(sender)), {sender}});
      }
      return;
    case Style::se:
      if (!senders.empty()) {
        out.push_back({reservation_flowspec(flowspec, tspec), std::move(senders)});
      }
      return;
  }
}

// Memberships.

std::uint32_t HostSp::link(std::uint32_t record, const Session& session, bool sending) {
  std::uint32_t m;
  if (free_memberships_.empty()) {
    m = static_cast<std::uint32_t>(memberships_.size());
    memberships_.emplace_back();
  } else {
    m = free_memberships_.back();
    free_memberships_.pop_back();
  }
  Membership& member = memberships_[m];
  member = Membership{};
  member.session = session;
  member.socket = record;
  member.sending = sending;
  member.next_of_socket = records_[record].first;
  records_[record].first = m;
  // At the end of the session's list: the earliest socket comes first (update_session).
  SessionHead& head = sessions_[records_[record].host][session];
  if (head.first == none) {
    head.first = m;
  } else {
    std::uint32_t last = head.first;
    while (memberships_[last].next_in_session != none) last = memberships_[last].next_in_session;
    memberships_[last].next_in_session = m;
  }
  return m;
}

void HostSp::unlink(std::uint32_t m) {
  const Membership member = memberships_[m];
  SocketRecord& record = records_[member.socket];
  const auto unchain = [&](std::uint32_t& first, std::uint32_t Membership::*next) {
    if (first == m) {
      first = member.*next;
      return;
    }
    std::uint32_t before = first;
    while (memberships_[before].*next != m) before = memberships_[before].*next;
    memberships_[before].*next = member.*next;
  };
  unchain(record.first, &Membership::next_of_socket);
  auto& heads = sessions_[record.host];
  SessionHead* head = heads.find(member.session);
  unchain(head->first, &Membership::next_in_session);
  if (head->first == none) heads.erase(member.session);
  memberships_[m] = Membership{};
  free_memberships_.push_back(m);
}

std::uint32_t HostSp::find(std::uint32_t record, const Session& session, bool sending) const {
  for (std::uint32_t m = records_[record].first; m != none; m = memberships_[m].next_of_socket) {
    if (memberships_[m].sending == sending && memberships_[m].session == session) return m;
  }
  return none;
}

std::uint32_t HostSp::first_in(NodeId host, const Session& session) const {
  const SessionHead* head = sessions_[host].find(session);
  return head ? head->first : none;
}

void HostSp::tell(std::uint32_t m, gqos::Indication indication) {
  const std::uint64_t digest = fingerprint(indication);
  if (digest == memberships_[m].told) return;
  memberships_[m].told = digest;
  const SocketRecord& record = records_[memberships_[m].socket];
  sink_(record.host, record.socket, std::move(indication));
}

}  // namespace qosbed::rsvp
