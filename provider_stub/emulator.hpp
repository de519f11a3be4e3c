// provider_stub: the scripted RSVP SP emulator, a Provider that behaves as the Windows RSVP
// service provider does around SIO_GET_QOS (docs/behaviour.md: rules R1-R10, the decisions
// D1-D19, D31 and the OS profiles), in virtual time.
//
// Two parts, each a class of its own and tested alone:
// - SpRules (sp_rules.hpp): what the SP does with a socket: sockets and their checks, QOS parsing
//   and admission, indications and their queueing, the profiles, and what each socket has asked
//   of the SP as a gqos::SocketQos for the network behind it (socket_qos_state.hpp);
// - WinsockDelivery (winsock_delivery.hpp): how the application learns of it: completion
//   routines queued as APCs, events, WSAEventSelect, and waits that run the scheduler's events.
// SpRules hands its results to WinsockDelivery through ResultDelivery (result_delivery.hpp); the
// Emulator composes the two into a Provider, and checks a socket with the SP before the Winsock
// part acts on it. The folder also holds the options a run chooses (emulator_options.hpp), the
// observer a run traces with (observer.hpp) and the two FIFOs the socket state is built of.
//
// May include: gqos/, provider/, engine/ (the Scheduler; prefetching in sp_rules.cpp only). Never
// the scenario, the runner, the network model or the trace: a runner maps what a scenario says
// onto EmulatorOptions and drives the script side.
//
// The script side (indicate, fail_next_call, fail_pending) acts "now"; whoever drives the run
// schedules those calls with schedule_script_event, which lets the scheduler load the socket's
// state ahead of the event's turn. Waits run the scheduler, so a wait that would block runs the
// scripted events due before its deadline, exactly as if the provider had acted meanwhile.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/scheduler.hpp"
#include "gqos/indication.hpp"
#include "provider/call.hpp"
#include "provider/provider.hpp"
#include "provider_stub/emulator_options.hpp"
#include "provider_stub/observer.hpp"
#include "provider_stub/sp_rules.hpp"
#include "provider_stub/winsock_delivery.hpp"

namespace qosbed::provider_stub {

class Emulator final : public provider::Provider {
 public:
  explicit Emulator(engine::Scheduler& scheduler, EmulatorOptions options = {})
      : delivery_(scheduler, last_error_), sp_(scheduler, delivery_, last_error_, options) {}

  void set_observer(EmulatorObserver* observer) {
    sp_.set_observer(observer);
    delivery_.set_observer(observer);
  }
  // Told each socket's gqos::SocketQos after every call that changed it (socket_qos_state.hpp);
  // set it before the sockets open.
  void set_qos_observer(QosObserver* observer) { sp_.set_qos_observer(observer); }
  const EmulatorOptions& options() const { return sp_.options(); }

  // Script side: act now, at the scheduler's current time.
  void indicate(Socket socket, gqos::Indication indication) {
    sp_.indicate(socket, std::move(indication));
  }
  void fail_next_call(Socket socket, provider::Call call, std::uint32_t error) {
    sp_.fail_next_call(socket, call, error);
  }
  // Finishes the oldest pending SIO_GET_QOS with `error` and 0 bytes; false when none pends.
  bool fail_pending(Socket socket, std::uint32_t error) { return sp_.fail_pending(socket, error); }
  // Schedules `action`, which acts on `socket` through the calls above, at `at_us`. The emulator
  // must outlive the event, as whatever its action calls must.
  engine::EventId schedule_script_event(Socket socket, engine::TimeUs at_us,
                                        engine::Action action) {
    return sp_.schedule_script_event(socket, at_us, std::move(action));
  }

  // Provider.
  std::vector<provider::ProtocolInfo> enum_protocols() override { return sp_.enum_protocols(); }
  Socket open(provider::Role role, provider::Protocol protocol) override {
    return sp_.open(role, protocol);
  }
  int bind(Socket socket, const provider::Address& local) override {
    return sp_.bind(socket, local);
  }
  int connect(Socket socket, const provider::Address& remote,
              std::span<const std::byte> sending_qos) override {
    return sp_.connect(socket, remote, sending_qos);
  }
  int shutdown(Socket socket, provider::Shutdown how) override { return sp_.shutdown(socket, how); }
  int join_leaf(Socket socket, const provider::Address& group,
                std::span<const std::byte> sending_qos, provider::JoinFlags flags) override {
    return sp_.join_leaf(socket, group, sending_qos, flags);
  }
  int ioctl(Socket socket, std::uint32_t code, std::span<const std::byte> in,
            std::span<std::byte> out, std::uint32_t* bytes_returned,
            provider::Overlapped* overlapped, provider::CompletionRoutine routine) override {
    return sp_.ioctl(socket, code, in, out, bytes_returned, overlapped, std::move(routine));
  }
  bool get_overlapped_result(Socket socket, provider::Overlapped* overlapped, std::uint32_t* bytes,
                             bool wait, std::uint32_t* flags) override;
  provider::Event create_event() override { return delivery_.create_event(); }
  bool set_event(provider::Event event) override { return delivery_.set_event(event); }
  bool reset_event(provider::Event event) override { return delivery_.reset_event(event); }
  bool close_event(provider::Event event) override { return delivery_.close_event(event); }
  int event_select(Socket socket, provider::Event event, std::uint32_t network_events) override;
  int enum_network_events(Socket socket, provider::Event event_to_reset,
                          provider::NetworkEvents* out) override;
  std::uint32_t wait_for_events(std::span<const provider::Event> events, bool wait_all,
                                std::uint32_t timeout_ms, bool alertable) override {
    return delivery_.wait_for_events(events, wait_all, timeout_ms, alertable);
  }
  std::uint32_t sleep_ex(std::uint32_t timeout_ms, bool alertable) override {
    return delivery_.sleep_ex(timeout_ms, alertable);
  }
  int close(Socket socket) override;
  std::uint32_t last_error() const override { return last_error_; }

  // Introspection for tests and traces.
  std::size_t pending_requests(Socket socket) const { return sp_.pending_requests(socket); }
  std::size_t queued_indications(Socket socket) const { return sp_.queued_indications(socket); }
  std::size_t queued_completions() const { return delivery_.queued_completions(); }
  // See WinsockDelivery::set_stall_horizon.
  void set_stall_horizon(std::optional<engine::TimeUs> horizon_us) {
    delivery_.set_stall_horizon(horizon_us);
  }

 private:
  // WSAGetLastError: one per thread in Winsock, and an emulated run has one application thread.
  std::uint32_t last_error_ = 0;
  WinsockDelivery delivery_;
  SpRules sp_;  // after delivery_, which it reports to: destroyed first
};

}  // namespace qosbed::provider_stub
