#include "rsvp/network.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "gqos/constants.hpp"
#include "rsvp/overloaded.hpp"

namespace qosbed::rsvp {

namespace {

std::uint32_t saturate(std::uint64_t value) {
  return static_cast<std::uint32_t>(std::min<std::uint64_t>(value, gqos::positive_infinity_rate));
}

std::uint64_t total_rate(const std::vector<Reservation>& reservations) {
  std::uint64_t sum = 0;
  for (const auto& r : reservations) sum += r.flowspec.token_rate;
  return sum;
}

// Merges descriptors of one style: WF to one unfiltered descriptor, SE to one with the union of
// filters, FF to one per sender; each at the least upper bound of what it merges. Appends them
// to `merged`.
void merge_into(Style style, const std::vector<FlowDescriptor>& parts,
                std::vector<FlowDescriptor>& merged) {
  if (parts.empty()) return;
  if (style == Style::ff) {
    std::map<SenderId, gqos::FlowSpec> per_sender;
    for (const auto& part : parts) {
      for (const auto& sender : part.filters) {
        auto [it, added] = per_sender.try_emplace(sender, part.flowspec);
        if (!added) it->second = lub(it->second, part.flowspec);
      }
    }
    for (const auto& [sender, flowspec] : per_sender) merged.push_back({flowspec, {sender}});
    return;
  }
  FlowDescriptor one{parts.front().flowspec, {}};
  std::set<SenderId> filters;
  for (const auto& part : parts) {
    one.flowspec = lub(one.flowspec, part.flowspec);
    filters.insert(part.filters.begin(), part.filters.end());
  }
  if (style == Style::se) one.filters.assign(filters.begin(), filters.end());
  merged.push_back(std::move(one));
}

std::vector<FlowDescriptor> merge(Style style, const std::vector<FlowDescriptor>& parts) {
  std::vector<FlowDescriptor> merged;
  merge_into(style, parts, merged);
  return merged;
}

// The adspec a sender starts with: no hops yet, nothing limiting.
gqos::Adspec initial_adspec() {
  gqos::Adspec adspec;
  adspec.general_params =
      gqos::AdGeneralParams{0, gqos::positive_infinity_rate, 0, gqos::qos_not_specified, 0};
  return adspec;
}

}  // namespace

Network::Network(engine::EventQueue& queue, Topology topology, NetworkOptions options)
    : queue_(queue),
      topology_(std::move(topology)),
      options_(options),
      routing_(topology_),
      random_(options.seed),
      nodes_(topology_.nodes().size()),
      installed_(2 * topology_.links().size()),
      reserved_(2 * topology_.links().size()) {
  if (options_.times.refresh_us <= 0 || options_.times.k < 1) {
    throw std::invalid_argument("refresh period and K must be positive");
  }
  for (NodeId id = 0; id < topology_.nodes().size(); ++id) {
    if (topology_.node(id).kind == NodeKind::host) hosts_.emplace(topology_.node(id).address, id);
  }
  for (NodeState& node : nodes_) index_.emplace_back(node);
}

Network::~Network() {
  halt();
}

// Everything the network schedules is a message in flight, a refresh of an application or the
// expiry of a PSB or RSB; each holds its event.
void Network::halt() {
  for (NodeState& node : nodes_) {
    for (auto& [key, psb] : node.psbs) cancel(psb.timer);
    for (auto& [key, rsb] : node.rsbs) cancel(rsb.timer);
  }
  for (auto& [key, app] : senders_) cancel(app.timer);
  for (auto& [key, app] : receivers_) cancel(app.timer);
  for (InFlight& message : in_flight_) cancel(message.event);
}

void Network::cancel(std::uint64_t& timer) {
  if (timer != 0) queue_.cancel(timer);
  timer = 0;
}

std::optional<std::size_t> Network::index_of(Interface itf) const {
  if (itf.link >= topology_.links().size()) return std::nullopt;
  const Link& link = topology_.link(itf.link);
  if (itf.from != link.a && itf.from != link.b) return std::nullopt;
  return 2 * std::size_t{itf.link} + (itf.from == link.a ? 0 : 1);
}

void Network::set_host_observer(NodeId host, HostObserver* observer) {
  if (observer) {
    host_observers_[host] = observer;
  } else {
    host_observers_.erase(host);
  }
}

void Network::set_policy(NodeId node, Policy policy) {
  policies_[node] = std::move(policy);
}

void Network::set_link_up(LinkId link, bool up) {
  topology_.link(link).up = up;
  routing_.forget();
}

void Network::set_link_loss(LinkId link, double loss) {
  if (!(loss >= 0.0 && loss <= 1.0)) throw std::invalid_argument("loss outside [0, 1]");
  topology_.link(link).spec.loss = loss;
}

void Network::join(NodeId host, Address group) {
  groups_[group].insert(host);
}

template <typename F>
void Network::for_each_destination(const Session& session, F f) const {
  if (auto group = groups_.find(session.destination); group != groups_.end()) {
    for (NodeId member : group->second) f(member);
  } else if (auto host = hosts_.find(session.destination); host != hosts_.end()) {
    f(host->second);
  }
}

bool Network::is_destination(NodeId node, const Session& session) const {
  if (auto group = groups_.find(session.destination); group != groups_.end()) {
    return group->second.contains(node);
  }
  return topology_.node(node).address == session.destination;
}

std::optional<Interface> Network::interface_toward(NodeId from, NodeId neighbour) const {
  if (auto link = topology_.link_between(from, neighbour)) return Interface{*link, from};
  return std::nullopt;
}

std::vector<Reservation> Network::reservations(Interface itf) const {
  const auto index = index_of(itf);
  if (!index) return {};
  std::vector<std::pair<Session, const std::vector<Reservation>*>> by_session;
  installed_[*index].for_each([&by_session](const Session& session, const auto& list) {
    by_session.emplace_back(session, &list);
  });
  std::sort(by_session.begin(), by_session.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Reservation> all;
  for (const auto& [session, list] : by_session) all.insert(all.end(), list->begin(), list->end());
  return all;
}

std::uint64_t Network::reserved(Interface itf) const {
  const auto index = index_of(itf);
  return index ? reserved_[*index] : 0;
}

// Transport.

void Network::send(Interface itf, Message message) {
  const Link& link = topology_.link(itf.link);
  const NodeId to = link.other_end(itf.from);
  if (message_observer_) message_observer_->on_sent(itf.from, to, itf.link, message);
  if (!link.up || random_.lost(link.spec.loss)) {
    if (message_observer_) {
      message_observer_->on_dropped(itf.from, to, itf.link, message,
                                    link.up ? Drop::lost : Drop::link_down);
    }
    return;
  }
  std::uint32_t slot;
  if (free_in_flight_.empty()) {
    slot = static_cast<std::uint32_t>(in_flight_.size());
    in_flight_.emplace_back();
  } else {
    slot = free_in_flight_.back();
    free_in_flight_.pop_back();
  }
  InFlight& in_flight = in_flight_[slot];
  in_flight.message = std::move(message);
  in_flight.to = to;
  in_flight.itf = itf;
  in_flight.event =
      queue_.schedule_at(queue_.now_us() + link.spec.delay_us, [this, slot] { arrive(slot); });
}

void Network::arrive(std::uint32_t slot) {
  // Out of the pool first: delivering sends further messages, which may reuse the slot or grow
  // the pool.
  InFlight& in_flight = in_flight_[slot];
  const Message message = std::move(in_flight.message);
  const NodeId to = in_flight.to;
  const Interface itf = in_flight.itf;
  in_flight.event = 0;
  free_in_flight_.push_back(slot);
  deliver(to, itf.from, itf.link, message);
}

// ResvConf is addressed to the receiver and routed like any unicast datagram.
void Network::send_toward(NodeId from, NodeId target, Message message) {
  if (from == target) {
    deliver(target, from, 0, message);
    return;
  }
  if (auto hop = routing_.next_hop(from, target)) send(*hop, std::move(message));
}

void Network::deliver(NodeId at, NodeId from, LinkId link, const Message& message) {
  if (message_observer_ && from != at) message_observer_->on_received(at, from, link, message);
  std::visit(Overloaded{
                 [&](const Path& m) { on_path(at, from, link, m); },
                 [&](const Resv& m) { on_resv(at, from, link, m); },
                 [&](const PathTear& m) { on_path_tear(at, m, Cause::teardown); },
                 [&](const ResvTear& m) { on_resv_tear(at, from, Cause::teardown, m.session); },
                 [&](const PathErr& m) { on_path_err(at, m); },
                 [&](const ResvErr& m) { on_resv_err(at, m); },
                 [&](const ResvConf& m) {
                   if (m.receiver == at) {
                     on_resv_conf(at, m);
                   } else {
                     send_toward(at, m.receiver, m);
                   }
                 },
             },
             message);
}

// Applications.

std::size_t Network::SenderKeyHash::operator()(const SenderKey& key) const {
  const std::uint64_t sender = (std::uint64_t{key.second.address} << 16) | key.second.port;
  return SessionHash{}(key.first) ^ static_cast<std::size_t>(sender * 0x9e3779b97f4a7c15ULL);
}

std::size_t Network::ReceiverKeyHash::operator()(const ReceiverKey& key) const {
  return SessionHash{}(key.second) ^ static_cast<std::size_t>(key.first * 0x9e3779b97f4a7c15ULL);
}

void Network::start_sender(NodeId host, const Session& session, std::uint16_t port,
                           const gqos::FlowSpec& tspec) {
  auto& entry =
      *senders_.try_emplace(SenderKey{session, {topology_.node(host).address, port}}).first;
  cancel(entry.second.timer);
  entry.second.host = host;
  entry.second.tspec = tspec;
  refresh_path(entry);
}

void Network::refresh_path(SenderApps::value_type& entry) {
  const auto& [session, sender] = entry.first;
  SenderApp& app = entry.second;
  on_path(app.host, std::nullopt, std::nullopt, Path{session, sender, app.tspec, initial_adspec()});
  app.timer =
      queue_.schedule_at(queue_.now_us() + random_.refresh_interval(options_.times.refresh_us),
                         [this, &entry] { refresh_path(entry); });
}

void Network::silence_sender(NodeId host, const Session& session, std::uint16_t port) {
  const SenderKey key{session, SenderId{topology_.node(host).address, port}};
  if (auto it = senders_.find(key); it != senders_.end()) {
    cancel(it->second.timer);
    senders_.erase(it);
  }
  // The application is gone without a word: its host forgets it, the network finds out by
  // timeout.
  index_[host].psbs.erase(key);
  install(host, session, false);
}

void Network::stop_sender(NodeId host, const Session& session, std::uint16_t port) {
  const SenderKey key{session, SenderId{topology_.node(host).address, port}};
  if (auto it = senders_.find(key); it != senders_.end()) {
    cancel(it->second.timer);
    senders_.erase(it);
  }
  on_path_tear(host, PathTear{session, key.second}, Cause::teardown);
}

void Network::reserve(NodeId host, const Session& session, ReservationRequest request) {
  auto& rsb = index_[host].rsbs.try_emplace(RsbKey{session, host}).first->second;
  rsb.style = request.style;
  rsb.descriptors = std::move(request.descriptors);
  index_[host].state_changed(session);
  auto& entry = *receivers_.try_emplace(ReceiverKey{host, session}).first;
  cancel(entry.second.timer);
  entry.second.confirm_pending = request.confirm;
  refresh_resv(entry);
}

void Network::refresh_resv(ReceiverApps::value_type& entry) {
  const auto& [host, session] = entry.first;
  ReceiverApp& app = entry.second;
  forward_resv(host, session, app.confirm_pending ? std::optional{host} : std::nullopt,
               Cause::teardown);
  app.timer =
      queue_.schedule_at(queue_.now_us() + random_.refresh_interval(options_.times.refresh_us),
                         [this, &entry] { refresh_resv(entry); });
}

void Network::silence_receiver(NodeId host, const Session& session) {
  if (auto it = receivers_.find(ReceiverKey{host, session}); it != receivers_.end()) {
    cancel(it->second.timer);
    receivers_.erase(it);
  }
  index_[host].rsbs.erase(RsbKey{session, host});
}

void Network::release(NodeId host, const Session& session) {
  silence_receiver(host, session);
  forward_resv(host, session, std::nullopt, Cause::teardown);
}

// Path state.

void Network::on_path(NodeId at, std::optional<NodeId> from, std::optional<LinkId> link,
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
  if (!from || topology_.node(at).kind == NodeKind::router) {
    for_each_destination(path.session, [&](NodeId destination) {
      if (destination == at) return;
      const auto hop = routing_.next_hop(at, destination);
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
    const LinkSpec& spec = topology_.link(itf.link).spec;
    Path next = path;
    auto& general = next.adspec.general_params;
    ++general.intserv_aware_hop_count;
    general.path_bandwidth_estimate =
        std::min(general.path_bandwidth_estimate, saturate(spec.bandwidth));
    general.minimum_latency = saturate(std::uint64_t{general.minimum_latency} +
                                       static_cast<std::uint64_t>(spec.delay_us));
    send(itf, std::move(next));
  }
  if (unreachable) {
    const PathErr err{path.session, path.sender, ErrorSpec{ErrorCode::no_path, at}};
    if (from) {
      send(Interface{*link, at}, err);
    } else {
      on_path_err(at, err);
    }
  }
  if (outs_changed && !is_new) {
    install(at, path.session, false);
    forward_resv(at, path.session, std::nullopt, Cause::teardown);
  }
  if (from && changed && is_destination(at, path.session)) {
    if (auto observer = host_observers_.find(at); observer != host_observers_.end()) {
      observer->second->on_path(path.session, path.sender, psb);
    }
    // New path state is a trigger: the receiver's request goes out now, not at its next refresh.
    if (auto app = receivers_.find(ReceiverKey{at, path.session}); app != receivers_.end()) {
      forward_resv(at, path.session, app->second.confirm_pending ? std::optional{at} : std::nullopt,
                   Cause::teardown);
    }
  }
}

void Network::arm_psb_timer(NodeId node, const PsbKey& key, Psb& psb) {
  psb.expires_us = queue_.now_us() + lifetime_us();
  psb.expiry_order = queue_.take_order();
  if (psb.timer == 0) psb.timer = schedule_psb_expiry(node, key, psb);
}

engine::EventId Network::schedule_psb_expiry(NodeId node, const PsbKey& key, const Psb& psb) {
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
void Network::on_path_tear(NodeId at, const PathTear& tear, Cause cause) {
  auto& psbs = index_[at].psbs;
  auto it = psbs.find(PsbKey{tear.session, tear.sender});
  if (it == psbs.end()) return;
  Psb psb = std::move(it->second);
  psbs.erase(it);
  cancel(psb.timer);
  for (const Interface& itf : psb.outs) send(itf, tear);
  install(at, tear.session, false);
  forward_resv(at, tear.session, std::nullopt, cause);
  if (!psb.local() && is_destination(at, tear.session))
    report_senders_gone(at, tear.session, cause);
}

void Network::report_senders_gone(NodeId node, const Session& session, Cause cause) {
  for (const auto& entry : index_[node].psbs.of(session)) {
    if (!entry.second.local()) return;
  }
  if (auto observer = host_observers_.find(node); observer != host_observers_.end()) {
    observer->second->on_no_senders(session, cause);
  }
}

void Network::on_path_err(NodeId at, const PathErr& err) {
  auto& psbs = index_[at].psbs;
  auto it = psbs.find(PsbKey{err.session, err.sender});
  if (it == psbs.end()) return;
  if (!it->second.local()) {
    send(Interface{*it->second.in_link, at}, err);
  } else if (auto observer = host_observers_.find(at); observer != host_observers_.end()) {
    observer->second->on_path_error(err.session, err);
  }
}

// Reservation state.

template <typename Keep>
void Network::routed(NodeId node, const Session& session, std::optional<LinkId> itf_link,
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

bool Network::restrict(const Rsb& rsb, const std::vector<SenderId>& senders,
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

bool Network::install(NodeId node, const Session& session, bool admit) {
  // A node has few interfaces: a vector searched by interface beats a map.
  std::vector<std::pair<Interface, std::vector<Reservation>>> fresh;
  auto fresh_on = [&fresh](const Interface& itf) {
    return std::find_if(fresh.begin(), fresh.end(),
                        [&itf](const auto& entry) { return entry.first == itf; });
  };
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
      auto entry = fresh_on(itf);
      if (entry == fresh.end()) entry = fresh.insert(fresh.end(), {itf, {}});
      entry->second.push_back(
          Reservation{session, rsb.style, std::move(descriptor.filters), descriptor.flowspec});
    }
  }
  auto current = [&](const Interface& itf) -> const std::vector<Reservation>* {
    const auto index = index_of(itf);
    if (!index) return nullptr;
    return installed_[*index].find(session);
  };
  if (admit) {
    for (const auto& [itf, list] : fresh) {
      const auto* old = current(itf);
      const std::uint64_t before = old ? total_rate(*old) : 0;
      const std::uint64_t after = total_rate(list);
      if (after > before &&
          reserved(itf) - before + after > topology_.link(itf.link).reservable()) {
        return false;
      }
    }
  }
  for (LinkId link : topology_.links_at(node)) {
    const Interface itf{link, node};
    const auto* old = current(itf);
    auto list = fresh_on(itf);
    const std::uint64_t before = old ? total_rate(*old) : 0;
    const std::uint64_t after = list == fresh.end() ? 0 : total_rate(list->second);
    if (!old && list == fresh.end()) continue;
    const std::size_t index = *index_of(itf);
    reserved_[index] = reserved_[index] - before + after;
    if (list == fresh.end()) {
      installed_[index].erase(session);
    } else {
      installed_[index][session] = std::move(list->second);
    }
  }
  index_[node].set_installed(session);
  return true;
}

void Network::on_resv(NodeId at, NodeId from, LinkId link, const Resv& resv) {
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

void Network::arm_rsb_timer(NodeId node, const RsbKey& key, Rsb& rsb) {
  rsb.expires_us = queue_.now_us() + lifetime_us();
  rsb.expiry_order = queue_.take_order();
  if (rsb.timer == 0) rsb.timer = schedule_rsb_expiry(node, key, rsb);
}

engine::EventId Network::schedule_rsb_expiry(NodeId node, const RsbKey& key, const Rsb& rsb) {
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

void Network::on_resv_tear(NodeId at, NodeId from, Cause cause, const Session& session) {
  auto& rsbs = index_[at].rsbs;
  auto it = rsbs.find(RsbKey{session, from});
  if (it == rsbs.end() || !it->second.link) return;
  cancel(it->second.timer);
  rsbs.erase(it);
  install(at, session, false);
  forward_resv(at, session, std::nullopt, cause);
}

void Network::forward_resv(NodeId at, const Session& session, std::optional<NodeId> confirm_to,
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
      HostObserver* observer = nullptr;
      if (auto found = host_observers_.find(at); found != host_observers_.end()) {
        observer = found->second;
      }
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
      if (confirm_to) send_toward(at, *confirm_to, ResvConf{session, *confirm_to, merged});
      continue;
    }
    const auto itf = interface_toward(at, *phop);
    if (merged.empty()) {
      if (index.remove_forwarded(session, *phop) && itf) send(*itf, ResvTear{session});
      continue;
    }
    index.add_forwarded(session, *phop);
    if (itf) send(*itf, Resv{session, style, std::move(merged), confirm_to});
  }
  merge_scratch_ = std::move(scratch);
}

void Network::send_resv_err(NodeId at, LinkId link, const Session& session, ErrorCode code,
                            FlowDescriptor descriptor) {
  send(Interface{link, at}, ResvErr{session, ErrorSpec{code, at}, std::move(descriptor)});
}

// A ResvErr travels toward the receivers whose requests caused it; after an admission failure
// each node on the way blockades the failed flowspec.
void Network::on_resv_err(NodeId at, const ResvErr& err) {
  auto& node = nodes_[at];
  const bool admission = err.error.code == ErrorCode::admission_failure;
  if (admission) {
    node.blockades[err.session] =
        Blockade{err.descriptor.flowspec, queue_.now_us() + blockade_us(options_.times)};
  }
  const auto& rsbs = index_[at].rsbs;
  for (const auto& [key, rsb] : rsbs.of(err.session)) {
    if (!rsb.link) {
      if (auto observer = host_observers_.find(at); observer != host_observers_.end()) {
        observer->second->on_reservation_error(err.session, err);
      }
      continue;
    }
    const auto own = merge(Style::se, rsb.descriptors);
    if (admission && !own.empty() &&
        own.front().flowspec.token_rate < err.descriptor.flowspec.token_rate) {
      continue;
    }
    send(Interface{*rsb.link, at}, err);
  }
}

void Network::on_resv_conf(NodeId at, const ResvConf& conf) {
  auto app = receivers_.find(ReceiverKey{at, conf.session});
  if (app == receivers_.end() || !app->second.confirm_pending) return;
  app->second.confirm_pending = false;
  if (auto observer = host_observers_.find(at); observer != host_observers_.end()) {
    observer->second->on_confirmed(conf.session, conf);
  }
}

}  // namespace qosbed::rsvp
