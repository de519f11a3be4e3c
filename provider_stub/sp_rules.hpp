// The RSVP SP's rules: what docs/behaviour.md says the SP does with a socket (R1-R5, R8-R10 and
// their D-rules): sockets and their checks, QOS parsing and admission, the indications a script or
// the network delivers, how they finish pending SIO_GET_QOS requests or wait in a queue, the OS
// profiles, and each socket's gqos::SocketQos told to whoever runs the network. How the application
// then learns of a finished request (completion routines, events, WSAEventSelect, waits) is not
// decided here: results go to a ResultDelivery (WinsockDelivery in the emulator, a recorder in a
// test), so these rules can be tested alone.
//
// Calls follow Winsock's convention: 0 (or a handle) on success, socket_error with the error in
// the `last_error` given at construction, which the Winsock delivery model shares.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "engine/scheduler.hpp"
#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "gqos/indication.hpp"
#include "provider/call.hpp"
#include "provider/provider.hpp"
#include "provider_stub/emulator_options.hpp"
#include "provider_stub/fifo_queue.hpp"
#include "provider_stub/observer.hpp"
#include "provider_stub/result_delivery.hpp"
#include "provider_stub/small_fifo_queue.hpp"
#include "provider_stub/socket_qos_state.hpp"

namespace qosbed::provider_stub {

class SpRules {
 public:
  SpRules(engine::Scheduler& scheduler, ResultDelivery& delivery, std::uint32_t& last_error,
          EmulatorOptions options);
  ~SpRules();
  SpRules(const SpRules&) = delete;
  SpRules& operator=(const SpRules&) = delete;

  void set_observer(EmulatorObserver* observer) { observer_ = observer; }
  // Told each socket's gqos::SocketQos after every call that changed it (socket_qos_state.hpp);
  // set it before the sockets open.
  void set_qos_observer(QosObserver* observer) { qos_state_.set_observer(observer); }
  const EmulatorOptions& options() const { return options_; }

  // Script side: act now, at the scheduler's current time.
  void indicate(Socket socket, gqos::Indication&& indication);
  void fail_next_call(Socket socket, provider::Call call, std::uint32_t error);
  // Finishes the oldest pending SIO_GET_QOS with `error` and 0 bytes; false when none pends.
  bool fail_pending(Socket socket, std::uint32_t error);

  // Schedules `action`, a script event that acts on `socket` (indicate, fail_pending), at
  // `at_us`. The one place a hint is attached: while the events before it run, the scheduler
  // loads the socket's state, and the buffer and OVERLAPPED of the request it will finish. These
  // rules must outlive the event, as whatever its action calls must.
  engine::EventId schedule_script_event(Socket socket, engine::TimeUs at_us,
                                        engine::Action&& action);

  // The calls of the Provider that are the SP's.
  std::vector<provider::ProtocolInfo> enum_protocols() const;
  Socket open(provider::Role role, provider::Protocol protocol);
  int bind(Socket socket, const provider::Address& local);
  int connect(Socket socket, const provider::Address& remote,
              std::span<const std::byte> sending_qos);
  int shutdown(Socket socket, provider::Shutdown how);
  int join_leaf(Socket socket, const provider::Address& group,
                std::span<const std::byte> sending_qos, provider::JoinFlags flags);
  int ioctl(Socket socket, std::uint32_t code, std::span<const std::byte> in,
            std::span<std::byte> out, std::uint32_t* bytes_returned,
            provider::Overlapped* overlapped, provider::CompletionRoutine&& routine);
  int close(Socket socket);

  // What the Winsock delivery model asks of a socket.
  bool is_open(Socket socket) const { return state_of(socket) != nullptr; }
  bool pends(Socket socket, const provider::Overlapped* overlapped) const;
  // WSAEventSelect just asked for FD_QOS: D19 reports an indication still unread at once.
  void report_unread(Socket socket);

  std::size_t pending_requests(Socket socket) const;
  std::size_t queued_indications(Socket socket) const;

