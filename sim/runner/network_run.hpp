// A scenario's `network:` played on the run's clock: builds the rsvp::Network and every host's
// RSVP SP (rsvp::HostSp), places the application's sockets on their hosts, hands the SP each
// socket's QoS state after every call that changed it (the emulator's QosObserver) and the SP's
// indications back to the emulator, starts the scripted senders and receivers (those naming no
// socket), plays `net:` steps, traces every RSVP message (engine::RsvpRecord), captures the
// messages as packets when asked (--pcap), and checks `expect: message` and `expect: state`. The
// runner drives it.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/event_queue.hpp"
#include "engine/trace.hpp"
#include "provider_stub/socket_qos_state.hpp"
#include "rsvp/guaranteed_promise.hpp"
#include "rsvp/host_sp.hpp"
#include "rsvp/network.hpp"
#include "runner/message_capture.hpp"
#include "runner/runner.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::runner {

class NetworkRun final : public rsvp::MessageObserver, public provider_stub::QosObserver {
 public:
  // An indication a host's SP gives the socket `socket`.
  using Deliver = std::function<void(provider::Socket socket, const gqos::Indication&)>;

  NetworkRun(engine::EventQueue& queue, const scenario::NetworkSpec& spec, engine::TraceSink& trace,
             Deliver deliver);
  ~NetworkRun() override;

  // From now on, every message sent is also written to `out` as a packet (message_capture.hpp).
  void capture_to(std::ostream& out);
  // From now on, every message's `sent` record lists its objects as Wireshark sums them up
  // (rsvp_wire/summary.hpp).
  void describe_objects() { describe_objects_ = true; }
  // The scenario's socket `spec`, opened as `socket`, on the host of the sender or receiver that
  // names it, else on the host whose address it binds to; a socket on no host stays off the
  // network.
  void place(const scenario::SocketSpec& spec, provider::Socket socket);
  // The name of the host `place` put `socket` on, if any.
  std::optional<std::string> host_of(provider::Socket socket) const;
  // Schedules each scripted sender's first PATH and each scripted receiver's request at their
  // start times.
  void start();
  void play(const scenario::NetAction& action);
  // Cancels every refresh and timeout: the network is silent from now on, its state kept, and
  // the sockets' later calls reach no host's SP.
  void stop();
  engine::TimeUs end_us() const { return spec_.end_us.value_or(0); }
  const rsvp::Network& network() const { return *network_; }

  // What each receiver's own Guaranteed request promises its senders now
  // (rsvp/guaranteed_promise.hpp), receivers in file order; one that promises nothing is left out.
  struct ReceiverPromises {
    std::size_t receiver = 0;  // an index into NetworkSpec::receivers
    std::vector<rsvp::GuaranteedPromise> promises;
  };
  std::vector<ReceiverPromises> guaranteed_promises() const;
  // The scenario's name of the sender entry `sender` is, else its address and port.
  std::string sender_name(const rsvp::SenderId& sender) const;

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
  // Traced as sent by `at`, captured as the datagram its RSVP hop sent (rsvp::Routed).
  void on_routed(rsvp::NodeId at, rsvp::NodeId to, rsvp::LinkId link, const rsvp::Message& message,
                 const rsvp::Routed& via) override;
  void on_dropped(rsvp::NodeId from, rsvp::NodeId to, rsvp::LinkId link,
                  const rsvp::Message& message, rsvp::Drop why) override;

  // The host's SP hears of a socket's call once the call has returned, at the same virtual time,
  // as Windows' RSVP service acts beside the application's thread.
  void on_socket_qos(provider::Socket socket, const gqos::SocketQos& qos) override;
  gqos::CheckQosAnswer check_qos(provider::Socket socket, const gqos::SocketQos& qos,
                                 std::uint32_t selector) override;

 private:
  void trace(std::string action, rsvp::NodeId from, rsvp::NodeId to, rsvp::LinkId link,
             const rsvp::Message& message, std::vector<std::string> objects = {});
  // A message put on `link`, in the wire form `wire` gives it: traced, described, captured.
  void sent(rsvp::NodeId from, rsvp::NodeId to, rsvp::LinkId link, const rsvp::Message& message,
            const rsvp::WireContext& wire, std::uint8_t routers);
  rsvp::SenderId sender_id(std::size_t sender) const;
  // expect: state's adspec and delay_bound (runner/guaranteed_check.hpp).
  void check_path_terms(const scenario::Step& step, const scenario::ExpectState& expect,
                        const rsvp::Session& session, std::vector<Failure>& failures) const;
  rsvp::ReservationRequest request_of(const scenario::NetReceiver& receiver) const;

  engine::EventQueue& queue_;
  const scenario::NetworkSpec& spec_;
  engine::TraceSink& trace_;
  Deliver deliver_;
  std::vector<rsvp::Session> sessions_;  // spec_.sessions as the model keys them
  std::unique_ptr<rsvp::Network> network_;
  std::unique_ptr<rsvp::HostSp> host_sp_;
  std::map<provider::Socket, rsvp::NodeId> hosts_;  // the placed sockets
  std::vector<engine::EventId> starts_;
  std::unique_ptr<MessageCapture> capture_;
  engine::TimeUs refresh_us_ = 0;  // R, for TIME_VALUES on the wire
  bool describe_objects_ = false;
  std::vector<engine::EventId> changes_;  // socket changes not yet handed to the SP
  bool stopped_ = false;
};

}  // namespace qosbed::runner
