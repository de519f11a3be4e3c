// The RSVP network model: end hosts and routers exchanging PATH, RESV and the teardown, error
// and confirmation messages over a Topology, on the shared engine::Scheduler. It is built from
// the protocol's own parts, each in a file of its own:
//   Links          messages in flight over links, routing, loss (links.hpp)
//   NodeProtocol   what every node does with each message: PSB, RSB, blockades (node_protocol.hpp)
//   TrafficControl admission and the reservations installed per interface (traffic_control.hpp)
//   HostApi        the applications' SENDER / RESERVE / RELEASE calls and refreshes (host_api.hpp)
// Soft state is refreshed end to end: each sender refreshes its PATH and each receiver its RESV
// every interval drawn from [R/2, 3R/2], and every node forwards what it receives at once
// (merged), while each node's own state times out after L on its own. All randomness comes from
// one seeded generator.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/scheduler.hpp"
#include "rsvp/host_api.hpp"
#include "rsvp/links.hpp"
#include "rsvp/messages.hpp"
#include "rsvp/node_protocol.hpp"
#include "rsvp/observer.hpp"
#include "rsvp/policy_data.hpp"
#include "rsvp/soft_state.hpp"
#include "rsvp/state.hpp"
#include "rsvp/topology.hpp"
#include "rsvp/traffic_control.hpp"

namespace qosbed::rsvp {

struct NetworkOptions {
  SoftStateTimes times;
  std::uint64_t seed = 1;
};

class Network {
 public:
  Network(engine::Scheduler& queue, Topology topology, NetworkOptions options = {});
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  // Cancels every refresh, timeout and message in flight, keeping the state as it is: the
  // network is silent from now on (a run's end), and can still be inspected.
  void halt();

  const Topology& topology() const { return links_.topology(); }
  const NetworkOptions& options() const { return options_; }
  std::uint64_t seed() const { return random_.seed(); }
  engine::TimeUs lifetime_us() const { return protocol_.lifetime_us(); }
  // The routes in use, e.g. to show the path a message takes.
  Routing& routing() { return links_.routing(); }

  void set_message_observer(MessageObserver* observer) { links_.set_observer(observer); }
  void set_host_observer(NodeId host, HostObserver* observer) {
    protocol_.set_host_observer(host, observer);
  }
  void set_policy(NodeId node, Policy policy) { protocol_.set_policy(node, std::move(policy)); }
  void set_path_policy(NodeId node, PathPolicy policy) {
    protocol_.set_path_policy(node, std::move(policy));
  }
  // The user of the applications on `host`: its RSVP SP puts an AUTH_USER policy element naming
  // them in the POLICY_DATA of every PATH and RESV it originates (docs/behaviour.md D39).
  void set_user(NodeId host, std::string user) {
    hosts_.set_host_policy(host, policy_table_.intern({PolicyElement{std::move(user)}}));
  }
  // What the messages' PolicyRefs stand for.
  const PolicyTable& policy_table() const { return policy_table_; }

  // Network changes. A link change recomputes routes; state follows with the next refresh.
  void set_link_up(LinkId link, bool up) { links_.set_link_up(link, up); }
  void set_link_loss(LinkId link, double loss) { links_.set_link_loss(link, loss); }
  // Makes `host` a destination of sessions addressed to `group`.
  void join(NodeId host, Address group) { protocol_.join(host, group); }

  // The applications (HostApi).
  void start_sender(NodeId host, const Session& session, std::uint16_t port,
                    const gqos::FlowSpec& tspec) {
    hosts_.start_sender(host, session, port, tspec);
  }
  void silence_sender(NodeId host, const Session& session, std::uint16_t port) {
    hosts_.silence_sender(host, session, port);
  }
  void stop_sender(NodeId host, const Session& session, std::uint16_t port) {
    hosts_.stop_sender(host, session, port);
  }
  void reserve(NodeId host, const Session& session, ReservationRequest request) {
    hosts_.reserve(host, session, std::move(request));
  }
  void change_request(NodeId host, const Session& session, ReservationRequest request) {
    hosts_.change_request(host, session, std::move(request));
  }
  void silence_receiver(NodeId host, const Session& session) {
    hosts_.silence_receiver(host, session);
  }
  void release(NodeId host, const Session& session) { hosts_.release(host, session); }

  // Inspection.
  const NodeState& state(NodeId node) const { return protocol_.state(node); }
  // The receiving application of `session` at `host`, none when it has made no request.
  const LocalReceiver* local_receiver(NodeId host, const Session& session) const {
    return hosts_.local_receiver(host, session);
  }
  // The reservations installed on an outgoing interface, by session.
  std::vector<Reservation> reservations(Interface itf) const {
    return traffic_control_.reservations(itf);
  }
  // The sum of their token rates, bytes per second.
  std::uint64_t reserved(Interface itf) const { return traffic_control_.reserved(itf); }
  std::optional<Interface> interface_toward(NodeId from, NodeId neighbour) const {
    return links_.interface_toward(from, neighbour);
  }

 private:
  // In the order they are built: each part refers only to those before it, and each cancels its
  // own events when destroyed, in the reverse order.
  NetworkOptions options_;
  Random random_;
  PolicyTable policy_table_;
  Links links_;
  TrafficControl traffic_control_;
  NodeProtocol protocol_;
  HostApi hosts_;
};

}  // namespace qosbed::rsvp