 private:
  // An overlapped request the SP still owes a completion.
  struct Request {
    std::uint64_t id = 0;
    std::span<std::byte> out;  // the caller's buffer; SIO_SET_QOS has none
    provider::Overlapped* overlapped = nullptr;
    provider::CompletionRoutine routine;
  };
  // What an indication and the reissue after it touch. The oldest pending request is kept
  // inline, so its address follows from the state's, and the state starts on a cache line: the
  // prefetcher loads the whole state as its four lines (SocketPrefetcher in sp_rules.cpp).
  struct alignas(64) SocketState {
    provider::Role role = provider::Role::both;
    provider::Protocol protocol = provider::Protocol::udp;
    bool bound = false;
    bool connected = false;
    bool confirm_request = false;
    // The service type last asked for in each direction, flags stripped: it fills an indication
    // that names no FLOWSPEC, and decides whether QoS is on (R10).
    std::uint32_t sending_service = gqos::service_type::best_effort;
    std::uint32_t receiving_service = gqos::service_type::best_effort;
    SmallFifoQueue<Request> pending;     // oldest first; non-empty only while `queued` is empty
    FifoQueue<gqos::Indication> queued;  // R9
  };
  class SocketPrefetcher;

  int fail(std::uint32_t error);
  SocketState* state_of(Socket socket);
  const SocketState* state_of(Socket socket) const;
  bool take_injected_failure(Socket socket, provider::Call call);
  int get_qos(Socket socket, SocketState& state, std::span<std::byte> out,
              std::uint32_t* bytes_returned, provider::Overlapped* overlapped,
              provider::CompletionRoutine&& routine);
  int query_qos(Socket socket, SocketState& state, std::span<std::byte> out,
                std::uint32_t* bytes_returned, provider::Overlapped* overlapped,
                provider::CompletionRoutine&& routine);
  int set_qos(Socket socket, SocketState& state, std::span<const std::byte> in,
              std::uint32_t* bytes_returned, provider::Overlapped* overlapped,
              provider::CompletionRoutine&& routine);
  // D17 in the order of D1: parse_qos checks the parameters (WSAEFAULT, WSAEINVAL), admit_qos the
  // profile and then admission; each returns 0 or the error, and a QOS is applied only after both.
  std::uint32_t parse_qos(std::span<const std::byte> in, gqos::DecodedQos& qos) const;
  // D37: what the RSVP_RESERVE_INFO of `qos` (decoded from `in`) asks that the SP cannot honour,
  // for a socket that will have one peer (TCP, connected UDP) when `one_peer`; 0 or the error.
  static std::uint32_t reserve_info_error(const gqos::DecodedQos& qos,
                                          std::span<const std::byte> in, bool one_peer);
  std::uint32_t admit_qos(const gqos::DecodedQos& qos, std::uint32_t unsupported_error) const;
  static void apply_qos(SocketState& state, const gqos::DecodedQos& qos);
  static void pend(SocketState& state, Request request);
  void finish(Socket socket, Request&& request, std::uint32_t error, std::uint32_t bytes);
  // The QOS an indication fills in, built in the storage of the last one (last_content_).
  gqos::QosContent content_of(const SocketState& state, const gqos::Indication& indication);

  engine::Scheduler& scheduler_;
  ResultDelivery& delivery_;
  std::uint32_t& last_error_;
  EmulatorOptions options_;
  EmulatorObserver* observer_ = nullptr;
  // Handles are first_socket, first_socket + socket_step, ... and never reused, so a handle's
  // state is found by index (a tree of 10,000 sockets cost a cache miss per level per event);
  // a closed socket leaves a null.
  static constexpr Socket first_socket = 0x100;
  static constexpr Socket socket_step = 4;
  std::vector<std::unique_ptr<SocketState>> sockets_;
  Socket next_socket_ = first_socket;
  // Failures a script injected, by socket and call. Kept apart from SocketState: scripts inject
  // rarely, and every call checks, so the check is one test of an empty map rather than a read of
  // a cold line of each socket's state.
  std::map<std::pair<Socket, provider::Call>, std::deque<std::uint32_t>> injected_;
  std::uint64_t next_request_id_ = 1;
  // Handed back after each use, so encoding a completion allocates nothing once it has grown.
  gqos::QosContent last_content_;
  std::unique_ptr<const SocketPrefetcher> prefetcher_;
  SocketQosState qos_state_;
};

}  // namespace qosbed::provider_stub
