#include "runner/network_run.hpp"

#include <algorithm>
#include <set>

#include "engine/clock.hpp"
#include "provider/ipv4.hpp"
#include "rsvp/adspec.hpp"
#include "rsvp_wire/summary.hpp"
#include "runner/guaranteed_check.hpp"

namespace qosbed::runner {
namespace {

rsvp::Topology topology_of(const scenario::NetworkSpec& spec) {
  rsvp::Topology topology;
  for (const scenario::NetNode& node : spec.nodes) {
    switch (node.kind) {
      case scenario::NodeKind::host:
        topology.add_host(node.name, node.address);
        break;
      case scenario::NodeKind::router:
        topology.add_router(node.name, node.address);
        break;
      case scenario::NodeKind::non_rsvp_router:
        topology.add_non_rsvp_router(node.name, node.address);
        break;
    }
  }
  for (const scenario::NetLink& link : spec.links) {
    const rsvp::LinkSpec link_spec{link.bandwidth,
                                   link.delay_us,
                                   link.loss,
                                   link.reservable,
                                   link.mtu.value_or(rsvp::default_mtu),
                                   link.c,
                                   link.d_us};
    const rsvp::LinkId id = topology.add_link(static_cast<rsvp::NodeId>(link.a),
                                              static_cast<rsvp::NodeId>(link.b), link_spec);
    topology.link(id).up = link.up;
  }
  return topology;
}

rsvp::NetworkOptions options_of(const scenario::NetworkSpec& spec) {
  rsvp::NetworkOptions options;
  if (spec.refresh_us) options.times.refresh_us = *spec.refresh_us;
  if (spec.k) options.times.k = *spec.k;
  options.seed = spec.seed;
  return options;
}

std::vector<rsvp::Session> sessions_of(const scenario::NetworkSpec& spec) {
  std::vector<rsvp::Session> sessions;
  for (const scenario::NetSession& session : spec.sessions) {
    sessions.push_back({session.destination, session.port, session.protocol});
  }
  return sessions;
}

// RSVP_RESERVE_INFO's style values, as the loader reads `style:`.
rsvp::Style style_of(std::uint32_t style) {
  switch (style) {
    case gqos::rsvp_style::fixed_filter:
      return rsvp::Style::ff;
    case gqos::rsvp_style::shared_explicit:
      return rsvp::Style::se;
    default:
      return rsvp::Style::wf;
  }
}

gqos::FlowSpec merged(const std::vector<rsvp::FlowDescriptor>& descriptors) {
  gqos::FlowSpec flowspec = descriptors.front().flowspec;
  for (const auto& descriptor : descriptors) flowspec = rsvp::lub(flowspec, descriptor.flowspec);
  return flowspec;
}

// What a trace record shows of a message beyond its name and session; `policies` resolves the
// POLICY_DATA a Path or Resv carries.
void describe(const rsvp::Message& message, const rsvp::PolicyTable& policies,
              engine::RsvpRecord& record) {
  const auto add_users = [&](rsvp::PolicyRef policy) {
    for (const rsvp::PolicyElement& element : policies.elements(policy)) {
      record.users.push_back(element.user);
    }
  };
  std::visit(
      [&](const auto& m) {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, rsvp::Path>) {
          record.senders.push_back(rsvp::to_string(m.sender));
          record.flowspec = m.tspec;
          add_users(m.policy);
        } else if constexpr (std::is_same_v<T, rsvp::Resv>) {
          record.style = rsvp::name_of(m.style);
          std::set<rsvp::SenderId> filters;
          for (const auto& descriptor : m.descriptors) {
            filters.insert(descriptor.filters.begin(), descriptor.filters.end());
          }
          for (const auto& filter : filters) record.senders.push_back(rsvp::to_string(filter));
          if (!m.descriptors.empty()) record.flowspec = merged(m.descriptors);
          add_users(m.policy);
        } else if constexpr (std::is_same_v<T, rsvp::PathTear>) {
          record.senders.push_back(rsvp::to_string(m.sender));
        } else if constexpr (std::is_same_v<T, rsvp::PathErr>) {
          record.senders.push_back(rsvp::to_string(m.sender));
          record.error = rsvp::name_of(m.error.code);
        } else if constexpr (std::is_same_v<T, rsvp::ResvErr>) {
          record.error = rsvp::name_of(m.error.code);
          for (const auto& filter : m.descriptor.filters) {
            record.senders.push_back(rsvp::to_string(filter));
          }
          record.flowspec = m.descriptor.flowspec;
        } else if constexpr (std::is_same_v<T, rsvp::ResvConf>) {
          if (!m.descriptors.empty()) record.flowspec = merged(m.descriptors);
        }
      },
      message);
}

// The network's `decisions:` over the documented choices (docs/behaviour.md, D21 onwards).
rsvp::HostSpOptions host_sp_options_of(const scenario::NetDecisions& chosen) {
  rsvp::HostSpOptions options;
  if (chosen.bucket_size) options.bucket_size = chosen.bucket_size;
  if (chosen.peak_rate) options.peak_rate = *chosen.peak_rate;
  if (chosen.explicit_teardown) options.explicit_teardown = *chosen.explicit_teardown;
  if (chosen.unsignalled_receiver_hears_path) {
    options.unsignalled_receiver_hears_path = *chosen.unsignalled_receiver_hears_path;
  }
  if (chosen.told_on_join) options.told_on_join = *chosen.told_on_join;
  if (chosen.best_effort_limit) options.best_effort_limit = chosen.best_effort_limit;
  return options;
}

std::string presence_text(bool present) {
  return present ? "present" : "absent";
}

}  // namespace

