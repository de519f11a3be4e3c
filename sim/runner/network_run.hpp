// A scenario's `network:` played on the run's clock: builds the rsvp::Network, starts its senders
// and receivers, plays `net:` steps, traces every RSVP message (engine::RsvpRecord), hands each
// host's SP indications to the scenario socket its sender or receiver names, captures the
// messages as packets when asked (--pcap), and checks
// `expect: message` and `expect: state`. The runner drives it; `qosbed compile` drives it alone.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/event_queue.hpp"
#include "engine/trace.hpp"
#include "rsvp/network.hpp"
#include "rsvp/sp_adapter.hpp"
#include "runner/message_capture.hpp"
#include "runner/runner.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::runner {

class NetworkRun final : public rsvp::MessageObserver {
 public:
  // An indication a host's SP gives the socket `socket`.
  using Deliver = std::function<void(const std::string& socket, const gqos::Indication&)>;

  NetworkRun(engine::EventQueue& queue, const scenario::NetworkSpec& spec, engine::TraceSink& trace,
             Deliver deliver);

  // From now on, every message sent is also written to `out` as a packet (message_capture.hpp).
  void capture_to(std::ostream& out);
  // Schedules each sender's first PATH and each receiver's request at their start times.
  void start();
  void play(const scenario::NetAction& action);
  // Cancels every refresh and timeout: the network is silent from now on, its state kept.
  void stop();
  engine::TimeUs end_us() const { return spec_.end_us.value_or(0); }
  const rsvp::Network& network() const { return *network_; }

  // Against the rsvp records in `records`, as of `now_us`.
  void check(const scenario::Step& step, const scenario::ExpectMessage& expect,
             const std::vector<engine::TraceRecord>& records, engine::TimeUs now_us,
             std::vector<Failure>& failures) const;
  void check(const scenario::Step& step, const scenario::ExpectState& expect,
             std::vector<Failure>& failures) const;

  void on_sent(rsvp::NodeId from, rsvp::NodeId to, rsvp::LinkId link,
               const rsvp::Message& message) override;
  void on_received(rsvp::NodeId at, rsvp::NodeId from, rsvp::LinkId link,
                   const rsvp::Message& message) override;
  void on_dropped(rsvp::NodeId from, rsvp::NodeId to, rsvp::LinkId link,
                  const rsvp::Message& message, rsvp::Drop why) override;

 private:
  void trace(std::string action, rsvp::NodeId from, rsvp::NodeId to, rsvp::LinkId link,
             const rsvp::Message& message);
  // The sockets of `host` that get indications of `session` in the indication's direction.
  void indicate(std::size_t host, const rsvp::Session& session, const gqos::Indication& indication);
  rsvp::SenderId sender_id(std::size_t sender) const;
  rsvp::ReservationRequest request_of(const scenario::NetReceiver& receiver) const;

  engine::EventQueue& queue_;
  const scenario::NetworkSpec& spec_;
  engine::TraceSink& trace_;
  Deliver deliver_;
  std::vector<rsvp::Session> sessions_;  // spec_.sessions as the model keys them
  std::unique_ptr<rsvp::Network> network_;
  std::vector<std::unique_ptr<rsvp::IndicationAdapter>> adapters_;
  std::vector<engine::EventId> starts_;
  std::unique_ptr<MessageCapture> capture_;
};

}  // namespace qosbed::runner
