// The Winsock delivery model. docs/behaviour.md is the contract; the D-numbers below refer to it.
#include "provider_stub/winsock_delivery.hpp"

#include <algorithm>
#include <utility>

#include "gqos/constants.hpp"

namespace qosbed::provider_stub {

using provider::socket_error;
namespace wsa = gqos::wsa;

WinsockDelivery::WinsockDelivery(engine::Scheduler& scheduler, std::uint32_t& last_error)
    : scheduler_(scheduler), last_error_(last_error) {}

void WinsockDelivery::complete(Socket socket, provider::Overlapped& overlapped,
                               provider::CompletionRoutine&& routine, std::uint32_t error,
                               std::uint32_t bytes) {
  overlapped.internal = error;
  overlapped.internal_high = bytes;
  if (routine) {
    apcs_.push_back(Apc{std::move(routine), error, bytes, &overlapped});
  } else if (const auto it = events_.find(overlapped.event); it != events_.end()) {
    it->second = true;
  }
  if (observer_) observer_->on_request_finished(socket, &overlapped, error, bytes);
}

// Events.

provider::Event WinsockDelivery::create_event() {
  const provider::Event event = next_event_;
  next_event_ += 4;
  events_[event] = false;
  return event;
}

bool WinsockDelivery::set_event(provider::Event event) {
  const auto it = events_.find(event);
  if (it == events_.end()) {
    fail(wsa::invalid_handle);
    return false;
  }
  it->second = true;
  return true;
}

bool WinsockDelivery::reset_event(provider::Event event) {
  const auto it = events_.find(event);
  if (it == events_.end()) {
    fail(wsa::invalid_handle);
    return false;
  }
  it->second = false;
  return true;
}

bool WinsockDelivery::close_event(provider::Event event) {
  if (events_.erase(event) == 0) {
    fail(wsa::invalid_handle);
    return false;
  }
  return true;
}

// WSAEventSelect.

int WinsockDelivery::event_select(Socket socket, provider::Event event,
                                  std::uint32_t network_events) {
  if (network_events != 0 && !events_.contains(event)) {
    fail(wsa::einval);
    return socket_error;
  }
  // SDK WSAEventSelect: it "cancels any previous WSAAsyncSelect or WSAEventSelect for the same
  // socket and clears the internal network event record".
  selections_[socket] = Selection{event, network_events, true, {}};
  return 0;
}

int WinsockDelivery::enum_network_events(Socket socket, provider::Event event_to_reset,
                                         provider::NetworkEvents* out) {
  if (!out) {
    fail(wsa::efault);
    return socket_error;
  }
  if (event_to_reset != provider::invalid_event && !reset_event(event_to_reset)) {
    fail(wsa::einval);
    return socket_error;
  }
  const auto it = selections_.find(socket);
  *out = it == selections_.end() ? provider::NetworkEvents{} : it->second.recorded;
  if (it != selections_.end()) it->second.recorded = {};
  return 0;
}

void WinsockDelivery::qos_changed(Socket socket, std::uint32_t status) {
  if (selections_.empty()) return;
  const auto it = selections_.find(socket);
  if (it == selections_.end()) return;
  Selection& selection = it->second;
  if (!(selection.mask & gqos::fd_qos) || !selection.fd_qos_enabled) return;
  selection.recorded.network_events |= gqos::fd_qos;
  selection.recorded.error_codes[gqos::fd_qos_bit] = status;
  selection.fd_qos_enabled = false;
  if (const auto event = events_.find(selection.event); event != events_.end()) {
    event->second = true;
  }
}

void WinsockDelivery::qos_queried(Socket socket) {
  if (selections_.empty()) return;
  if (const auto it = selections_.find(socket); it != selections_.end()) {
    it->second.fd_qos_enabled = true;
  }
}

// WSAGetOverlappedResult.

bool WinsockDelivery::get_overlapped_result(provider::Overlapped* overlapped, std::uint32_t* bytes,
                                            bool wait, std::uint32_t* flags,
                                            const std::function<bool()>& pending) {
  if (!overlapped || !bytes || !flags) {
    fail(wsa::efault);
    return false;
  }
  if (pending() && !(wait && wait_until(std::nullopt, [&pending] { return !pending(); }))) {
    fail(wsa::io_incomplete);
    return false;
  }
  *flags = 0;
  if (overlapped->internal != wsa::no_error) {
    // SDK WSAGetOverlappedResult: "On failure, the value pointed to by lpcbTransfer will not be
    // updated"; the bytes stay in the OVERLAPPED's InternalHigh.
    fail(overlapped->internal);
    return false;
  }
  *bytes = overlapped->internal_high;
  return true;
}

// Waits.

std::optional<engine::TimeUs> WinsockDelivery::deadline_after(std::uint32_t timeout_ms) const {
  if (timeout_ms == wsa::infinite) return std::nullopt;
  return scheduler_.now_us() + static_cast<engine::TimeUs>(timeout_ms) * 1000;
}

template <typename Done>
bool WinsockDelivery::wait_until(std::optional<engine::TimeUs> deadline_us, Done done) {
  while (!done()) {
    const std::optional<engine::TimeUs> next = scheduler_.next_time_us();
    if (deadline_us && (!next || *next > *deadline_us)) {
      scheduler_.advance_to(*deadline_us);
      return false;
    }
    if (!next || (!deadline_us && horizon_us_ && *next > *horizon_us_)) {
      if (observer_) observer_->on_stalled();  // D16
      return false;
    }
    scheduler_.run_next();
  }
  return true;
}

std::uint32_t WinsockDelivery::run_apcs() {
  // D14: routines may finish further requests at once; those run in this same wait.
  while (!apcs_.empty()) {
    Apc apc = std::move(apcs_.front());
    apcs_.pop_front();
    apc.routine(apc.error, apc.bytes, apc.overlapped, 0);
  }
  return wsa::wait_io_completion;
}

bool WinsockDelivery::events_ready(std::span<const provider::Event> events, bool wait_all,
                                   std::uint32_t* index) const {
  for (std::uint32_t i = 0; i < events.size(); ++i) {
    const auto it = events_.find(events[i]);
    const bool signalled = it != events_.end() && it->second;
    if (wait_all && !signalled) return false;
    if (!wait_all && signalled) {
      *index = i;
      return true;
    }
  }
  *index = 0;
  return wait_all;
}

std::uint32_t WinsockDelivery::wait_for_events(std::span<const provider::Event> events,
                                               bool wait_all, std::uint32_t timeout_ms,
                                               bool alertable) {
  if (events.empty() || events.size() > wsa::maximum_wait_events) {
    fail(wsa::invalid_parameter);
    return wsa::wait_failed;
  }
  const bool all_known = std::all_of(events.begin(), events.end(),
                                     [this](provider::Event e) { return events_.contains(e); });
  if (!all_known) {
    fail(wsa::invalid_handle);
    return wsa::wait_failed;
  }
  std::uint32_t index = 0;
  auto done = [&] {
    return events_ready(events, wait_all, &index) || (alertable && !apcs_.empty());
  };
  if (!wait_until(deadline_after(timeout_ms), done)) return wsa::wait_timeout;
  if (events_ready(events, wait_all, &index)) return wsa::wait_event_0 + index;  // D15
  return run_apcs();
}

std::uint32_t WinsockDelivery::sleep_ex(std::uint32_t timeout_ms, bool alertable) {
  if (!wait_until(deadline_after(timeout_ms), [&] { return alertable && !apcs_.empty(); })) {
    return 0;
  }
  return run_apcs();
}

}  // namespace qosbed::provider_stub