NetworkRun::NetworkRun(engine::EventQueue& queue, const scenario::NetworkSpec& spec,
                       engine::TraceSink& trace, Deliver deliver)
    : queue_(queue),
      spec_(spec),
      trace_(trace),
      deliver_(std::move(deliver)),
      sessions_(sessions_of(spec)),
      network_(std::make_unique<rsvp::Network>(queue, topology_of(spec), options_of(spec))) {
  network_->set_message_observer(this);
  refresh_us_ = network_->options().times.refresh_us;
  for (std::size_t node = 0; node < spec.nodes.size(); ++node) {
    if (!spec.nodes[node].user.empty()) {
      network_->set_user(static_cast<rsvp::NodeId>(node), spec.nodes[node].user);
    }
  }
  for (const scenario::NetPolicy& policy : spec.policies) {
    const auto node = static_cast<rsvp::NodeId>(policy.node);
    // A policy naming users admits only messages whose POLICY_DATA names one of them.
    const auto admits_user = [users = policy.users](const rsvp::PolicyElements& policy_data) {
      return users.empty() || rsvp::names_a_user(policy_data, users);
    };
    if (policy.max_rate || !policy.users.empty()) {
      network_->set_policy(node, [max_rate = policy.max_rate, admits_user](
                                     const rsvp::Session&, const rsvp::FlowDescriptor& request,
                                     const rsvp::PolicyElements& policy_data) {
        return (!max_rate || request.flowspec.token_rate <= *max_rate) && admits_user(policy_data);
      });
    }
    if (policy.max_sender_rate || !policy.users.empty()) {
      network_->set_path_policy(node, [max_rate = policy.max_sender_rate, admits_user](
                                          const rsvp::Session&, const gqos::FlowSpec& tspec,
                                          const rsvp::PolicyElements& policy_data) {
        return (!max_rate || tspec.token_rate <= *max_rate) && admits_user(policy_data);
      });
    }
  }
  host_sp_ = std::make_unique<rsvp::HostSp>(
      *network_,
      [this](rsvp::NodeId, gqos::SocketId socket, gqos::Indication indication) {
        deliver_(socket, indication);
      },
      host_sp_options_of(spec.decisions));
  // A session addressed to no host is a multicast group: its scripted receivers are its members.
  for (const scenario::NetReceiver& receiver : spec.receivers) {
    const rsvp::Address group = sessions_[receiver.session].destination;
    if (receiver.socket.empty() && !network_->topology().find_address(group)) {
      network_->join(static_cast<rsvp::NodeId>(receiver.host), group);
    }
  }
}

