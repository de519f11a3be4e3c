// NodeProtocol's path side (RFC 2209): PATH, PathTear and PathErr arriving, the timers, and the
// local calls of a host's applications.
#include "rsvp/node_protocol.hpp"

#include <algorithm>
#include <utility>

#include "gqos/constants.hpp"
#include "rsvp/adspec.hpp"
#include "rsvp/merge.hpp"
#include "rsvp/overloaded.hpp"

namespace qosbed::rsvp {

NodeProtocol::NodeProtocol(engine::Scheduler& queue, Links& links, TrafficControl& traffic_control,
                           const SoftStateTimes& times, PolicyTable& policies)
    : queue_(queue),
      links_(links),
      traffic_control_(traffic_control),
      times_(times),
      policy_table_(policies) {
  const Topology& topology = links.topology();
  for (NodeId id = 0; id < topology.nodes().size(); ++id) {
    if (topology.node(id).kind == NodeKind::host) hosts_.emplace(topology.node(id).address, id);
    nodes_.emplace_back(store_);
  }
}

NodeProtocol::~NodeProtocol() {
  halt();
}

void NodeProtocol::halt() {
  expiring_.clear();
  cancel(expiry_event_);
  for (NodeState& node : nodes_) {
    for (auto& [key, bsb] : node.blockades) cancel(bsb.timer);
  }
}

void NodeProtocol::cancel(std::uint64_t& timer) {
  if (timer != 0) queue_.cancel(timer);
  timer = 0;
}

void NodeProtocol::set_host_observer(NodeId host, HostObserver* observer) {
  if (observer) {
    host_observers_[host] = observer;
  } else {
    host_observers_.erase(host);
  }
}

HostObserver* NodeProtocol::host_observer(NodeId host) const {
  const auto found = host_observers_.find(host);
  return found == host_observers_.end() ? nullptr : found->second;
}

void NodeProtocol::set_path_policy(NodeId node, PathPolicy policy) {
  path_policies_[node] = std::move(policy);
}

void NodeProtocol::set_policy(NodeId node, Policy policy) {
  policies_[node] = std::move(policy);
}

void NodeProtocol::join(NodeId host, Address group) {
  groups_[group].insert(host);
}

template <typename F>
void NodeProtocol::for_each_destination(const Session& session, F f) const {
  if (auto group = groups_.find(session.destination); group != groups_.end()) {
    for (NodeId member : group->second) f(member);
  } else if (auto host = hosts_.find(session.destination); host != hosts_.end()) {
    f(host->second);
  }
}

bool NodeProtocol::is_destination(NodeId node, const Session& session) const {
  if (auto group = groups_.find(session.destination); group != groups_.end()) {
    return group->second.contains(node);
  }
  return links_.topology().node(node).address == session.destination;
}

void NodeProtocol::deliver(NodeId at, NodeId from, LinkId link, const Message& message) {
  std::visit(Overloaded{
                 [&](const Path& m) { on_path(at, from, link, m); },
                 [&](const Resv& m) { on_resv(at, from, link, m); },
                 [&](const PathTear& m) { on_path_tear(at, from, m, Cause::teardown); },
                 [&](const ResvTear& m) { on_resv_tear(at, from, Cause::teardown, m.session); },
                 [&](const PathErr& m) { on_path_err(at, m); },
                 [&](const ResvErr& m) { on_resv_err(at, from, m); },
                 // RFC 2209 RESVCONF MESSAGE ARRIVES: on toward its receiver, or to it.
                 [&](const ResvConf& m) {
                   if (m.receiver != at) {
                     links_.send_toward(at, m.receiver, m);
                   } else if (applications_) {
                     applications_->on_resv_conf(at, m);
                   }
                 },
             },
             message);
}

// Local calls.

void NodeProtocol::forget_local_sender(NodeId host, const PsbKey& key) {
  auto& psbs = nodes_[host].psbs;
  const auto it = psbs.find(key);
  if (it == psbs.end() || !it->second.path->local() || expiring_.contains(it.state())) return;
  // Nothing refreshes it any more: it times out L after its last PATH, like the path state of
  // every node downstream, and so perhaps before states refreshed since.
  const StateRef state = it.state();
  it->second.expiry.order = queue_.take_order();
  expiring_.insert_in_order(state);
  if (expiring_.front() == state) cancel(expiry_event_);  // due before the one the event is for
  schedule_expiry();
}

void NodeProtocol::forget_reported(NodeId host, const Session& session) {
  for (const auto& entry : nodes_[host].psbs.of(session)) {
    if (entry.second.path->local()) return;
  }
  nodes_[host].reported.erase(session);
}

void NodeProtocol::set_local_request(NodeId host, const Session& session, Style style,
                                     std::vector<FlowDescriptor> descriptors, PolicyRef policy) {
  auto& rsb = nodes_[host].rsbs.try_emplace(RsbKey{session, host}).first->second;
  rsb.resv = resv_states_.intern(
      ResvState{style, host, policy, std::move(descriptors), std::nullopt, std::nullopt});
  nodes_[host].state_changed(session);
}

void NodeProtocol::forget_local_request(NodeId host, const Session& session) {
  nodes_[host].rsbs.erase(RsbKey{session, host});
}

// Path state.

bool NodeProtocol::conflicting_dest_ports(NodeId node, const Session& session) const {
  if (session.port != 0) {
    return nodes_[node].psbs.of(Session{session.destination, 0, session.protocol}).begin() !=
           std::default_sentinel;
  }
  return nodes_[node].ported_sessions.contains({session.destination, session.protocol});
}

void NodeProtocol::count_ported_session(NodeId node, const Session& session, int change) {
  if (session.port == 0) return;
  // Counted when its first PSB comes and when its last goes.
  NodeState& state = nodes_[node];
  auto block = state.psbs.of(session).begin();
  const bool none = block == std::default_sentinel;
  const bool alone = !none && ++block == std::default_sentinel;
  if (change > 0 ? !alone : !none) return;
  auto& count = state.ported_sessions[{session.destination, session.protocol}];
  count += change;
  if (count == 0) state.ported_sessions.erase({session.destination, session.protocol});
}

// RFC 2209 PATH MESSAGE ARRIVES (`from` none: a local sender's SENDER call, RFC 2205 section
// 3.11.1, which RFC 2209 processes alike).
void NodeProtocol::on_path(NodeId at, std::optional<NodeId> from, std::optional<LinkId> link,
                           Path path) {
  // Error checking: a session whose DstPort conflicts with another's is refused with a PathErr
  // (RFC 2205 section 3.2, Appendix B code 7), and so is a sender the node's policy control
  // refuses (section 2.5, Appendix B code 2); the PATH is dropped, and no path state made.
  const auto refuse = [&](ErrorCode code) {
    const PathErr err{path.session, path.sender, ErrorSpec{code, at}, path.tspec};
    if (from) {
      links_.send(Interface{*link, at}, err, *from);
    } else if (HostObserver* observer = host_observer(at)) {
      observer->on_path_error(err.session, err);
    }
  };
  if (conflicting_dest_ports(at, path.session)) {
    static_assert(may_appear_in_path_err(ErrorCode::conflicting_dest_ports));
    return refuse(ErrorCode::conflicting_dest_ports);
  }
  if (const auto policy = path_policies_.find(at);
      policy != path_policies_.end() &&
      !policy->second(path.session, path.tspec, policy_table_.elements(path.policy))) {
    static_assert(may_appear_in_path_err(ErrorCode::policy_failure));
    return refuse(ErrorCode::policy_failure);
  }
  // Search for the PSB of (session, sender); create it if there is none. A new PSB, a new
  // Tspec or a new PHOP needs a PATH refresh, and a new PHOP a RESV refresh to it.
  // A PATH from a previous hop that is not the neighbour it came from crossed routers that do
  // not run RSVP (RFC 2205 section 2.9, which detects it by IP TTL against Send_TTL): they
  // composed nothing, so the ADSPEC's break bit says its values leave them out (RFC 2210
  // section 3.3).
  if (from && links_.topology().link(*link).other_end(at) != *from) {
    path.adspec.general.flags |= gqos::ad_flag_break_bit;
  }
  auto [it, is_new] = nodes_[at].psbs.try_emplace(PsbKey{path.session, path.sender});
  Psb& psb = it->second;
  if (is_new) count_ported_session(at, path.session, 1);

  // The OutInterface_list from routing. Only routers forward; a host forwards its own senders'
  // PATH only. A destination routing cannot reach is no RSVP error (RFC 2205 Appendix B has no
  // code for it): the PATH goes nowhere, and the PSB waits for a route (docs/rsvp.md).
  std::vector<Interface> outs = std::move(outs_scratch_);
  outs.clear();
  if (!from || links_.topology().node(at).kind == NodeKind::router) {
    for_each_destination(path.session, [&](NodeId destination) {
      if (destination == at) return;
      const auto hop = links_.routing().next_hop(at, destination);
      if (hop && std::find(outs.begin(), outs.end(), *hop) == outs.end()) outs.push_back(*hop);
    });
  }
  const PathState* old = is_new ? nullptr : &*psb.path;
  const bool changed = !old || old->tspec != path.tspec || old->phop != from;
  const bool outs_changed = old ? old->outs != outs : !outs.empty();
  if (outs_changed) nodes_[at].state_changed(path.session);
  // A refresh that changes nothing keeps the path state it holds: no lookup in the table.
  if (changed || outs_changed || old->adspec != path.adspec || old->in_link != link ||
      old->policy != path.policy) {
    PathState state{path.tspec, path.adspec, from, link, at, path.policy, {}};
    state.outs.assign(outs);
    psb.path = path_states_.intern(std::move(state));
  }
  outs_scratch_ = std::move(outs);
  // Start or restart the cleanup timer of the PSB. A local sender's has none while its
  // application refreshes it; it would expire L after this PATH.
  if (from) {
    arm(it.state());
  } else {
    expiring_.remove(it.state());
    psb.expiry.expires_us = queue_.now_us() + lifetime_us();
  }

  // PATH REFRESH: the PATH goes on along every outgoing interface, its ADSPEC updated.
  for (const Interface& itf : psb.path->outs) {
    Path next = path;
    compose_hop(next.adspec, links_.topology().link(itf.link).spec);
    links_.send(itf, std::move(next));
  }
  // Reservation state this sender now falls under, or no longer does, after a new PSB or a
  // route change: UPDATE TRAFFIC CONTROL, through admission control like any installation, and
  // a RESV refresh upstream. A re-installation that no longer fits goes back downstream as a
  // ResvErr (RFC 2209 UPDATE TRAFFIC CONTROL).
  if (outs_changed) {
    if (nodes_[at].rsbs.of(path.session).begin() != std::default_sentinel) {
      refuse_downstream(at, path.session, update_traffic_control(at, path.session));
    }
    if (!is_new) forward_resv(at, path.session, std::nullopt, Cause::teardown);
  }
  // Deliver a Path event to the local application (WSA_QOS_SENDERS); new path state is a trigger
  // for its RESV, which goes out now rather than at its next refresh.
  if (from && changed && is_destination(at, path.session)) {
    if (HostObserver* observer = host_observer(at))
      observer->on_path(path.session, path.sender, *psb.path);
    const LocalReceiver* receiver =
        applications_ ? applications_->local_receiver(at, path.session) : nullptr;
    if (receiver) {
      forward_resv(at, path.session, receiver->confirm_pending ? std::optional{at} : std::nullopt,
                   Cause::teardown);
    }
  }
}

// Soft-state cleanup (RFC 2205 section 3.7). The state expires L after its refresh, in the place
// in the engine's order taken then: as if its timer were rescheduled at every refresh, which
// would churn the queue. One event waits for the front of the expiry list; when it comes due
// and the front has been refreshed or deleted since, it moves on to the new front.
void NodeProtocol::arm(StateRef state) {
  Expiry& expiry = store_.expiry(state);
  expiry.expires_us = queue_.now_us() + lifetime_us();
  expiry.order = queue_.take_order();
  expiring_.move_to_back(state);
  schedule_expiry();
}

void NodeProtocol::schedule_expiry() {
  if (expiry_event_ != 0 || expiring_.empty()) return;
  const Expiry& front = store_.expiry(expiring_.front());
  expiry_event_ = queue_.schedule_in_order(front.expires_us, front.order, [this] { expiry_due(); });
}

void NodeProtocol::expiry_due() {
  expiry_event_ = 0;
  const StateRef front = expiring_.front();
  if (front && store_.expiry(front).order == queue_.running_order()) {
    expiring_.remove(front);
    time_out(front);
  }
  schedule_expiry();
}

void NodeProtocol::time_out(StateRef state) {
  if (state.is_rsb()) {
    // The session by value: the teardown erases the block that holds it.
    const auto& [key, rsb] = store_.rsb(state);
    const auto [session, nhop] = key;
    on_resv_tear(rsb.resv->node, nhop, Cause::timeout, session);
  } else {
    const auto& [key, psb] = store_.psb(state);
    on_path_tear(psb.path->node, psb.path->phop, PathTear{key.first, key.second}, Cause::timeout);
  }
}

// RFC 2209 PATHTEAR MESSAGE ARRIVES; a timed-out PSB is torn down as if a PathTear had come from
// its own previous hop, so downstream learns at once. Only path state that matches the SESSION,
// the SENDER_TEMPLATE and the PHOP is deleted (RFC 2205 section 3.1.5): a PathTear from a
// previous hop the sender's path no longer crosses (late, after a route change) is dropped and
// not forwarded.
void NodeProtocol::on_path_tear(NodeId at, std::optional<NodeId> phop, const PathTear& tear,
                                Cause cause) {
  auto& psbs = nodes_[at].psbs;
  auto it = psbs.find(PsbKey{tear.session, tear.sender});
  if (it == psbs.end() || it->second.path->phop != phop) return;
  expiring_.remove(it.state());
  const PathStates::Ref path = std::move(it->second.path);
  psbs.erase(it);
  count_ported_session(at, tear.session, -1);
  for (const Interface& itf : path->outs) links_.send(itf, tear);
  // Reservation state that matched the PSB: traffic control without it, and a RESV refresh.
  if (path->local()) forget_reported(at, tear.session);
  update_traffic_control(at, tear.session);
  forward_resv(at, tear.session, std::nullopt, cause);
  if (!path->local() && is_destination(at, tear.session))
    report_senders_gone(at, tear.session, cause);
}

void NodeProtocol::report_senders_gone(NodeId node, const Session& session, Cause cause) {
  for (const auto& entry : nodes_[node].psbs.of(session)) {
    if (!entry.second.path->local()) return;
  }
  if (HostObserver* observer = host_observer(node)) observer->on_no_senders(session, cause);
}

// RFC 2209 PATHERR MESSAGE ARRIVES: toward the sender along the path state, changing none of it
// (RFC 2205 section 3.1.7); the sender's host tells its application.
void NodeProtocol::on_path_err(NodeId at, const PathErr& err) {
  auto& psbs = nodes_[at].psbs;
  auto it = psbs.find(PsbKey{err.session, err.sender});
  if (it == psbs.end()) return;
  if (const PathState& path = *it->second.path; !path.local()) {
    links_.send(Interface{*path.in_link, at}, err, path.phop);
  } else if (HostObserver* observer = host_observer(at)) {
    observer->on_path_error(err.session, err);
  }
}

}  // namespace qosbed::rsvp
