// The RSVP protocol engine: end hosts and routers exchanging PATH, RESV and the teardown, error
// and confirmation messages over a Topology, on the shared engine::EventQueue. Soft state is
// refreshed end to end: each sender refreshes its PATH and each receiver its RESV every interval
// drawn from [R/2, 3R/2], and every node forwards what it receives at once (merged), while each
// node's own state times out after L on its own. All randomness comes from one seeded generator.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "engine/event_queue.hpp"
#include "rsvp/messages.hpp"
#include "rsvp/observer.hpp"
#include "rsvp/routing.hpp"
#include "rsvp/session_index.hpp"
#include "rsvp/soft_state.hpp"
#include "rsvp/state.hpp"
#include "rsvp/topology.hpp"

namespace qosbed::rsvp {

struct NetworkOptions {
  SoftStateTimes times;
  std::uint64_t seed = 1;
};

// What a receiver asks for (the RESV it originates).
struct ReservationRequest {
  Style style = Style::wf;
  std::vector<FlowDescriptor> descriptors;  // WF: one, no filters; FF: one per sender; SE: one
  bool confirm = false;
};

// A node's policy: false refuses a request with a policy failure.
using Policy = std::function<bool(const Session&, const FlowDescriptor&)>;

class Network {
 public:
  Network(engine::EventQueue& queue, Topology topology, NetworkOptions options = {});
  // Cancels every event still scheduled: the queue may outlive the network.
  ~Network();
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  // Cancels every refresh, timeout and message in flight, keeping the state as it is: the
  // network is silent from now on (a run's end), and can still be inspected.
  void halt();

  const Topology& topology() const { return topology_; }
  const NetworkOptions& options() const { return options_; }
  std::uint64_t seed() const { return random_.seed(); }
  engine::TimeUs lifetime_us() const { return rsvp::lifetime_us(options_.times); }
  // The routes in use, e.g. to show the path a message takes.
  Routing& routing() { return routing_; }

  void set_message_observer(MessageObserver* observer) { message_observer_ = observer; }
  void set_host_observer(NodeId host, HostObserver* observer);  // nullptr: none
  void set_policy(NodeId node, Policy policy);

  // Network changes. A link change recomputes routes; state follows with the next refresh.
  void set_link_up(LinkId link, bool up);
  void set_link_loss(LinkId link, double loss);
  // Makes `host` a destination of sessions addressed to `group`.
  void join(NodeId host, Address group);

  // Sender side: send PATH now and refresh it; stop refreshing silently; or tear it down.
  void start_sender(NodeId host, const Session& session, std::uint16_t port,
                    const gqos::FlowSpec& tspec);
  void silence_sender(NodeId host, const Session& session, std::uint16_t port);
  void stop_sender(NodeId host, const Session& session, std::uint16_t port);

  // Receiver side: ask for a reservation (sent now if PATH state exists, and on every PATH that
  // arrives new), refreshed until released; release sends ResvTear.
  void reserve(NodeId host, const Session& session, ReservationRequest request);
  void silence_receiver(NodeId host, const Session& session);
  void release(NodeId host, const Session& session);

  // Inspection.
  const NodeState& state(NodeId node) const { return nodes_.at(node); }
  // The reservations installed on an outgoing interface, by session.
  std::vector<Reservation> reservations(Interface itf) const;
  // The sum of their token rates, bytes per second.
  std::uint64_t reserved(Interface itf) const;
  std::optional<Interface> interface_toward(NodeId from, NodeId neighbour) const;

 private:
  struct SenderApp {
    NodeId host = 0;
    gqos::FlowSpec tspec{};
    std::uint64_t timer = 0;
  };
  struct ReceiverApp {
    std::uint64_t timer = 0;
    bool confirm_pending = false;
  };
  using SenderKey = std::pair<Session, SenderId>;
  using ReceiverKey = std::pair<NodeId, Session>;
  struct SenderKeyHash {
    std::size_t operator()(const SenderKey& key) const;
  };
  struct ReceiverKeyHash {
    std::size_t operator()(const ReceiverKey& key) const;
  };
  // Hash tables of nodes, not trees: a refresh timer holds a reference to its application's
  // entry, which stays in place, and a lookup by key (a PATH reaching its receiver) is one hash
  // rather than a walk down a tree of every flow. Only halt() iterates them, in no order that
  // matters.
  using SenderApps = std::unordered_map<SenderKey, SenderApp, SenderKeyHash>;
  using ReceiverApps = std::unordered_map<ReceiverKey, ReceiverApp, ReceiverKeyHash>;

