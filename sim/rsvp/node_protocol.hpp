// RSVP message processing at every node, hosts and routers alike, as RFC 2209's message
// processing rules give it (each step is named where it is done): path state (PSB) from PATH,
// reservation state (RSB) from RESV, blockade state (BSB) from ResvErr, traffic control state
// (TCSB, kept by TrafficControl) from both, their timeouts, teardown, errors and confirmations,
// and the merged RESV each node sends upstream. The path side is in node_protocol.cpp, the
// reservation side in node_reservation.cpp. Messages come from Links; what to reserve goes to
// TrafficControl; what a host must hear goes to its HostObserver; what a host's own applications
// ask goes through the local calls below, made by HostApi.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "engine/scheduler.hpp"
#include "rsvp/expiry_list.hpp"
#include "rsvp/links.hpp"
#include "rsvp/messages.hpp"
#include "rsvp/observer.hpp"
#include "rsvp/soft_state.hpp"
#include "rsvp/state.hpp"
#include "rsvp/traffic_control.hpp"

namespace qosbed::rsvp {

// A node's policy: false refuses a request (a Resv's flow descriptor, with the POLICY_DATA the
// Resv carries) with a policy failure.
using Policy =
    std::function<bool(const Session&, const FlowDescriptor&, const PolicyElements& policy_data)>;
// A node's policy for senders: false refuses a Path, with its Tspec and POLICY_DATA, with a
// policy failure.
using PathPolicy = std::function<bool(const Session&, const gqos::FlowSpec& tspec,
                                      const PolicyElements& policy_data)>;

// A receiving application at a host, as the protocol there needs to know it.
struct LocalReceiver {
  bool confirm_pending = false;  // its request asks for a ResvConf that has not come yet
};

// What the protocol at a host asks of, and tells, the host's applications (HostApi).
class LocalApplications {
 public:
  // The receiver of `session` at `host`, if there is one: new path state sends its request at
  // once, rather than at its next refresh.
  virtual const LocalReceiver* local_receiver(NodeId host, const Session& session) const = 0;
  // A ResvConf reached the receiver host it is addressed to.
  virtual void on_resv_conf(NodeId host, const ResvConf& conf) = 0;

 protected:
  ~LocalApplications() = default;
};

class NodeProtocol final : public MessageReceiver {
 public:
  // `policies` resolves the POLICY_DATA messages carry; a RESV merged from requests carrying
  // different sets carries their union (PolicyTable::merged).
  NodeProtocol(engine::Scheduler& queue, Links& links, TrafficControl& traffic_control,
               const SoftStateTimes& times, PolicyTable& policies);
  // Cancels every timer still held: the queue may outlive the protocol.
  ~NodeProtocol();
  NodeProtocol(const NodeProtocol&) = delete;
  NodeProtocol& operator=(const NodeProtocol&) = delete;

  void set_applications(LocalApplications* applications) { applications_ = applications; }
  void set_host_observer(NodeId host, HostObserver* observer);  // nullptr: none
  HostObserver* host_observer(NodeId host) const;
  void set_policy(NodeId node, Policy policy);
  void set_path_policy(NodeId node, PathPolicy policy);
  // Makes `host` a destination of sessions addressed to `group`.
  void join(NodeId host, Address group);

  // Cancels every refresh timeout, keeping the state as it is.
  void halt();

  const NodeState& state(NodeId node) const { return nodes_.at(node); }
  engine::TimeUs lifetime_us() const { return rsvp::lifetime_us(times_); }

  // MessageReceiver.
  void deliver(NodeId at, NodeId from, LinkId link, const Message& message) override;

  // Local calls of a host's applications (RFC 2205 section 3.11.1).
  // A local sender's PATH, first or refreshed.
  void originate_path(NodeId host, Path path) { on_path(host, std::nullopt, std::nullopt, path); }
  // A local sender leaves with a PathTear.
  void tear_local_sender(NodeId host, const PathTear& tear) {
    on_path_tear(host, std::nullopt, tear, Cause::teardown);
  }
  // A local sender is gone without a word: its path state, here too, times out L after its last
  // PATH, and the network finds out by timeout.
  void forget_local_sender(NodeId host, const PsbKey& key);
  // A local receiver's request, made or changed, with the POLICY_DATA of its RESV; forward_resv
  // sends it.
  void set_local_request(NodeId host, const Session& session, Style style,
                         std::vector<FlowDescriptor> descriptors, PolicyRef policy);
  void forget_local_request(NodeId host, const Session& session);
  // Sends the merged request of `session` upstream, one RESV per previous hop, or ResvTear where
  // nothing is left; tells local senders what is reserved for them.
  void forward_resv(NodeId node, const Session& session, std::optional<NodeId> confirm_to,
                    Cause cause);

 private:
  template <typename F>
  void for_each_destination(const Session& session, F f) const;
  bool is_destination(NodeId node, const Session& session) const;