NetworkRun::~NetworkRun() {
  for (engine::EventId id : changes_) queue_.cancel(id);
}

void NetworkRun::place(const scenario::SocketSpec& spec, provider::Socket socket) {
  auto named = [&](const auto& endpoints) -> std::optional<std::size_t> {
    for (const auto& endpoint : endpoints) {
      if (endpoint.socket == spec.id) return endpoint.host;
    }
    return std::nullopt;
  };
  std::optional<std::size_t> host = named(spec_.senders);
  if (!host) host = named(spec_.receivers);
  if (!host && spec.local) {
    const auto address = provider::parse_ipv4(spec.local->host);
    const auto node = address ? network_->topology().find_address(*address) : std::nullopt;
    if (node && network_->topology().node(*node).kind == rsvp::NodeKind::host) host = *node;
  }
  if (host) hosts_[socket] = static_cast<rsvp::NodeId>(*host);
}

std::optional<std::string> NetworkRun::host_of(provider::Socket socket) const {
  const auto placed = hosts_.find(socket);
  if (placed == hosts_.end()) return std::nullopt;
  return spec_.nodes.at(placed->second).name;
}

void NetworkRun::on_socket_qos(provider::Socket socket, const gqos::SocketQos& qos) {
  const auto placed = hosts_.find(socket);
  // After its end the network is silent: a call then starts no signalling, whose refreshes would
  // keep the clock running for ever.
  if (placed == hosts_.end() || stopped_) return;
  const rsvp::NodeId host = placed->second;
  changes_.push_back(queue_.schedule_at(queue_.now_us(), [this, host, socket, qos] {
    changes_.erase(changes_.begin());
    host_sp_->socket_changed(host, socket, qos);
  }));
}

gqos::CheckQosAnswer NetworkRun::check_qos(provider::Socket socket, const gqos::SocketQos& qos,
                                           std::uint32_t selector) {
  const auto placed = hosts_.find(socket);
  if (placed == hosts_.end()) {
    return selector >= gqos::chk_qos::allowed_to_send_data &&
                   selector <= gqos::chk_qos::end_to_end_qosability
               ? gqos::CheckQosAnswer{0, gqos::chk_qos::info_not_available}
               : gqos::CheckQosAnswer{gqos::wsa::einval, 0};
  }
  return host_sp_->check_qos(placed->second, qos, selector);
}

rsvp::SenderId NetworkRun::sender_id(std::size_t sender) const {
  const scenario::NetSender& spec = spec_.senders[sender];
  return rsvp::SenderId{spec_.nodes[spec.host].address, spec.port};
}

std::vector<NetworkRun::ReceiverPromises> NetworkRun::guaranteed_promises() const {
  std::vector<ReceiverPromises> all;
  for (std::size_t i = 0; i < spec_.receivers.size(); ++i) {
    const scenario::NetReceiver& receiver = spec_.receivers[i];
    const auto host = static_cast<rsvp::NodeId>(receiver.host);
    auto promises =
        rsvp::guaranteed_promises(network_->state(host), host, sessions_[receiver.session]);
    if (!promises.empty()) all.push_back({i, std::move(promises)});
  }
  return all;
}

std::string NetworkRun::sender_name(const rsvp::SenderId& sender) const {
  for (std::size_t i = 0; i < spec_.senders.size(); ++i) {
    if (sender_id(i) == sender) return spec_.senders[i].name;
  }
  return rsvp::to_string(sender);
}

