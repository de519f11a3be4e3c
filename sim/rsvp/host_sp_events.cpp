// HostSp's side of the network: the HostObserver of every host, and what each event of a
// session tells the sockets in it (W32:qos-event-codes): a receiver hears of PATHs, their end, its
// confirmation and its reservation's errors; a sender of reservations, their end and its PATH's
// errors. Each only once per change (tell).
#include <algorithm>
#include <memory>
#include <utility>

#include "rsvp/host_sp.hpp"
#include "rsvp/sp_adapter.hpp"

namespace qosbed::rsvp {

class HostSp::HostEvents final : public HostObserver {
 public:
  HostEvents(HostSp& sp, NodeId host) : sp_(sp), host_(host) {}
  NodeId host() const { return host_; }

  void on_path(const Session& session, const SenderId& sender, const PathState& path) override {
    sp_.on_path(host_, session, sender, path);
  }
  void on_no_senders(const Session& session, Cause) override { sp_.on_no_senders(host_, session); }
  void on_reservation(const Session& session, Style,
                      const std::vector<FlowDescriptor>& reserved) override {
    sp_.on_reservation(host_, session, reserved);
  }
  void on_no_reservations(const Session& session, Cause) override {
    sp_.on_no_reservations(host_, session);
  }
  void on_confirmed(const Session& session, const ResvConf& conf) override {
    sp_.on_confirmed(host_, session, conf);
  }
  void on_reservation_error(const Session& session, const ResvErr& err) override {
    sp_.on_reservation_error(host_, session, err);
  }
  void on_path_error(const Session& session, const PathErr& err) override {
    sp_.on_path_error(host_, session, err);
  }

 private:
  HostSp& sp_;
  NodeId host_;
};

HostSp::HostSp(Network& network, Sink sink, HostSpOptions options)
    : network_(network),
      sink_(std::move(sink)),
      options_(options),
      sessions_(network.topology().nodes().size()) {
  const auto& nodes = network.topology().nodes();
  for (NodeId id = 0; id < nodes.size(); ++id) {
    if (nodes[id].kind != NodeKind::host) continue;
    events_.push_back(std::make_unique<HostEvents>(*this, id));
    network.set_host_observer(id, events_.back().get());
  }
}

HostSp::~HostSp() {
  for (const auto& events : events_) network_.set_host_observer(events->host(), nullptr);
}

void HostSp::on_path(NodeId host, const Session& session, const SenderId& sender,
                     const PathState& path) {
  bool reserves = false;
  for (std::uint32_t m = first_in(host, session); m != none; m = memberships_[m].next_in_session) {
    if (memberships_[m].sending) continue;
    const SocketRecord& record = records_[memberships_[m].socket];
    reserves = reserves || record.reserves;
    // A connected socket hears only its peer's PATH
    // (W32:using-wsaconnect-to-join-unicast-rsvp-sessions).
    if (record.peer && *record.peer != sender) continue;
    memberships_[m].heard = true;
    tell(m, senders_indication(path));
  }
  // The request follows the path state, whose Tspec completes it (D26); the protocol sends it
  // right after this event (HostObserver::on_path).
  if (reserves) update_session(host, session, Send::with_path);
}

void HostSp::on_no_senders(NodeId host, const Session& session) {
  for (std::uint32_t m = first_in(host, session); m != none; m = memberships_[m].next_in_session) {
    Membership& member = memberships_[m];
    if (member.sending || !member.heard) continue;  // D28: only after WSA_QOS_SENDERS
    member.heard = false;
    tell(m, no_senders_indication());
  }
}

void HostSp::on_reservation(NodeId host, const Session& session,
                            const std::vector<FlowDescriptor>& reserved) {
  const Address address = network_.topology().node(host).address;
  for (std::uint32_t m = first_in(host, session); m != none; m = memberships_[m].next_in_session) {
    Membership& member = memberships_[m];
    if (!member.sending) continue;
    const SenderId sender{address, records_[member.socket].port};
    if (const auto flowspec = reserved_for(reserved, sender)) {
      member.heard = true;
      tell(m, receivers_indication(*flowspec));
    } else if (member.heard) {  // what is reserved no longer covers this sender
      member.heard = false;
      tell(m, no_receivers_indication());
    }
  }
}

void HostSp::on_no_reservations(NodeId host, const Session& session) {
  for (std::uint32_t m = first_in(host, session); m != none; m = memberships_[m].next_in_session) {
    Membership& member = memberships_[m];
    if (!member.sending || !member.heard) continue;  // D28: only after WSA_QOS_RECEIVERS
    member.heard = false;
    tell(m, no_receivers_indication());
  }
}

void HostSp::on_confirmed(NodeId host, const Session& session, const ResvConf& conf) {
  for (std::uint32_t m = first_in(host, session); m != none; m = memberships_[m].next_in_session) {
    Membership& member = memberships_[m];
    if (member.sending || member.confirm != Confirm::pending) continue;
    // One Confirm-Request / Confirm pair per SIO_SET_QOS per session (KB195274).
    member.confirm = Confirm::done;
    tell(m, confirmed_indication(conf));
  }
}

void HostSp::on_reservation_error(NodeId host, const Session& session, const ResvErr& err) {
  const auto& filters = err.descriptor.filters;
  for (std::uint32_t m = first_in(host, session); m != none; m = memberships_[m].next_in_session) {
    const SocketRecord& record = records_[memberships_[m].socket];
    if (memberships_[m].sending || !record.reserves) continue;
    // A connected socket's request names its peer only: an error for other senders is not its.
    if (record.peer && !filters.empty() &&
        std::find(filters.begin(), filters.end(), *record.peer) == filters.end()) {
      continue;
    }
    tell(m, error_indication(err));
  }
}

void HostSp::on_path_error(NodeId host, const Session& session, const PathErr& err) {
  const Address address = network_.topology().node(host).address;
  for (std::uint32_t m = first_in(host, session); m != none; m = memberships_[m].next_in_session) {
    if (!memberships_[m].sending) continue;
    // docs/behaviour.md D20: a PathErr reaches the sender it names.
    if (SenderId{address, records_[memberships_[m].socket].port} == err.sender) {
      tell(m, error_indication(err));
    }
  }
}

}  // namespace qosbed::rsvp
