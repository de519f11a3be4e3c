// For the tests of the indication mapping (rsvp/sp_adapter.hpp) on a bare Network: a
// HostObserver that hands each of a host's RSVP events, as the indication HostSp would give, to a
// sink, without HostSp's sockets and memberships.
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include "rsvp/observer.hpp"
#include "rsvp/sp_adapter.hpp"

namespace rsvp_test {

class IndicationAdapter final : public qosbed::rsvp::HostObserver {
 public:
  using Session = qosbed::rsvp::Session;
  using Sink = std::function<void(const Session&, qosbed::gqos::Indication)>;
  explicit IndicationAdapter(Sink sink) : sink_(std::move(sink)) {}

  void on_path(const Session& session, const qosbed::rsvp::SenderId&,
               const qosbed::rsvp::PathState& path) override {
    sink_(session, qosbed::rsvp::senders_indication(path));
  }
  void on_no_senders(const Session& session, qosbed::rsvp::Cause) override {
    sink_(session, qosbed::rsvp::no_senders_indication());
  }
  void on_reservation(const Session& session, qosbed::rsvp::Style,
                      const std::vector<qosbed::rsvp::FlowDescriptor>& reserved) override {
    sink_(session, qosbed::rsvp::receivers_indication(reserved));
  }
  void on_no_reservations(const Session& session, qosbed::rsvp::Cause) override {
    sink_(session, qosbed::rsvp::no_receivers_indication());
  }
  void on_confirmed(const Session& session, const qosbed::rsvp::ResvConf& conf) override {
    sink_(session, qosbed::rsvp::confirmed_indication(conf));
  }
  void on_reservation_error(const Session& session, const qosbed::rsvp::ResvErr& err) override {
    sink_(session, qosbed::rsvp::error_indication(err));
  }
  void on_path_error(const Session& session, const qosbed::rsvp::PathErr& err) override {
    sink_(session, qosbed::rsvp::error_indication(err));
  }

 private:
  Sink sink_;
};

}  // namespace rsvp_test