rsvp::ReservationRequest NetworkRun::request_of(const scenario::NetReceiver& receiver) const {
  rsvp::ReservationRequest request;
  request.style = style_of(receiver.style);
  request.confirm = receiver.confirm;
  if (request.style == rsvp::Style::wf) {
    request.descriptors.push_back({receiver.flowspec, {}});
  } else if (request.style == rsvp::Style::ff) {
    for (std::size_t sender : receiver.senders) {
      request.descriptors.push_back({receiver.flowspec, {sender_id(sender)}});
    }
  } else {
    rsvp::FlowDescriptor shared{receiver.flowspec, {}};
    for (std::size_t sender : receiver.senders) shared.filters.push_back(sender_id(sender));
    request.descriptors.push_back(std::move(shared));
  }
  return request;
}

void NetworkRun::start() {
  for (std::size_t i = 0; i < spec_.senders.size(); ++i) {
    if (!spec_.senders[i].socket.empty()) continue;  // its application starts it
    starts_.push_back(queue_.schedule_at(spec_.senders[i].start_us, [this, i] {
      const scenario::NetSender& sender = spec_.senders[i];
      network_->start_sender(static_cast<rsvp::NodeId>(sender.host), sessions_[sender.session],
                             sender.port, sender.tspec);
    }));
  }
  for (std::size_t i = 0; i < spec_.receivers.size(); ++i) {
    if (!spec_.receivers[i].socket.empty()) continue;
    starts_.push_back(queue_.schedule_at(spec_.receivers[i].start_us, [this, i] {
      const scenario::NetReceiver& receiver = spec_.receivers[i];
      network_->reserve(static_cast<rsvp::NodeId>(receiver.host), sessions_[receiver.session],
                        request_of(receiver));
    }));
  }
}

void NetworkRun::play(const scenario::NetAction& action) {
  std::visit(
      [&](const auto& net) {
        using T = std::decay_t<decltype(net)>;
        if constexpr (std::is_same_v<T, scenario::NetLinkState>) {
          network_->set_link_up(static_cast<rsvp::LinkId>(net.link), net.up);
        } else if constexpr (std::is_same_v<T, scenario::NetLoss>) {
          network_->set_link_loss(static_cast<rsvp::LinkId>(net.link), net.loss);
        } else if constexpr (std::is_same_v<T, scenario::NetSenderStop>) {
          const scenario::NetSender& sender = spec_.senders[net.sender];
          const auto host = static_cast<rsvp::NodeId>(sender.host);
          const rsvp::Session& session = sessions_[sender.session];
          if (net.tear_down) {
            network_->stop_sender(host, session, sender.port);
          } else {
            network_->silence_sender(host, session, sender.port);
          }
        } else {
          const scenario::NetReceiver& receiver = spec_.receivers[net.receiver];
          const auto host = static_cast<rsvp::NodeId>(receiver.host);
          const rsvp::Session& session = sessions_[receiver.session];
          if (net.tear_down) {
            network_->release(host, session);
          } else {
            network_->silence_receiver(host, session);
          }
        }
      },
      action);
}

void NetworkRun::stop() {
  for (engine::EventId id : starts_) queue_.cancel(id);
  starts_.clear();
  for (engine::EventId id : changes_) queue_.cancel(id);
  changes_.clear();
  network_->halt();
  stopped_ = true;
}

void NetworkRun::trace(std::string action, rsvp::NodeId from, rsvp::NodeId to, rsvp::LinkId link,
                       const rsvp::Message& message, std::vector<std::string> objects) {
  auto m = engine::record_at<engine::RsvpRecord>(engine::RecordHead{queue_.now_us(), {}});
  m.message = rsvp::name_of(message);
  m.action = std::move(action);
  m.from = spec_.nodes[from].name;
  m.to = spec_.nodes[to].name;
  m.link = spec_.links[link].name;
  m.session = rsvp::to_string(rsvp::session_of(message));
  describe(message, network_->policy_table(), m);
  m.objects = std::move(objects);
  trace_.record(engine::TraceRecord(std::move(m)));
}

void NetworkRun::capture_to(std::ostream& out) {
  capture_ = std::make_unique<MessageCapture>(out, spec_);
}

