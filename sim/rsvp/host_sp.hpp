// The RSVP SP of every host, driven by its applications: what each socket has asked for
// (gqos::SocketQos, after every Winsock call that changed it) becomes the RFC 2205 section
// 3.11.1 calls of HostApi, and the host's RSVP events become the FD_QOS indications of the
// sockets in their session, as Microsoft's documentation and docs/behaviour.md (D21 onwards)
// give them.
//
// - socket_changed compares what the socket's state asks (socket_plan.hpp) with what its host
//   does and acts on the difference: a new sending session starts PATH (SENDER), a changed Tspec
//   sends PATH at once, an ended one PathTear; a receiving session registers its request (sent
//   once path state exists, RESERVE), a changed request goes at once, a style change tears the
//   old one down first (WF -> FF: ResvTear, then FF), an ended one ResvTear. The requests of the
//   sockets of one host in one session are merged into the host's one request.
// - Each HostObserver event of a host reaches the sockets of its session that it concerns, as
//   an indication (sp_adapter.hpp), once per change: a socket is not told again what it was last
//   told, so refreshes and repeated errors say nothing.
// - check_qos answers SIO_CHK_QOS from the network's state (D30).
//
// Per socket it keeps one record (its request as the RESV needs it, its port) and one
// membership per session it is in (its place in the session's list, whether it asked for
// confirmation, and the digest of what it was last told): plain values in two deques, indexed,
// so a socket costs no allocation of its own but its entry in the table of sockets (and
// RSVP_RESERVE_INFO's descriptors when it gives any).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

#include "gqos/indication.hpp"
#include "gqos/socket_qos.hpp"
#include "rsvp/host_sp_options.hpp"
#include "rsvp/interned.hpp"
#include "rsvp/network.hpp"
#include "rsvp/session_map.hpp"
#include "rsvp/socket_plan.hpp"

namespace qosbed::rsvp {

using gqos::CheckQosAnswer;

class HostSp {
 public:
  // Where indications go: the runner passes each to Emulator::indicate. The sink must not call
  // back into the HostSp.
  using Sink = std::function<void(NodeId host, gqos::SocketId socket, gqos::Indication)>;

  // Becomes the HostObserver of every host of the network.
  HostSp(Network& network, Sink sink, HostSpOptions options = {});
  ~HostSp();
  HostSp(const HostSp&) = delete;
  HostSp& operator=(const HostSp&) = delete;

  // The socket's QoS state after a call that changed it (closed: its last).
  void socket_changed(NodeId host, gqos::SocketId socket, const gqos::SocketQos& qos);

  // SIO_CHK_QOS with `selector` on a socket of `host` in state `qos` (D30).
  CheckQosAnswer check_qos(NodeId host, const gqos::SocketQos& qos, std::uint32_t selector) const;

 private:
  class HostEvents;
  static constexpr std::uint32_t none = ~std::uint32_t{0};

  enum class Confirm : std::uint8_t { none, pending, done };
  // What a socket asks to receive: its receiving FLOWSPEC and RSVP_RESERVE_INFO's descriptors.
  struct ReceivingRequest {
    gqos::FlowSpec flowspec{};
    std::vector<FlowDescriptor> descriptors;
    friend bool operator==(const ReceivingRequest&, const ReceivingRequest&) = default;
  };
  struct ReceivingRequestHash {
    std::size_t operator()(const ReceivingRequest& request) const;
  };
  using ReceivingRequests = InternTable<ReceivingRequest, ReceivingRequestHash>;
  // A socket in one session at its host.
  struct Membership {
    Session session;
    std::uint32_t socket = none;  // its record
    std::uint32_t next_in_session = none;
    std::uint32_t next_of_socket = none;
    bool sending = false;
    bool heard = false;    // told WSA_QOS_SENDERS (receiving) or RECEIVERS (sending) since NO_*
    bool refused = false;  // its request's style conflicts with the session's at the host
    Confirm confirm = Confirm::none;
    std::uint64_t told = 0;  // fingerprint of the last indication, 0 for none
  };
  struct SocketRecord {
    gqos::SocketId socket = 0;
    NodeId host = 0;
    std::uint32_t qos_calls = 0;
    std::uint32_t receiving_calls = 0;
    std::uint32_t first = none;  // its first membership
    std::uint16_t port = 0;      // of its SENDER_TEMPLATE
    Style style = Style::wf;
    bool reserves = false;
    std::optional<SenderId> peer;
    ReceivingRequests::Ref receiving;  // as asked, interned: many sockets ask alike
  };
  struct SessionHead {
    std::uint32_t first = none;
  };
  struct SocketKey {
    NodeId host = 0;
    gqos::SocketId socket = 0;
    friend bool operator==(const SocketKey&, const SocketKey&) = default;
  };
  struct SocketKeyHash {
    std::size_t operator()(const SocketKey& key) const noexcept;
  };
  enum class Send { now, with_path };
  static Confirm asks_confirmation(const SocketPlan& plan);

  // socket_changed's parts.
  std::uint32_t add_record(NodeId host, gqos::SocketId socket, const gqos::SocketQos& qos);
  // Ends the memberships the plan no longer has; returns the receiving sessions among them.
  std::vector<Session> end_memberships(std::uint32_t record, const SocketPlan& plan);
  void start_sending(std::uint32_t record, const SocketPlan& plan);
  void start_receiving(std::uint32_t record, const SocketPlan& plan);
  // The host's request in `session`, merged from its sockets', made what it should be.
  void update_session(NodeId host, const Session& session, Send send);
  void append_request(const SocketRecord& record, const Session& session,
                      std::vector<FlowDescriptor>& out) const;

  // The memberships.
  std::uint32_t link(std::uint32_t record, const Session& session, bool sending);
  void unlink(std::uint32_t membership);
  std::uint32_t find(std::uint32_t record, const Session& session, bool sending) const;
  std::uint32_t first_in(NodeId host, const Session& session) const;
  void tell(std::uint32_t membership, gqos::Indication indication);

  // The HostObserver events of `host`.
  void on_path(NodeId host, const Session& session, const SenderId& sender, const PathState& path);
  void on_no_senders(NodeId host, const Session& session);
  void on_reservation(NodeId host, const Session& session,
                      const std::vector<FlowDescriptor>& reserved);
  void on_no_reservations(NodeId host, const Session& session);
  void on_confirmed(NodeId host, const Session& session, const ResvConf& conf);
  void on_reservation_error(NodeId host, const Session& session, const ResvErr& err);
  void on_path_error(NodeId host, const Session& session, const PathErr& err);

  Network& network_;
  Sink sink_;
  HostSpOptions options_;
  std::vector<std::unique_ptr<HostEvents>> events_;  // one per host, registered with it
  std::unordered_map<SocketKey, std::uint32_t, SocketKeyHash> sockets_;
  ReceivingRequests receiving_requests_;  // before records_: they point into it
  // Deques: they grow without moving what they hold or reserving twice what they need.
  std::deque<SocketRecord> records_;
  std::vector<std::uint32_t> free_records_;
  std::deque<Membership> memberships_;
  std::vector<std::uint32_t> free_memberships_;
  std::vector<SessionMap<SessionHead>> sessions_;  // per node: the first membership of a session
};

}  // namespace qosbed::rsvp
