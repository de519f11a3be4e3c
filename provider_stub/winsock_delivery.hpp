// The Winsock delivery model: how an application learns what the SP did, in virtual time.
// Finished requests write their OVERLAPPED and queue their completion routine as an APC for the
// thread's next alertable wait, or signal their event (R6); WSAEventSelect records FD_QOS and
// signals the selected event, edge-triggered (R7); waits (WSAWaitForMultipleEvents, SleepEx,
// WSAGetOverlappedResult with `wait`) run the scheduler's events until they are satisfied or
// their deadline passes, exactly as if the provider had acted meanwhile (D14-D16). What the SP
// does with a socket is SpRules' part; it reaches this class through ResultDelivery, and a test
// can drive this class alone the same way.
//
// Calls follow Winsock's convention, with the error in the `last_error` given at construction,
// which the SP's rules share.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>

#include "engine/scheduler.hpp"
#include "provider/provider.hpp"
#include "provider_stub/fifo_queue.hpp"
#include "provider_stub/observer.hpp"
#include "provider_stub/result_delivery.hpp"

namespace qosbed::provider_stub {

class WinsockDelivery final : public ResultDelivery {
 public:
  WinsockDelivery(engine::Scheduler& scheduler, std::uint32_t& last_error);
  WinsockDelivery(const WinsockDelivery&) = delete;
  WinsockDelivery& operator=(const WinsockDelivery&) = delete;

  void set_observer(EmulatorObserver* observer) { observer_ = observer; }

  // ResultDelivery.
  void complete(Socket socket, provider::Overlapped& overlapped,
                provider::CompletionRoutine&& routine, std::uint32_t error,
                std::uint32_t bytes) override;
  void qos_changed(Socket socket, std::uint32_t status) override;
  void qos_queried(Socket socket) override;

  // Events, manual-reset as WSACreateEvent makes them.
  provider::Event create_event();
  bool set_event(provider::Event event);
  bool reset_event(provider::Event event);
  bool close_event(provider::Event event);

  // WSAEventSelect and WSAEnumNetworkEvents, on a socket the caller knows to be open.
  int event_select(Socket socket, provider::Event event, std::uint32_t network_events);
  int enum_network_events(Socket socket, provider::Event event_to_reset,
                          provider::NetworkEvents* out);
  // The socket is closed: what it selected and recorded goes with it.
  void forget(Socket socket) { selections_.erase(socket); }

  // WSAGetOverlappedResult, for a request on a socket the caller knows to be open; `pending`
  // says whether the SP still owes it.
  bool get_overlapped_result(provider::Overlapped* overlapped, std::uint32_t* bytes, bool wait,
                             std::uint32_t* flags, const std::function<bool()>& pending);

  // WSAWaitForMultipleEvents and SleepEx.
  std::uint32_t wait_for_events(std::span<const provider::Event> events, bool wait_all,
                                std::uint32_t timeout_ms, bool alertable);
  std::uint32_t sleep_ex(std::uint32_t timeout_ms, bool alertable);

  std::size_t queued_completions() const { return apcs_.size(); }

  // The time after which nothing can end a wait: an INFINITE wait not satisfied by the events
  // due until then stalls (D16), though events of later times remain. A network's soft state
  // schedules refreshes for ever, but the network stops at its end.
  void set_stall_horizon(std::optional<engine::TimeUs> horizon_us) { horizon_us_ = horizon_us; }

 private:
  // A completion routine queued for the thread's next alertable wait.
  struct Apc {
    provider::CompletionRoutine routine;
    std::uint32_t error = 0;
    std::uint32_t bytes = 0;
    provider::Overlapped* overlapped = nullptr;
  };
  // What WSAEventSelect asked of a socket, and the network events recorded since it last asked.
  struct Selection {
    provider::Event event = provider::invalid_event;
    std::uint32_t mask = 0;
    bool fd_qos_enabled = true;  // R7: false from a recording until the next SIO_GET_QOS
    provider::NetworkEvents recorded;
  };

  void fail(std::uint32_t error) { last_error_ = error; }
  std::uint32_t run_apcs();
  bool events_ready(std::span<const provider::Event> events, bool wait_all,
                    std::uint32_t* index) const;
  std::optional<engine::TimeUs> deadline_after(std::uint32_t timeout_ms) const;
  // Runs the scheduler's events until `done` holds or the deadline passes (nullopt: no
  // deadline). Returns false on timeout or stall.
  template <typename Done>
  bool wait_until(std::optional<engine::TimeUs> deadline_us, Done done);

  engine::Scheduler& scheduler_;
  std::uint32_t& last_error_;
  EmulatorObserver* observer_ = nullptr;
  std::map<provider::Event, bool> events_;  // signalled?
  provider::Event next_event_ = 0x1000;
  std::optional<engine::TimeUs> horizon_us_;
  // Only sockets that called WSAEventSelect: with none, an indication or a query costs one test
  // of an empty map.
  std::map<Socket, Selection> selections_;
  FifoQueue<Apc> apcs_;  // a std::deque would allocate a block every few completions
};

}  // namespace qosbed::provider_stub