void NetworkRun::sent(rsvp::NodeId from, rsvp::NodeId to, rsvp::LinkId link,
                      const rsvp::Message& message, const rsvp::WireContext& wire,
                      std::uint8_t routers) {
  if (!capture_ && !describe_objects_) return trace("sent", from, to, link, message);
  const rsvp::WirePacket packet = rsvp::to_wire(message, network_->topology(), wire);
  trace(
      "sent", from, to, link, message,
      describe_objects_ ? rsvp_wire::object_summaries(packet.message) : std::vector<std::string>{});
  if (capture_) capture_->write(queue_.now_us(), packet, link, routers);
}

void NetworkRun::on_sent(rsvp::NodeId from, rsvp::NodeId to, rsvp::LinkId link,
                         const rsvp::Message& message) {
  sent(from, to, link, message,
       rsvp::WireContext{from, to, link, refresh_us_, &network_->policy_table()}, 0);
}

// As its RSVP hop sent it, to the RSVP node it is for.
void NetworkRun::on_routed(rsvp::NodeId at, rsvp::NodeId to, rsvp::LinkId link,
                           const rsvp::Message& message, const rsvp::Routed& via) {
  sent(at, to, link, message,
       rsvp::WireContext{via.hop, via.target.value_or(to), via.hop_link, refresh_us_,
                         &network_->policy_table()},
       via.routers);
}

void NetworkRun::on_received(rsvp::NodeId at, rsvp::NodeId from, rsvp::LinkId link,
                             const rsvp::Message& message) {
  trace("received", from, at, link, message);
}
void NetworkRun::on_dropped(rsvp::NodeId from, rsvp::NodeId to, rsvp::LinkId link,
                            const rsvp::Message& message, rsvp::Drop why) {
  trace(why == rsvp::Drop::lost ? "lost" : "dropped", from, to, link, message);
}

void NetworkRun::check(const scenario::Step& step, const scenario::ExpectMessage& expect,
                       const std::vector<engine::TraceRecord>& records, engine::TimeUs now_us,
                       std::vector<Failure>& failures) const {
  using Filter = std::optional<scenario::Field<std::string>>;
  auto matches = [](const Filter& filter, const std::string& value) {
    return !filter || filter->value == value;
  };
  const Filter session =
      expect.session
          ? Filter{{rsvp::to_string(sessions_[expect.session->value]), expect.session->mark}}
          : std::nullopt;
  std::uint32_t count = 0;
  for (const engine::TraceRecord& record : records) {
    const auto* rsvp = std::get_if<engine::RsvpRecord>(&record);
    if (!rsvp) continue;
    if (expect.within_us && rsvp->t_us < now_us - *expect.within_us) continue;
    const engine::RsvpRecord& m = *rsvp;
    if (matches(expect.message, m.message) && matches(expect.action, m.action) &&
        matches(expect.from, m.from) && matches(expect.to, m.to) && matches(expect.link, m.link) &&
        matches(session, m.session) &&
        (!expect.user ||
         std::find(m.users.begin(), m.users.end(), expect.user->value) != m.users.end())) {
      ++count;
    }
  }
  const bool held = expect.count ? count == expect.count->value : count > 0;
  if (held) return;
  std::string what = "message";
  auto add = [&what](std::string_view key, const Filter& filter) {
    if (!filter) return;
    if (!key.empty()) what += " " + std::string(key);
    what += " " + filter->value;
  };
  add("", expect.message);
  add("", expect.action);
  add("from", expect.from);
  add("to", expect.to);
  add("link", expect.link);
  add("session", session);
  add("user", expect.user);
  if (expect.within_us) what += " within " + engine::format_time(*expect.within_us);
  const std::string wanted = expect.count ? std::to_string(expect.count->value) : "at least 1";
  const scenario::Mark& mark = expect.count ? expect.count->mark : step.mark;
  failures.push_back(Failure{mark, "expected " + what + " count " + wanted + " vs actual " +
                                       std::to_string(count) + " (by " +
                                       engine::format_time(now_us) + ")"});
}

