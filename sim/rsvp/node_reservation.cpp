// NodeProtocol's reservation side (RFC 2209): RESV, ResvTear and ResvErr arriving, traffic
// control with admission, blockade state, and the RESV refresh each node sends upstream.
#include <algorithm>
#include <cassert>
#include <iterator>
#include <utility>

#include "rsvp/merge.hpp"
#include "rsvp/node_protocol.hpp"

namespace qosbed::rsvp {

template <typename Keep>
void NodeProtocol::routed(NodeId node, const Session& session, std::optional<LinkId> itf_link,
                          std::vector<SenderId>& senders, Keep keep) const {
  senders.clear();
  for (const auto& entry : nodes_[node].psbs.of(session)) {
    const PathState& path = *entry.second.path;
    const bool through = itf_link ? path.outs.contains(Interface{*itf_link, node}) : !path.local();
    if (through && keep(path)) senders.push_back(entry.first.second);
  }
}

bool NodeProtocol::restrict(const ResvState& request, const std::vector<SenderId>& senders,
                            std::vector<FlowDescriptor>& parts, std::vector<FlowDescriptor>& out) {
  if (senders.empty()) return false;
  parts.clear();
  for (const auto& descriptor : request.descriptors) {
    if (request.style == Style::wf) {
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
  merge_into(request.style, parts, out);
  return out.size() != before;
}

std::vector<Interface> NodeProtocol::update_traffic_control(NodeId node, const Session& session) {
  TrafficControl::Wanted wanted;
  const auto& rsbs = nodes_[node].rsbs;
  std::vector<SenderId> senders;
  std::vector<FlowDescriptor> parts;
  std::vector<FlowDescriptor> restricted;
  for (const auto& [key, rsb] : rsbs.of(session)) {
    const ResvState& request = *rsb.resv;
    if (!request.link) continue;
    routed(node, session, request.link, senders, [](const PathState&) { return true; });
    const Interface itf{*request.link, node};
    restricted.clear();
    restrict(request, senders, parts, restricted);
    for (auto& descriptor : restricted) {
      auto entry = std::find_if(wanted.begin(), wanted.end(),
                                [&itf](const auto& wanted_on) { return wanted_on.first == itf; });
      if (entry == wanted.end()) entry = wanted.insert(wanted.end(), {itf, {}});
      entry->second.push_back(
          Reservation{session, request.style, std::move(descriptor.filters), descriptor.flowspec});
    }
  }
  // Admission control on every interface whose reservations change; one refused keeps what it
  // had installed.
  std::vector<Interface> refused;
  for (auto& [itf, list] : wanted) {
    if (traffic_control_.admits(session, itf, list)) continue;
    refused.push_back(itf);
    list = traffic_control_.installed(itf, session);
  }
  traffic_control_.install(node, session, wanted);
  if (refused.empty()) nodes_[node].set_installed(session);
  return refused;
}

void NodeProtocol::refuse_downstream(NodeId node, const Session& session,
                                     const std::vector<Interface>& refused) {
  for (const Interface& itf : refused) {
    for (const auto& [key, rsb] : nodes_[node].rsbs.of(session)) {
      const ResvState& request = *rsb.resv;
      if (request.link != itf.link || request.descriptors.empty()) continue;
      send_resv_err(node, itf.link, key.second, session, ErrorCode::admission_failure,
                    merge(Style::se, request.descriptors).front());
    }
  }
}

// RFC 2209 RESV MESSAGE ARRIVES.
void NodeProtocol::on_resv(NodeId at, NodeId from, LinkId link, const Resv& resv) {
  if (resv.descriptors.empty()) return;
  NodeState& node = nodes_[at];
  auto& rsbs = node.rsbs;
  // The request as one descriptor, as a ResvErr names it: merged only when one is sent.
  const auto requested = [&resv] { return merge(Style::se, resv.descriptors).front(); };
  // Error checking: a style other than the session's is refused ("Conflicting reservation
  // style", Appendix B code 5).
  for (const auto& [other, rsb] : rsbs.of(resv.session)) {
    if (other.second != from && rsb.resv->style != resv.style) {
      send_resv_err(at, link, from, resv.session, ErrorCode::conflicting_style, requested());
      return;
    }
  }
  // Check the path state: with none for the session, "No path information" (code 3) and the RESV
  // is dropped. For FF and SE, the senders a descriptor names must have path state routed to the
  // interface the RESV came in on; a descriptor with none left is refused with "No sender
  // information" (code 4) and the others go on.
  if (node.psbs.of(resv.session).begin() == std::default_sentinel) {
    send_resv_err(at, link, from, resv.session, ErrorCode::no_path, requested());
    return;
  }
  const std::vector<FlowDescriptor>* descriptors = &resv.descriptors;
  std::vector<FlowDescriptor> with_senders;
  if (resv.style != Style::wf) {
    // Taken and given back, so that a refresh allocates nothing.
    std::vector<SenderId> senders = std::move(senders_scratch_);
    senders.clear();
    routed(at, resv.session, link, senders, [](const PathState&) { return true; });
    const auto has_path = [&senders](const SenderId& sender) {
      return std::binary_search(senders.begin(), senders.end(), sender);
    };
    const bool all = !resv.descriptors.empty() &&
                     std::all_of(resv.descriptors.begin(), resv.descriptors.end(),
                                 [&has_path](const FlowDescriptor& descriptor) {
                                   return !descriptor.filters.empty() &&
                                          std::all_of(descriptor.filters.begin(),
                                                      descriptor.filters.end(), has_path);
                                 });
    if (!all) {
      for (const auto& descriptor : resv.descriptors) {
        FlowDescriptor kept{descriptor.flowspec, {}};
        std::copy_if(descriptor.filters.begin(), descriptor.filters.end(),
                     std::back_inserter(kept.filters), has_path);
        if (kept.filters.empty()) {
          send_resv_err(at, link, from, resv.session, ErrorCode::no_sender, descriptor);
        } else {
          with_senders.push_back(std::move(kept));
        }
      }
    }
    senders_scratch_ = std::move(senders);
    if (!all) {
      if (with_senders.empty()) return;
      descriptors = &with_senders;
    }
  }
  // Policy control ("Policy Control failure", code 2).
  if (auto policy = policies_.find(at); policy != policies_.end()) {
    for (const auto& descriptor : *descriptors) {
      if (!policy->second(resv.session, descriptor, policy_table_.elements(resv.policy))) {
        send_resv_err(at, link, from, resv.session, ErrorCode::policy_failure, descriptor);
        return;
      }
    }
  }
  // Find or create the RSB for (session, NHOP) and update it.
  const RsbKey key{resv.session, from};
  const auto [it, added] = rsbs.try_emplace(key);
  Rsb& rsb = it->second;
  const ResvState* old = added ? nullptr : &*rsb.resv;
  const bool same_request =
      old && old->style == resv.style && old->link == link && old->descriptors == *descriptors;
  // A refresh that changes nothing, while the session's reservations are known to be installed
  // as its state gives them, would find every one in place: traffic control is left alone.
  const bool current = same_request && node.installed(resv.session);
  // What the request was, should admission refuse what it is now.
  ResvStates::Ref previous;
  if (!same_request || old->confirm_to != resv.confirm_to || old->policy != resv.policy) {
    previous = std::move(rsb.resv);
    rsb.resv = resv_states_.intern(
        ResvState{resv.style, at, resv.policy, *descriptors, resv.confirm_to, link});
  }
  if (!current) {
    node.state_changed(resv.session);
    // UPDATE TRAFFIC CONTROL, through admission control.
    const auto refused = update_traffic_control(at, resv.session);
    if (std::find(refused.begin(), refused.end(), Interface{link, at}) != refused.end()) {
      // The request does not fit: the reservation in place, if any, stays and stays refreshed
      // (RFC 2205 section 2.5, KR-I), and the receivers learn of the failure ("Admission
      // Control failure", code 1). Nothing goes upstream: no ResvConf can come back for it.
      if (!added) {
        if (previous) rsb.resv = std::move(previous);
        arm(it.state());
      } else {
        rsbs.erase(it);
      }
      send_resv_err(at, link, from, resv.session, ErrorCode::admission_failure, requested());
      return;
    }
    refuse_downstream(at, resv.session, refused);
  }
  // Start or restart the cleanup timer of the RSB; RESV REFRESH to the previous hops.
  arm(it.state());
  forward_resv(at, resv.session, resv.confirm_to, Cause::teardown);
}

// RFC 2209 RESVTEAR MESSAGE ARRIVES; a timed-out RSB is torn down alike.
void NodeProtocol::on_resv_tear(NodeId at, NodeId from, Cause cause, const Session& session) {
  auto& rsbs = nodes_[at].rsbs;
  auto it = rsbs.find(RsbKey{session, from});
  if (it == rsbs.end() || !it->second.resv->link) return;
  expiring_.remove(it.state());
  rsbs.erase(it);
  update_traffic_control(at, session);
  forward_resv(at, session, std::nullopt, cause);
}

bool NodeProtocol::blockaded(NodeId node, const Session& session, NodeId phop,
                             const FlowDescriptor& part) const {
  const auto& blockades = nodes_[node].blockades;
  const auto blocks = [&](const std::optional<SenderId>& sender) {
    const auto found = blockades.find(BlockadeKey{session, phop, sender});
    return found != blockades.end() && blockades_request(found->second.flowspec, part.flowspec);
  };
  if (part.filters.empty()) return blocks(std::nullopt);
  return std::any_of(part.filters.begin(), part.filters.end(),
                     [&](const SenderId& sender) { return blocks(sender); });
}

// RFC 2209 RESV REFRESH, to every previous hop of the session at once.
void NodeProtocol::forward_resv(NodeId at, const Session& session, std::optional<NodeId> confirm_to,
                                Cause cause) {
  auto& node = nodes_[at];
  MergeScratch scratch = std::move(merge_scratch_);
  // Every previous hop of the session's senders (nullopt: the senders of this host), and every
  // one a request went to before, which may now be owed a ResvTear.
  auto& upstream = scratch.upstream;  // sorted and unique: nullopt first
  upstream.clear();
  for (const auto& [key, psb] : node.psbs.of(session)) {
    upstream.push_back(psb.path->phop);
  }
  if (const HopSet* forwarded = node.forwarded(session)) {
    forwarded->for_each([&upstream](NodeId hop) { upstream.push_back(hop); });
  }
  if (node.reported.find(session)) upstream.push_back(std::nullopt);
  std::sort(upstream.begin(), upstream.end());
  upstream.erase(std::unique(upstream.begin(), upstream.end()), upstream.end());

  for (const auto& phop : upstream) {
    Style style = Style::wf;
    PolicyRef policy = no_policy;
    auto& parts = scratch.parts;
    parts.clear();
    // Where the parts of the request that asked for this RESV's confirmation lie: its RSB's
    // (the local one at the receiver's host).
    std::size_t confirm_first = 0;
    std::size_t confirm_end = 0;
    for (const auto& [key, rsb] : node.rsbs.of(session)) {
      const ResvState& request = *rsb.resv;
      routed(at, session, request.link, scratch.senders,
             [&](const PathState& path) { return path.phop == phop; });
      const std::size_t before = parts.size();
      if (restrict(request, scratch.senders, scratch.rsb_parts, parts)) {
        style = request.style;
        policy = policy_table_.merged(policy, request.policy);
      }
      if (confirm_to && (request.link ? request.confirm_to == confirm_to : *confirm_to == at)) {
        confirm_first = before;
        confirm_end = parts.size();
      }
    }
    // Blockade state (RFC 2205 section 3.5): requests a blockade of this previous hop blockades
    // are left out of the merge, unless nothing else is left. A request left out gets no
    // ResvConf: the RESV that goes on does not hold it.
    bool confirm_left_out = false;
    if (phop && !node.blockades.empty()) {
      std::vector<FlowDescriptor> allowed;
      for (std::size_t i = 0; i < parts.size(); ++i) {
        if (!blockaded(at, session, *phop, parts[i])) {
          allowed.push_back(parts[i]);
        } else if (i >= confirm_first && i < confirm_end) {
          confirm_left_out = true;
        }
      }
      if (!allowed.empty() && allowed.size() != parts.size()) {
        parts = std::move(allowed);
      } else {
        confirm_left_out = false;
      }
    }
    auto merged = merge(style, parts);
    const std::optional<NodeId> confirm = confirm_left_out ? std::nullopt : confirm_to;

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
      if (!reported || **reported != merged) {
        node.reported[session] = reserved_lists_.intern(merged);
        if (observer) observer->on_reservation(session, style, merged);
      }
      // The request reached the sender: every hop on the way admitted it.
      if (confirm) links_.send_toward(at, *confirm, ResvConf{session, *confirm, merged});
      continue;
    }
    // A previous hop past routers that do not run RSVP is no neighbour: routing reaches it.
    auto itf = links_.interface_toward(at, *phop);
    if (!itf) itf = links_.routing().next_hop(at, *phop);
    if (merged.empty()) {
      if (node.remove_forwarded(session, *phop) && itf) {
        links_.send(*itf, ResvTear{session}, *phop);
      }
      continue;
    }
    node.add_forwarded(session, *phop);
    if (itf) links_.send(*itf, Resv{session, style, std::move(merged), confirm, policy}, *phop);
  }
  merge_scratch_ = std::move(scratch);
}

void NodeProtocol::send_resv_err(NodeId at, LinkId link, NodeId nhop, const Session& session,
                                 ErrorCode code, FlowDescriptor descriptor) {
  links_.send(Interface{link, at}, ResvErr{session, ErrorSpec{code, at}, std::move(descriptor)},
              nhop);
}

void NodeProtocol::set_blockade(NodeId node, const BlockadeKey& key, const gqos::FlowSpec& qb) {
  Blockade& bsb = nodes_[node].blockades[key];
  cancel(bsb.timer);
  bsb.flowspec = qb;
  bsb.expires_us = queue_.now_us() + blockade_us(times_);
  // When the blockade timer Tb expires, the blockade state is deleted (RFC 2205 section 3.5).
  bsb.timer = queue_.schedule_at(bsb.expires_us, [this, node, key] {
    auto& blockades = nodes_[node].blockades;
    if (auto found = blockades.find(key); found != blockades.end()) blockades.erase(found);
  });
}

// RFC 2209 RESVERR MESSAGE ARRIVES. A ResvErr travels toward the receivers whose requests caused
// it; after an admission failure each node on the way creates or refreshes blockade state for
// the previous hop it came from and, for FF and SE, for each sender it names (RFC 2205 section
// 3.5), and sends it on only to the next hops whose requests Qb blockades.
void NodeProtocol::on_resv_err(NodeId at, NodeId from, const ResvErr& err) {
  const bool admission = err.error.code == ErrorCode::admission_failure;
  if (admission) {
    if (err.descriptor.filters.empty()) {
      set_blockade(at, BlockadeKey{err.session, from, std::nullopt}, err.descriptor.flowspec);
    }
    for (const SenderId& sender : err.descriptor.filters) {
      set_blockade(at, BlockadeKey{err.session, from, sender}, err.descriptor.flowspec);
    }
  }
  const auto& rsbs = nodes_[at].rsbs;
  for (const auto& [key, rsb] : rsbs.of(err.session)) {
    const ResvState& request = *rsb.resv;
    if (!request.link) {
      if (HostObserver* observer = host_observer(at)) {
        observer->on_reservation_error(err.session, err);
      }
      continue;
    }
    const auto own = merge(Style::se, request.descriptors);
    if (admission && !own.empty() &&
        !blockades_request(err.descriptor.flowspec, own.front().flowspec)) {
      continue;
    }
    links_.send(Interface{*request.link, at}, err, key.second);
  }
}

}  // namespace qosbed::rsvp