  // A message on its way over a link: kept here, so the queue's event holds only its index.
  struct InFlight {
    Message message;
    NodeId to = 0;
    Interface itf;
    engine::EventId event = 0;  // 0 once delivered
  };
  using InstalledOnInterface = SessionMap<std::vector<Reservation>>;

  // Timers are engine event ids (0: none); a fired or cancelled one is harmless to cancel again.
  // The destructor cancels every one still held.
  void cancel(std::uint64_t& timer);
  // Where an interface's reservations live in installed_ and reserved_; nullopt when `itf.from`
  // is not an end of `itf.link`.
  std::optional<std::size_t> index_of(Interface itf) const;
  void arrive(std::uint32_t in_flight);
  template <typename F>
  void for_each_destination(const Session& session, F f) const;
  bool is_destination(NodeId node, const Session& session) const;

  void send(Interface itf, Message message);
  void send_toward(NodeId from, NodeId target, Message message);
  void deliver(NodeId at, NodeId from, LinkId link, const Message& message);

  void refresh_path(SenderApps::value_type& app);
  void refresh_resv(ReceiverApps::value_type& app);

  void on_path(NodeId at, std::optional<NodeId> from, std::optional<LinkId> link, Path path);
  void on_path_tear(NodeId at, const PathTear& tear, Cause cause);
  void on_resv(NodeId at, NodeId from, LinkId link, const Resv& resv);
  void on_resv_tear(NodeId at, NodeId from, Cause cause, const Session& session);
  void on_resv_err(NodeId at, const ResvErr& err);
  void on_path_err(NodeId at, const PathErr& err);
  void on_resv_conf(NodeId at, const ResvConf& conf);

  // Soft-state expiry: each refresh moves expires_us and takes a new place in the queue's order;
  // the one event in the queue moves there only when it comes due (see EventQueue::take_order).
  void arm_psb_timer(NodeId node, const PsbKey& key, Psb& psb);
  void arm_rsb_timer(NodeId node, const RsbKey& key, Rsb& rsb);
  engine::EventId schedule_psb_expiry(NodeId node, const PsbKey& key, const Psb& psb);
  engine::EventId schedule_rsb_expiry(NodeId node, const RsbKey& key, const Rsb& rsb);
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
  // Sends the merged request of `session` upstream, one RESV per previous hop, or ResvTear where
  // nothing is left; tells local senders what is reserved for them.
  void forward_resv(NodeId node, const Session& session, std::optional<NodeId> confirm_to,
                    Cause cause);
  void report_senders_gone(NodeId node, const Session& session, Cause cause);
  void send_resv_err(NodeId at, LinkId link, const Session& session, ErrorCode code,
                     FlowDescriptor descriptor);

  engine::EventQueue& queue_;
  Topology topology_;
  NetworkOptions options_;
  Routing routing_;
  Random random_;
  MessageObserver* message_observer_ = nullptr;
  std::map<NodeId, HostObserver*> host_observers_;
  std::map<NodeId, Policy> policies_;
  std::map<Address, std::set<NodeId>> groups_;
  std::vector<NodeState> nodes_;
  std::deque<NodeIndex> index_;  // one per node, over nodes_ (a deque: NodeIndex stays put)
  // By interface (two per link, see index_of), then by session.
  std::vector<InstalledOnInterface> installed_;
  std::vector<std::uint64_t> reserved_;
  SenderApps senders_;
  ReceiverApps receivers_;
  std::map<Address, NodeId> hosts_;
  std::vector<InFlight> in_flight_;
  std::vector<std::uint32_t> free_in_flight_;  // indexes of delivered messages, for reuse

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
