// The applications on the hosts, as the RSVP API of RFC 2205 section 3.11.1 sees them: a sender
// registered with SENDER has its PATH refreshed, a receiver's RESERVE its request, each every
// interval drawn from [R/2, 3R/2], until it is released with a teardown or silenced (its state
// then times out along the path). A receiver that asked for confirmation is told of the first
// ResvConf.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/scheduler.hpp"
#include "rsvp/node_protocol.hpp"
#include "rsvp/refresh_timers.hpp"
#include "rsvp/soft_state.hpp"
#include "rsvp/topology.hpp"

namespace qosbed::rsvp {

// What a receiver asks for (the RESV it originates).
struct ReservationRequest {
  Style style = Style::wf;
  std::vector<FlowDescriptor> descriptors;  // WF: one, no filters; FF: one per sender; SE: one
  bool confirm = false;
};

class HostApi final : public LocalApplications {
 public:
  HostApi(engine::Scheduler& queue, const Topology& topology, NodeProtocol& protocol,
          Random& random, engine::TimeUs refresh_us);
  // Cancels every refresh still scheduled: the queue may outlive the applications.
  ~HostApi();
  HostApi(const HostApi&) = delete;
  HostApi& operator=(const HostApi&) = delete;

  // Sender side: send PATH now and refresh it; stop refreshing silently; or tear it down.
  void start_sender(NodeId host, const Session& session, std::uint16_t port,
                    const gqos::FlowSpec& tspec);
  void silence_sender(NodeId host, const Session& session, std::uint16_t port);
  void stop_sender(NodeId host, const Session& session, std::uint16_t port);

  // Receiver side: ask for a reservation (sent now if PATH state exists, and on every PATH that
  // arrives new), refreshed until released; release sends ResvTear.
  void reserve(NodeId host, const Session& session, ReservationRequest request);
  // Makes or changes a receiver's request without sending it: for a HostObserver acting in
  // on_path, after which the protocol sends the request for the new path state at once. A new
  // receiver refreshes one interval later.
  void change_request(NodeId host, const Session& session, ReservationRequest request);
  void silence_receiver(NodeId host, const Session& session);
  void release(NodeId host, const Session& session);

  // The POLICY_DATA every PATH and RESV `host` originates carries from now on (its refreshes
  // too); no_policy, as at first, for none.
  void set_host_policy(NodeId host, PolicyRef policy) { host_policies_.at(host) = policy; }

  // Cancels every refresh: the applications are silent from now on.
  void halt();

  // LocalApplications.
  const LocalReceiver* local_receiver(NodeId host, const Session& session) const override;
  void on_resv_conf(NodeId host, const ResvConf& conf) override;

 private:
  struct SenderApp {
    NodeId host = 0;
    gqos::FlowSpec tspec{};
    std::uint64_t timer = 0;  // in path_refreshes_
  };
  struct ReceiverApp {
    std::uint64_t timer = 0;  // in resv_refreshes_
    LocalReceiver receiver;
  };
  using SenderKey = std::pair<Session, SenderId>;
  using ReceiverKey = std::pair<NodeId, Session>;
  struct SenderKeyHash {
    std::size_t operator()(const SenderKey& key) const;
  };
  struct ReceiverKeyHash {
    std::size_t operator()(const ReceiverKey& key) const;
  };
  // Hash tables of nodes, not trees: a refresh timer points at its application's entry, which
  // stays in place, and a lookup by key (a PATH reaching its receiver) is one hash
  // rather than a walk down a tree of every flow. Only halt() iterates them, in no order that
  // matters.
  using SenderApps = std::unordered_map<SenderKey, SenderApp, SenderKeyHash>;
  using ReceiverApps = std::unordered_map<ReceiverKey, ReceiverApp, ReceiverKeyHash>;

  void refresh_path(SenderApps::value_type& app);
  void refresh_resv(ReceiverApps::value_type& app);
  void schedule_resv_refresh(ReceiverApps::value_type& app);
  engine::TimeUs next_refresh_us();
  SenderKey sender_key(NodeId host, const Session& session, std::uint16_t port) const;

  engine::Scheduler& queue_;
  const Topology& topology_;
  NodeProtocol& protocol_;
  Random& random_;
  engine::TimeUs refresh_us_;
  SenderApps senders_;
  ReceiverApps receivers_;
  RefreshTimers<SenderApps::value_type> path_refreshes_;  // after the apps they point at
  RefreshTimers<ReceiverApps::value_type> resv_refreshes_;
  std::vector<PolicyRef> host_policies_;  // by node
};

}  // namespace qosbed::rsvp
