// The scripted RSVP SP emulator: a Provider that behaves as the Windows RSVP service provider
// does around SIO_GET_QOS (rules R1-R10 of gqos-facts, with every DECISION documented in
// docs/behaviour.md), under one of the OS profiles, in virtual time. The script side delivers
// FD_QOS indications and injects failures "now"; whoever drives the run schedules those calls
// with schedule_script_event, on the run's one Scheduler. Waits run that scheduler, so a wait
// that would block runs the scripted events due before its deadline, exactly as if the provider
// had acted meanwhile. What a run chooses about it is in emulator_options.hpp, what it tells a
// run that traces it in observer.hpp: most code needs only those.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "engine/scheduler.hpp"
#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "gqos/indication.hpp"
#include "provider/call.hpp"
#include "provider/provider.hpp"
#include "provider_stub/emulator_options.hpp"
#include "provider_stub/fifo_queue.hpp"
#include "provider_stub/front_inline_fifo.hpp"
#include "provider_stub/observer.hpp"

namespace qosbed::provider_stub {

class Emulator final : public provider::Provider {
 public:
  explicit Emulator(engine::Scheduler& scheduler, EmulatorOptions options = {});
  ~Emulator() override;
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  void set_observer(EmulatorObserver* observer) { observer_ = observer; }
  const EmulatorOptions& options() const { return options_; }

  // Script side: act now, at the scheduler's current time.
  void indicate(Socket socket, gqos::Indication indication);
  void fail_next_call(Socket socket, provider::Call call, std::uint32_t error);
  // Finishes the oldest pending SIO_GET_QOS with `error` and 0 bytes; false when none pends.
  bool fail_pending(Socket socket, std::uint32_t error);
  // Schedules `action`, a script event that acts on `socket` through the calls above, at `at_us`.
  // The one place a prefetch hint is attached: while the events before it run, the scheduler
  // loads the socket's state, and the buffer and OVERLAPPED of the request it will finish. The
  // emulator must outlive the event, as whatever its action calls must.
  engine::EventId schedule_script_event(Socket socket, engine::TimeUs at_us, engine::Action action);

  // Provider.
  std::vector<provider::ProtocolInfo> enum_protocols() override;
  Socket open(provider::Role role, provider::Protocol protocol) override;
  int bind(Socket socket, const provider::Address& local) override;
  int connect(Socket socket, const provider::Address& remote,
              std::span<const std::byte> sending_qos) override;
  int ioctl(Socket socket, std::uint32_t code, std::span<const std::byte> in,
            std::span<std::byte> out, std::uint32_t* bytes_returned,
            provider::Overlapped* overlapped, provider::CompletionRoutine routine) override;
  bool get_overlapped_result(Socket socket, provider::Overlapped* overlapped, std::uint32_t* bytes,
                             bool wait, std::uint32_t* flags) override;
  provider::Event create_event() override;
  bool set_event(provider::Event event) override;
  bool reset_event(provider::Event event) override;
  bool close_event(provider::Event event) override;
  int event_select(Socket socket, provider::Event event, std::uint32_t network_events) override;
  int enum_network_events(Socket socket, provider::Event event_to_reset,
                          provider::NetworkEvents* out) override;
  std::uint32_t wait_for_events(std::span<const provider::Event> events, bool wait_all,
                                std::uint32_t timeout_ms, bool alertable) override;
  std::uint32_t sleep_ex(std::uint32_t timeout_ms, bool alertable) override;
  int close(Socket socket) override;
  std::uint32_t last_error() const override { return last_error_; }

  // Introspection for tests and traces.
  std::size_t pending_requests(Socket socket) const;
  std::size_t queued_indications(Socket socket) const;
  std::size_t queued_completions() const { return apcs_.size(); }