void NetworkRun::check(const scenario::Step& step, const scenario::ExpectState& expect,
                       std::vector<Failure>& failures) const {
  const auto node = static_cast<rsvp::NodeId>(expect.node);
  const std::string& name = spec_.nodes[expect.node].name;
  const rsvp::NodeState& state = network_->state(node);
  auto compare = [&](const std::optional<scenario::Field<bool>>& field, std::string what,
                     bool actual) {
    if (field && field->value != actual) {
      failures.push_back(Failure{field->mark, "expected " + what + " at " + name + " " +
                                                  presence_text(field->value) + " vs actual " +
                                                  presence_text(actual)});
    }
  };
  const rsvp::Session* session = expect.session ? &sessions_[*expect.session] : nullptr;
  if (expect.path_state && session) {
    bool present = false;
    for (const auto& [key, psb] : state.psbs.of(*session)) {
      present = present || !expect.sender || key.second == sender_id(*expect.sender);
    }
    compare(expect.path_state, "path state", present);
  }
  if (expect.resv_state && session) {
    const bool present = state.rsbs.of(*session).begin() != std::default_sentinel;
    compare(expect.resv_state, "reservation state", present);
  }
  if (expect.blockade && session) {
    compare(expect.blockade, "blockade", rsvp::has_blockade(state, *session));
  }
  if ((expect.adspec || expect.delay_bound_us) && session) {
    check_path_terms(step, expect, *session, failures);
  }
  if (!expect.toward) return;
  const std::string& toward = spec_.nodes[*expect.toward].name;
  const auto itf = network_->interface_toward(node, static_cast<rsvp::NodeId>(*expect.toward));
  if (!itf) {
    failures.push_back(Failure{step.mark, "expected a link from " + name + " toward " + toward +
                                              ": they are not neighbours"});
    return;
  }
  if (expect.reservation && session) {
    const auto installed = network_->reservations(*itf);
    const bool present = std::any_of(installed.begin(), installed.end(),
                                     [&](const auto& r) { return r.session == *session; });
    compare(expect.reservation, "reservation toward " + toward, present);
  }
  if (expect.reserved) {
    const std::uint64_t reserved = network_->reserved(*itf);
    if (reserved != expect.reserved->value) {
      failures.push_back(Failure{expect.reserved->mark,
                                 "expected reserved at " + name + " toward " + toward + " " +
                                     std::to_string(expect.reserved->value) + " vs actual " +
                                     std::to_string(reserved) + " bytes/s"});
    }
  }
}

// The one sender's path state the step names, or the only one of the session at the node.
void NetworkRun::check_path_terms(const scenario::Step& step, const scenario::ExpectState& expect,
                                  const rsvp::Session& session,
                                  std::vector<Failure>& failures) const {
  const auto node = static_cast<rsvp::NodeId>(expect.node);
  const std::string& name = spec_.nodes[expect.node].name;
  const rsvp::NodeState& state = network_->state(node);
  std::vector<std::pair<rsvp::SenderId, const rsvp::PathState*>> paths;
  for (const auto& [key, psb] : state.psbs.of(session)) {
    if (!expect.sender || key.second == sender_id(*expect.sender)) {
      paths.emplace_back(key.second, &*psb.path);
    }
  }
  if (paths.size() != 1) {
    failures.push_back(
        Failure{step.mark, "expected path state of one sender at " + name + " vs actual " +
                               std::to_string(paths.size()) +
                               (paths.empty() ? "" : ": name the sender with 'sender'")});
    return;
  }
  const auto& [sender, path] = paths.front();
  const std::string where = "at " + name + " for " + rsvp::to_string(sender);
  if (expect.adspec)
    check_adspec(*expect.adspec, rsvp::adspec_object(path->adspec), where, failures);
  if (expect.delay_bound_us) {
    check_delay_bound(*expect.delay_bound_us, rsvp::guaranteed_promises(state, node, session),
                      sender, where, failures);
  }
}

}  // namespace qosbed::runner
