// RSVP message processing at every node, hosts and routers alike (RFC 2205 section 3, RFC 2209):
// path state (PSB) from PATH, reservation state (RSB) from RESV, their refresh timeouts, blockades
// after admission failures, teardown, errors and confirmations, and the merged RESV each node
// sends upstream. Messages come from Links; what to reserve goes to TrafficControl; what a host
// must hear goes to its HostObserver; what a host's own applications ask goes through the local
// calls below, made by HostApi.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "engine/scheduler.hpp"
#include "rsvp/links.hpp"
#include "rsvp/messages.hpp"
#include "rsvp/observer.hpp"
#include "rsvp/session_index.hpp"
#include "rsvp/soft_state.hpp"
#include "rsvp/state.hpp"
#include "rsvp/traffic_control.hpp"

namespace qosbed::rsvp {

// A node's policy: false refuses a request with a policy failure.
using Policy = std::function<bool(const Session&, const FlowDescriptor&)>;

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
  NodeProtocol(engine::Scheduler& queue, Links& links, TrafficControl& traffic_control,
               const SoftStateTimes& times);
  // Cancels every timer still held: the queue may outlive the protocol.
  ~NodeProtocol();
  NodeProtocol(const NodeProtocol&) = delete;
  NodeProtocol& operator=(const NodeProtocol&) = delete;

  void set_applications(LocalApplications* applications) { applications_ = applications; }
  void set_host_observer(NodeId host, HostObserver* observer);  // nullptr: none
  HostObserver* host_observer(NodeId host) const;
  void set_policy(NodeId node, Policy policy);
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
    on_path_tear(host, tear, Cause::teardown);
  }
  // A local sender is gone without a word: its host forgets it, the network finds out by timeout.
  void forget_local_sender(NodeId host, const PsbKey& key);
  // A local receiver's request, made or changed; forward_resv sends it.
  void set_local_request(NodeId host, const Session& session, Style style,
                         std::vector<FlowDescriptor> descriptors);
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
  void on_path_tear(NodeId at, const PathTear& tear, Cause cause);
  void on_resv(NodeId at, NodeId from, LinkId link, const Resv& resv);
  void on_resv_tear(NodeId at, NodeId from, Cause cause, const Session& session);
  void on_resv_err(NodeId at, const ResvErr& err);
  void on_path_err(NodeId at, const PathErr& err);

  // Soft-state expiry: each refresh moves expires_us and takes a new place in the queue's order;
  // the one event in the queue moves there only when it comes due (see Scheduler::take_order).
  void arm_psb_timer(NodeId node, const PsbKey& key, Psb& psb);
  void arm_rsb_timer(NodeId node, const RsbKey& key, Rsb& rsb);
  engine::EventId schedule_psb_expiry(NodeId node, const PsbKey& key, const Psb& psb);
  engine::EventId schedule_rsb_expiry(NodeId node, const RsbKey& key, const Rsb& rsb);
  void cancel(std::uint64_t& timer);
  // The senders of `session` at `node` whose PATH went out on `itf_link` (or, with none, the
  // PATHs that arrived here for a local receiver), among those for which `keep` holds, into
  // `senders`. Sorted, as the PSBs are.
  template <typename Keep>
  void routed(NodeId node, const Session& session, std::optional<LinkId> itf_link,
              std::vector<SenderId>& senders, Keep keep) const;
  // Appends to `out` the descriptors an RSB contributes for the given (sorted) senders, reduced
  // by its style; false when there are none. `parts` is working space.
  static bool restrict(const Rsb& rsb, const std::vector<SenderId>& senders,
                       std::vector<FlowDescriptor>& parts, std::vector<FlowDescriptor>& out);
  // Recomputes the reservations of `session` on every interface of `node`; with `admit`, fails
  // (changing nothing) when an interface would exceed its reservable bandwidth. On success the
  // index knows them to be current until the session's state changes (NodeIndex::installed).
  bool install(NodeId node, const Session& session, bool admit);
  void report_senders_gone(NodeId node, const Session& session, Cause cause);
  void send_resv_err(NodeId at, LinkId link, const Session& session, ErrorCode code,
                     FlowDescriptor descriptor);

  engine::Scheduler& queue_;
  Links& links_;
  TrafficControl& traffic_control_;
  SoftStateTimes times_;
  LocalApplications* applications_ = nullptr;
  std::map<NodeId, HostObserver*> host_observers_;
  std::map<NodeId, Policy> policies_;
  std::map<Address, std::set<NodeId>> groups_;
  std::map<Address, NodeId> hosts_;
  std::vector<NodeState> nodes_;
  std::deque<NodeIndex> index_;  // one per node, over nodes_ (a deque: NodeIndex stays put)

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
};

}  // namespace qosbed::rsvp
