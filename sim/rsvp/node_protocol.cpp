#include "rsvp/node_protocol.hpp"

#include <algorithm>
#include <utility>

#include "gqos/constants.hpp"
#include "rsvp/merge.hpp"
#include "rsvp/overloaded.hpp"

namespace qosbed::rsvp {

namespace {

std::uint32_t saturate(std::uint64_t value) {
  return static_cast<std::uint32_t>(std::min<std::uint64_t>(value, gqos::positive_infinity_rate));
}

}  // namespace

NodeProtocol::NodeProtocol(engine::Scheduler& queue, Links& links, TrafficControl& traffic_control,
                           const SoftStateTimes& times)
    : queue_(queue),
      links_(links),
      traffic_control_(traffic_control),
      times_(times),
      nodes_(links.topology().nodes().size()) {
  const Topology& topology = links.topology();
  for (NodeId id = 0; id < topology.nodes().size(); ++id) {
    if (topology.node(id).kind == NodeKind::host) hosts_.emplace(topology.node(id).address, id);
  }
  for (NodeState& node : nodes_) index_.emplace_back(node);
}

NodeProtocol::~NodeProtocol() {
  halt();
}

void NodeProtocol::halt() {
  for (NodeState& node : nodes_) {
    for (auto& [key, psb] : node.psbs) cancel(psb.timer);
    for (auto& [key, rsb] : node.rsbs) cancel(rsb.timer);
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
                 [&](const PathTear& m) { on_path_tear(at, m, Cause::teardown); },
                 [&](const ResvTear& m) { on_resv_tear(at, from, Cause::teardown, m.session); },
                 [&](const PathErr& m) { on_path_err(at, m); },
                 [&](const ResvErr& m) { on_resv_err(at, m); },
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
  index_[host].psbs.erase(key);
  install(host, key.first, false);
}

void NodeProtocol::set_local_request(NodeId host, const Session& session, Style style,
                                     std::vector<FlowDescriptor> descriptors) {
  auto& rsb = index_[host].rsbs.try_emplace(RsbKey{session, host}).first->second;
  rsb.style = style;
  rsb.descriptors = std::move(descriptors);
  index_[host].state_changed(session);
}

void NodeProtocol::forget_local_request(NodeId host, const Session& session) {
  index_[host].rsbs.erase(RsbKey{session, host});
}

// Path state.

void NodeProtocol::on_path(NodeId at, std::optional<NodeId> from, std::optional<LinkId> link,
                           Path path) {
  const PsbKey key{path.session, path.sender};
  auto [it, is_new] = index_[at].psbs.try_emplace(key);
  Psb& psb = it->second;
  const bool changed = is_new || psb.tspec != path.tspec || psb.phop != from;
  psb.tspec = path.tspec;
  psb.adspec = path.adspec;
  psb.phop = from;
  psb.in_link = link;

  // Only routers forward; a host forwards its own senders' PATH only.
  std::vector<Interface> outs = std::move(outs_scratch_);
  outs.clear();
  bool unreachable = false;
  if (!from || links_.topology().node(at).kind == NodeKind::router) {
    for_each_destination(path.session, [&](NodeId destination) {
      if (destination == at) return;
      const auto hop = links_.routing().next_hop(at, destination);
      if (!hop) {
        unreachable = true;
      } else if (std::find(outs.begin(), outs.end(), *hop) == outs.end()) {
        outs.push_back(*hop);
      }
    });
  }
  const bool outs_changed = psb.outs != outs;
  if (outs_changed) {
    index_[at].state_changed(path.session);
    psb.outs = outs;
  }
  outs_scratch_ = std::move(outs);
  if (from) arm_psb_timer(at, key, psb);

  for (const Interface& itf : psb.outs) {
    const LinkSpec& spec = links_.topology().link(itf.link).spec;
    Path next = path;
    auto& general = next.adspec.general_params;
    ++general.intserv_aware_hop_count;
    general.path_bandwidth_estimate =
        std::min(general.path_bandwidth_estimate, saturate(spec.bandwidth));
    general.minimum_latency = saturate(std::uint64_t{general.minimum_latency} +
                                       static_cast<std::uint64_t>(spec.delay_us));
    links_.send(itf, std::move(next));
  }
  if (unreachable) {
    const PathErr err{path.session, path.sender, ErrorSpec{ErrorCode::no_path, at}};
    if (from) {
      links_.send(Interface{*link, at}, err);
    } else {
      on_path_err(at, err);
    }
  }
  if (outs_changed && !is_new) {
    install(at, path.session, false);
    forward_resv(at, path.session, std::nullopt, Cause::teardown);
  }
  if (from && changed && is_destination(at, path.session)) {
    if (HostObserver* observer = host_observer(at))
      observer->on_path(path.session, path.sender, psb);
    // New path state is a trigger: the receiver's request goes out now, not at its next refresh.
    const LocalReceiver* receiver =
        applications_ ? applications_->local_receiver(at, path.session) : nullptr;
    if (receiver) {
      forward_resv(at, path.session, receiver->confirm_pending ? std::optional{at} : std::nullopt,
                   Cause::teardown);
    }
  }
}

void NodeProtocol::arm_psb_timer(NodeId node, const PsbKey& key, Psb& psb) {
  psb.expires_us = queue_.now_us() + lifetime_us();
  psb.expiry_order = queue_.take_order();
  if (psb.timer == 0) psb.timer = schedule_psb_expiry(node, key, psb);
}

engine::EventId NodeProtocol::schedule_psb_expiry(NodeId node, const PsbKey& key, const Psb& psb) {
  return queue_.schedule_in_order(
      psb.expires_us, psb.expiry_order, [this, node, key, order = psb.expiry_order] {
        auto& psbs = index_[node].psbs;
        const auto it = psbs.find(key);
        if (it == psbs.end()) return;
        Psb& psb = it->second;
        if (psb.expiry_order != order) {  // refreshed since: expire in the later place
          psb.timer = schedule_psb_expiry(node, key, psb);
          return;
        }
        psb.timer = 0;
        on_path_tear(node, PathTear{key.first, key.second}, Cause::timeout);
      });
}

// A timed-out PSB is torn down as if a PathTear had come: downstream learns at once.
void NodeProtocol::on_path_tear(NodeId at, const PathTear& tear, Cause cause) {
  auto& psbs = index_[at].psbs;
  auto it = psbs.find(PsbKey{tear.session, tear.sender});
  if (it == psbs.end()) return;
  Psb psb = std::move(it->second);
  psbs.erase(it);
  cancel(psb.timer);
  for (const Interface& itf : psb.outs) links_.send(itf, tear);
  install(at, tear.session, false);
  forward_resv(at, tear.session, std::nullopt, cause);
  if (!psb.local() && is_destination(at, tear.session))
    report_senders_gone(at, tear.session, cause);
}

void NodeProtocol::report_senders_gone(NodeId node, const Session& session, Cause cause) {
  for (const auto& entry : index_[node].psbs.of(session)) {
    if (!entry.second.local()) return;
  }
  if (HostObserver* observer = host_observer(node)) observer->on_no_senders(session, cause);
}

void NodeProtocol::on_path_err(NodeId at, const PathErr& err) {
  auto& psbs = index_[at].psbs;
  auto it = psbs.find(PsbKey{err.session, err.sender});
  if (it == psbs.end()) return;
  if (!it->second.local()) {
    links_.send(Interface{*it->second.in_link, at}, err);
  } else if (HostObserver* observer = host_observer(at)) {
    observer->on_path_error(err.session, err);
  }
}

// Reservation state.

template <typename Keep>
void NodeProtocol::routed(NodeId node, const Session& session, std::optional<LinkId> itf_link,
                          std::vector<SenderId>& senders, Keep keep) const {
  senders.clear();
  for (const auto& entry : index_[node].psbs.of(session)) {
    const Psb& psb = entry.second;
    const bool through = itf_link ? std::find(psb.outs.begin(), psb.outs.end(),
                                              Interface{*itf_link, node}) != psb.outs.end()
                                  : !psb.local();
    if (through && keep(psb)) senders.push_back(entry.first.second);
  }
}

bool NodeProtocol::restrict(const Rsb& rsb, const std::vector<SenderId>& senders,
                            std::vector<FlowDescriptor>& parts, std::vector<FlowDescriptor>& out) {
  if (senders.empty()) return false;
  parts.clear();
  for (const auto& descriptor : rsb.descriptors) {
    if (rsb.style == Style::wf) {
      parts.push_back({descriptor.flowspec, {}});
      continue;
    }
    FlowDescriptor part{descriptor.flowspec, {}};
    for (const auto& sender : descriptor.filters) {
      if (std::binary_search(senders.begin(), senders.end(), sender)) {
        part.filters.push_back(sender);
      }
    }
    if (!part.filters.empty()) parts.push_back(std::move(part));
  }
  const std::size_t before = out.size();
  merge_into(rsb.style, parts, out);
  return out.size() != before;
}

bool NodeProtocol::install(NodeId node, const Session& session, bool admit) {
  TrafficControl::Wanted wanted;
  const auto& rsbs = index_[node].rsbs;
  std::vector<SenderId> senders;
  std::vector<FlowDescriptor> parts;
  std::vector<FlowDescriptor> restricted;
  for (const auto& [key, rsb] : rsbs.of(session)) {
    if (!rsb.link) continue;
    routed(node, session, rsb.link, senders, [](const Psb&) { return true; });
    const Interface itf{*rsb.link, node};
    restricted.clear();
    restrict(rsb, senders, parts, restricted);
    for (auto& descriptor : restricted) {
      auto entry = std::find_if(wanted.begin(), wanted.end(),
                                [&itf](const auto& wanted_on) { return wanted_on.first == itf; });
      if (entry == wanted.end()) entry = wanted.insert(wanted.end(), {itf, {}});
      entry->second.push_back(
          Reservation{session, rsb.style, std::move(descriptor.filters), descriptor.flowspec});
    }
  }
  if (admit && !traffic_control_.admits(session, wanted)) return false;
  traffic_control_.install(node, session, wanted);
  index_[node].set_installed(session);
  return true;
}

void NodeProtocol::on_resv(NodeId at, NodeId from, LinkId link, const Resv& resv) {
  if (resv.descriptors.empty()) return;
  NodeIndex& index = index_[at];
  auto& rsbs = index.rsbs;
  // The request as one descriptor, as a ResvErr names it: merged only when one is sent.
  const auto requested = [&resv] { return merge(Style::se, resv.descriptors).front(); };
  for (const auto& [other, rsb] : rsbs.of(resv.session)) {
    if (other.second != from && rsb.style != resv.style) {
      send_resv_err(at, link, resv.session, ErrorCode::conflicting_style, requested());
      return;
    }
  }
  if (auto policy = policies_.find(at); policy != policies_.end()) {
    for (const auto& descriptor : resv.descriptors) {
      if (!policy->second(resv.session, descriptor)) {
        send_resv_err(at, link, resv.session, ErrorCode::policy_failure, descriptor);
        return;
      }
    }
  }
  const RsbKey key{resv.session, from};
  const auto [it, added] = rsbs.try_emplace(key);
  Rsb& rsb = it->second;
  // A refresh that changes nothing, while the session's reservations are known to be installed
  // as its state gives them, would find every one in place: installing is skipped.
  const bool current = !added && index.installed(resv.session) && rsb.style == resv.style &&
                       rsb.link == link && rsb.descriptors == resv.descriptors;
  if (!current) {
    std::optional<Rsb> old;
    if (!added) old = rsb;
    rsb.style = resv.style;
    rsb.descriptors = resv.descriptors;
    rsb.link = link;
    index.state_changed(resv.session);
    if (!install(at, resv.session, true)) {
      // The request does not fit: the reservation in place, if any, stays and stays refreshed
      // (RFC 2205 section 3.5), and the receivers learn of the failure.
      if (old) {
        rsb = *old;
        arm_rsb_timer(at, key, rsb);
      } else {
        rsbs.erase(it);
      }
      send_resv_err(at, link, resv.session, ErrorCode::admission_failure, requested());
      return;
    }
  }
  rsb.confirm_to = resv.confirm_to;
  arm_rsb_timer(at, key, rsb);
  forward_resv(at, resv.session, resv.confirm_to, Cause::teardown);
}

void NodeProtocol::arm_rsb_timer(NodeId node, const RsbKey& key, Rsb& rsb) {
  rsb.expires_us = queue_.now_us() + lifetime_us();
  rsb.expiry_order = queue_.take_order();
  if (rsb.timer == 0) rsb.timer = schedule_rsb_expiry(node, key, rsb);
}

engine::EventId NodeProtocol::schedule_rsb_expiry(NodeId node, const RsbKey& key, const Rsb& rsb) {
  return queue_.schedule_in_order(
      rsb.expires_us, rsb.expiry_order, [this, node, key, order = rsb.expiry_order] {
        auto& rsbs = index_[node].rsbs;
        const auto it = rsbs.find(key);
        if (it == rsbs.end()) return;
        Rsb& rsb = it->second;
        if (rsb.expiry_order != order) {  // refreshed since: expire in the later place
          rsb.timer = schedule_rsb_expiry(node, key, rsb);
          return;
        }
        rsb.timer = 0;
        on_resv_tear(node, key.second, Cause::timeout, key.first);
      });
}

void NodeProtocol::on_resv_tear(NodeId at, NodeId from, Cause cause, const Session& session) {
  auto& rsbs = index_[at].rsbs;
  auto it = rsbs.find(RsbKey{session, from});
  if (it == rsbs.end() || !it->second.link) return;
  cancel(it->second.timer);
  rsbs.erase(it);
  install(at, session, false);
  forward_resv(at, session, std::nullopt, cause);
}

void NodeProtocol::forward_resv(NodeId at, const Session& session, std::optional<NodeId> confirm_to,
                                Cause cause) {
  auto& node = nodes_[at];
  MergeScratch scratch = std::move(merge_scratch_);
  // Every previous hop of the session's senders (nullopt: the senders of this host), and every
  // one a request went to before, which may now be owed a ResvTear.
  auto& upstream = scratch.upstream;  // sorted and unique: nullopt first
  upstream.clear();
  NodeIndex& index = index_[at];
  for (const auto& [key, psb] : index.psbs.of(session)) {
    upstream.push_back(psb.phop);
  }
  if (const HopSet* forwarded = index.forwarded(session)) {
    forwarded->for_each([&upstream](NodeId hop) { upstream.push_back(hop); });
  }
  if (node.reported.find(session)) upstream.push_back(std::nullopt);
  std::sort(upstream.begin(), upstream.end());
  upstream.erase(std::unique(upstream.begin(), upstream.end()), upstream.end());

  const auto blockade = node.blockades.find(session);
  const bool blockaded =
      blockade != node.blockades.end() && blockade->second.expires_us > queue_.now_us();
  for (const auto& phop : upstream) {
    Style style = Style::wf;
    auto& parts = scratch.parts;
    parts.clear();
    for (const auto& [key, rsb] : index.rsbs.of(session)) {
      routed(at, session, rsb.link, scratch.senders,
             [&](const Psb& psb) { return psb.phop == phop; });
      if (restrict(rsb, scratch.senders, scratch.rsb_parts, parts)) style = rsb.style;
    }
    if (blockaded) {
      // Leave out the requests the blockade names, unless nothing else is left.
      std::vector<FlowDescriptor> allowed;
      for (const auto& part : parts) {
        if (part.flowspec.token_rate < blockade->second.flowspec.token_rate)
          allowed.push_back(part);
      }
      if (!allowed.empty()) parts = std::move(allowed);
    }
    auto merged = merge(style, parts);

    if (!phop) {
      HostObserver* observer = host_observer(at);
      const auto* reported = node.reported.find(session);
      if (merged.empty()) {
        if (reported) {
          node.reported.erase(session);
          if (observer) observer->on_no_reservations(session, cause);
        }
        continue;
      }
      if (!reported || *reported != merged) {
        node.reported[session] = merged;
        if (observer) observer->on_reservation(session, style, merged);
      }
      // The request reached the sender: every hop on the way admitted it.
      if (confirm_to) links_.send_toward(at, *confirm_to, ResvConf{session, *confirm_to, merged});
      continue;
    }
    const auto itf = links_.interface_toward(at, *phop);
    if (merged.empty()) {
      if (index.remove_forwarded(session, *phop) && itf) links_.send(*itf, ResvTear{session});
      continue;
    }
    index.add_forwarded(session, *phop);
    if (itf) links_.send(*itf, Resv{session, style, std::move(merged), confirm_to});
  }
  merge_scratch_ = std::move(scratch);
}

void NodeProtocol::send_resv_err(NodeId at, LinkId link, const Session& session, ErrorCode code,
                                 FlowDescriptor descriptor) {
  links_.send(Interface{link, at}, ResvErr{session, ErrorSpec{code, at}, std::move(descriptor)});
}

// A ResvErr travels toward the receivers whose requests caused it; after an admission failure
// each node on the way blockades the failed flowspec.
void NodeProtocol::on_resv_err(NodeId at, const ResvErr& err) {
  auto& node = nodes_[at];
  const bool admission = err.error.code == ErrorCode::admission_failure;
  if (admission) {
    node.blockades[err.session] =
        Blockade{err.descriptor.flowspec, queue_.now_us() + blockade_us(times_)};
  }
  const auto& rsbs = index_[at].rsbs;
  for (const auto& [key, rsb] : rsbs.of(err.session)) {
    if (!rsb.link) {
      if (HostObserver* observer = host_observer(at)) {
        observer->on_reservation_error(err.session, err);
      }
      continue;
    }
    const auto own = merge(Style::se, rsb.descriptors);
    if (admission && !own.empty() &&
        own.front().flowspec.token_rate < err.descriptor.flowspec.token_rate) {
      continue;
    }
    links_.send(Interface{*rsb.link, at}, err);
  }
}

}  // namespace qosbed::rsvp