  void on_path(NodeId at, std::optional<NodeId> from, std::optional<LinkId> link, Path path);
  // `phop`: where the PathTear came from (none: the host's own sender).
  void on_path_tear(NodeId at, std::optional<NodeId> phop, const PathTear& tear, Cause cause);
  void on_resv(NodeId at, NodeId from, LinkId link, const Resv& resv);
  void on_resv_tear(NodeId at, NodeId from, Cause cause, const Session& session);
  void on_resv_err(NodeId at, NodeId from, const ResvErr& err);
  void on_path_err(NodeId at, const PathErr& err);
  // Whether `session` conflicts with path state of another session to the same DestAddress and
  // ProtocolId, one with DstPort zero and the other not (RFC 2205 section 3.2).
  bool conflicting_dest_ports(NodeId node, const Session& session) const;
  // Keeps NodeState::ported_sessions: after `session` gained a PSB at `node` (change 1) or lost
  // one (-1).
  void count_ported_session(NodeId node, const Session& session, int change);
  // A host whose last local sender of `session` left forgets what it reported to its senders:
  // an application that released its session hears no more of it.
  void forget_reported(NodeId host, const Session& session);

  // Soft-state expiry (expiry_list.hpp): a refresh moves the state's expiry to L from now.
  void arm(StateRef state);
  // The one engine event, for the front of the expiry list, when there is none.
  void schedule_expiry();
  // The event came due: the front times out, unless it was refreshed or deleted since.
  void expiry_due();
  // A PSB that timed out is torn down as by a PathTear, an RSB as by a ResvTear.
  void time_out(StateRef state);
  void cancel(std::uint64_t& timer);
  // The senders of `session` at `node` whose PATH went out on `itf_link` (or, with none, the
  // PATHs that arrived here for a local receiver), among those for which `keep` holds, into
  // `senders`. Sorted, as the PSBs are.
  template <typename Keep>
  void routed(NodeId node, const Session& session, std::optional<LinkId> itf_link,
              std::vector<SenderId>& senders, Keep keep) const;
  // Appends to `out` the descriptors an RSB's request contributes for the given (sorted)
  // senders, reduced by its style; false when there are none. `parts` is working space.
  static bool restrict(const ResvState& request, const std::vector<SenderId>& senders,
                       std::vector<FlowDescriptor>& parts, std::vector<FlowDescriptor>& out);
  // RFC 2209 UPDATE TRAFFIC CONTROL: recomputes the reservations of `session` on every interface
  // of `node` from its path and reservation state and installs them, each through admission
  // control. An interface whose reservations would grow past its reservable bandwidth keeps
  // what it had (RFC 2205 section 2.5, KR-I) and is returned; when none is, the node knows the
  // reservations to be current until the session's state changes (NodeState::installed).
  std::vector<Interface> update_traffic_control(NodeId node, const Session& session);
  // ResvErr "admission control failure" to the next hops whose requests `refused` did not admit.
  void refuse_downstream(NodeId node, const Session& session,
                         const std::vector<Interface>& refused);
  // RFC 2205 section 3.5: whether a request for `part` toward `phop` is blockaded.
  bool blockaded(NodeId node, const Session& session, NodeId phop,
                 const FlowDescriptor& part) const;
  void set_blockade(NodeId node, const BlockadeKey& key, const gqos::FlowSpec& qb);
  void report_senders_gone(NodeId node, const Session& session, Cause cause);
  // To the next hop `nhop` that sent the request, back over the link it came in on.
  void send_resv_err(NodeId at, LinkId link, NodeId nhop, const Session& session, ErrorCode code,
                     FlowDescriptor descriptor);

  engine::Scheduler& queue_;
  Links& links_;
  TrafficControl& traffic_control_;
  SoftStateTimes times_;
  PolicyTable& policy_table_;
  LocalApplications* applications_ = nullptr;
  std::map<NodeId, HostObserver*> host_observers_;
  std::map<NodeId, Policy> policies_;
  std::map<NodeId, PathPolicy> path_policies_;
  std::map<Address, std::set<NodeId>> groups_;
  std::map<Address, NodeId> hosts_;
  PathStates path_states_;  // before store_: its PSBs and RSBs point into these
  ResvStates resv_states_;
  ReservedLists reserved_lists_;
  StateStore store_;             // before nodes_, whose tables are over it
  std::deque<NodeState> nodes_;  // a deque: a NodeState stays put
  ExpiryList expiring_{store_};  // every PSB and RSB that times out, in the order they do
  engine::EventId expiry_event_ = 0;

  // Working space forward_resv (and on_path, for the outgoing interfaces) reuse from one message
  // to the next rather than allocate each time. A call moves it out and back when done: a call
  // made from within it (a host observer acting on the network) starts with empty vectors.
  struct MergeScratch {
    std::vector<std::optional<NodeId>> upstream;
    std::vector<SenderId> senders;
    std::vector<FlowDescriptor> parts;      // one previous hop's, from every RSB
    std::vector<FlowDescriptor> rsb_parts;  // one RSB's, before they are merged
  };
  MergeScratch merge_scratch_;
  std::vector<Interface> outs_scratch_;
  std::vector<SenderId> senders_scratch_;  // a RESV's senders with path state on its link
};

}  // namespace qosbed::rsvp