 private:
  // An overlapped request the provider still owes a completion.
  struct Request {
    std::uint64_t id = 0;
    std::span<std::byte> out;  // the caller's buffer; SIO_SET_QOS has none
    provider::Overlapped* overlapped = nullptr;
    provider::CompletionRoutine routine;
  };
  // What an indication and the reissue after it touch comes first, up to `recorded`: the
  // SocketPrefetcher loads those lines before the indication's turn. The oldest pending request is
  // kept inline, so its address follows from the state's, and the state starts on a cache line, so
  // that those 208 bytes take four lines.
  struct alignas(64) SocketState {
    provider::Role role = provider::Role::both;
    provider::Protocol protocol = provider::Protocol::udp;
    bool bound = false;
    bool connected = false;
    bool confirm_request = false;
    bool fd_qos_enabled = true;  // R7: false from a recording until the next SIO_GET_QOS
    // The service type last asked for in each direction, flags stripped: it fills an indication
    // that names no FLOWSPEC, and decides whether QoS is on (R10).
    std::uint32_t sending_service = gqos::service_type::best_effort;
    std::uint32_t receiving_service = gqos::service_type::best_effort;
    std::uint32_t select_mask = 0;
    provider::Event select_event = provider::invalid_event;
    FrontInlineFifo<Request> pending;    // oldest first; non-empty only while `queued` is empty
    FifoQueue<gqos::Indication> queued;  // R9
    provider::NetworkEvents recorded;
  };
  struct Apc {
    provider::CompletionRoutine routine;
    std::uint32_t error = 0;
    std::uint32_t bytes = 0;
    provider::Overlapped* overlapped = nullptr;
  };

  class SocketPrefetcher;  // in emulator.cpp: only the emulator knows of prefetching

  int fail(std::uint32_t error);
  SocketState* find(Socket socket);
  const SocketState* find(Socket socket) const;
  bool take_injected_failure(Socket socket, provider::Call call);
  int get_qos(Socket socket, SocketState& state, std::span<std::byte> out,
              std::uint32_t* bytes_returned, provider::Overlapped* overlapped,
              provider::CompletionRoutine routine);
  int set_qos(Socket socket, SocketState& state, std::span<const std::byte> in,
              std::uint32_t* bytes_returned, provider::Overlapped* overlapped,
              provider::CompletionRoutine routine);
  // D17 in the order of D1: parse_qos checks the parameters (WSAEFAULT, WSAEINVAL), admit_qos the
  // profile and then admission; each returns 0 or the error, and a QOS is applied only after both.
  std::uint32_t parse_qos(std::span<const std::byte> in, gqos::DecodedQos& qos) const;
  std::uint32_t admit_qos(const gqos::DecodedQos& qos, std::uint32_t unsupported_error) const;
  static void apply_qos(SocketState& state, const gqos::DecodedQos& qos);
  void pend(SocketState& state, Request request);
  void fail_unsupported_later(Socket socket, std::uint64_t request_id);
  void finish(Socket socket, Request request, std::uint32_t error, std::uint32_t bytes);
  void record_fd_qos(SocketState& state, std::uint32_t status);
  // The QOS an indication fills in, built in the storage of the last one (content_storage_).
  gqos::QosContent content_of(const SocketState& state, const gqos::Indication& indication);
  std::uint32_t run_apcs();
  bool events_ready(std::span<const provider::Event> events, bool wait_all,
                    std::uint32_t* index) const;
  std::optional<engine::TimeUs> deadline_after(std::uint32_t timeout_ms) const;
  // Advances virtual time until `done` holds or the deadline passes (nullopt: no deadline).
  // Returns false on timeout or stall.
  template <typename Done>
  bool advance(std::optional<engine::TimeUs> deadline_us, Done done);

  engine::Scheduler& scheduler_;
  EmulatorOptions options_;
  EmulatorObserver* observer_ = nullptr;
  // Handles are first_socket, first_socket + socket_step, ... and never reused, so a handle's
  // state is found by index (a tree of 10,000 sockets cost a cache miss per level per event);
  // a closed socket leaves a null.
  static constexpr Socket first_socket = 0x100;
  static constexpr Socket socket_step = 4;
  std::vector<std::unique_ptr<SocketState>> sockets_;
  std::map<provider::Event, bool> events_;  // signalled?
  // Failures a script injected, by socket and call. Kept apart from SocketState: scripts inject
  // rarely, and every call checks, so the check is one test of an empty map rather than a read of
  // a cold line of each socket's state.
  std::map<std::pair<Socket, provider::Call>, std::deque<std::uint32_t>> injected_;
  FifoQueue<Apc> apcs_;  // a std::deque would allocate a block every few completions
  std::uint32_t last_error_ = 0;
  Socket next_socket_ = first_socket;
  provider::Event next_event_ = 0x1000;
  std::uint64_t next_request_id_ = 1;
  std::vector<engine::EventId> scheduled_;  // cancelled on destruction: they call back into us
  // Handed back after each use, so encoding a completion allocates nothing once it has grown.
  gqos::QosContent content_storage_;
  std::unique_ptr<const SocketPrefetcher> prefetcher_;
};

}  // namespace qosbed::provider_stub
