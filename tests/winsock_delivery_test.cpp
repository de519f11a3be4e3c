// The Winsock delivery model alone: requests finished as an SP finishes them (through
// ResultDelivery), events, WSAEventSelect and waits, on a scheduler of its own and with no SP
// behind it. The emulator's tests check the same through both parts.
#define BOOST_TEST_MODULE winsock_delivery
#include "provider_stub/winsock_delivery.hpp"

#include <boost/test/unit_test.hpp>
#include <vector>

#include "engine/event_queue.hpp"
#include "gqos/constants.hpp"

using namespace qosbed;
using namespace qosbed::provider_stub;
using provider::Overlapped;
using provider::socket_error;
namespace wsa = gqos::wsa;
namespace status = gqos::status;

namespace {

constexpr Socket some_socket = 0x100;  // the delivery model takes any handle the SP gives

struct Ran {
  std::uint32_t error;
  std::uint32_t bytes;
  Overlapped* overlapped;
  bool operator==(const Ran&) const = default;
};

struct Observed final : EmulatorObserver {
  void on_indication(Socket, const gqos::Indication&, IndicationOutcome) override {}
  void on_request_finished(Socket, const Overlapped*, std::uint32_t error,
                           std::uint32_t bytes) override {
    finished.push_back({error, bytes, nullptr});
  }
  void on_stalled() override { ++stalls; }

  std::vector<Ran> finished;
  int stalls = 0;
};

struct Delivered {
  Delivered() : delivery(queue, last_error) { delivery.set_observer(&observed); }

  provider::CompletionRoutine routine() {
    return [this](std::uint32_t error, std::uint32_t bytes, Overlapped* overlapped, std::uint32_t) {
      ran.push_back({error, bytes, overlapped});
    };
  }

  engine::EventQueue queue;
  std::uint32_t last_error = 0;
  Observed observed;
  WinsockDelivery delivery;
  std::vector<Ran> ran;
};

}  // namespace

// R6: a finished request writes its OVERLAPPED at once; its routine runs only in an alertable
// wait, with the request's result.
BOOST_AUTO_TEST_CASE(a_routine_runs_only_in_an_alertable_wait) {
  Delivered winsock;
  Overlapped overlapped;
  winsock.delivery.complete(some_socket, overlapped, winsock.routine(), 0, 100);
  BOOST_TEST(overlapped.internal == 0u);
  BOOST_TEST(overlapped.internal_high == 100u);
  BOOST_TEST(winsock.observed.finished == (std::vector<Ran>{{0, 100, nullptr}}));
  BOOST_TEST(winsock.delivery.queued_completions() == 1u);

  BOOST_TEST(winsock.delivery.sleep_ex(5, false) == 0u);
  BOOST_TEST(winsock.queue.now_us() == 5000);
  BOOST_TEST(winsock.ran.empty());
  BOOST_TEST(winsock.delivery.sleep_ex(5, true) == wsa::wait_io_completion);
  BOOST_TEST(winsock.queue.now_us() == 5000);
  BOOST_TEST(winsock.ran == (std::vector<Ran>{{0, 100, &overlapped}}));
  BOOST_TEST(winsock.delivery.queued_completions() == 0u);
}

// Without a routine the request's event is signalled instead, and nothing is queued.
BOOST_AUTO_TEST_CASE(without_a_routine_the_request_event_is_signalled) {
  Delivered winsock;
  Overlapped overlapped;
  overlapped.event = winsock.delivery.create_event();
  const provider::Event events[] = {winsock.delivery.create_event(), overlapped.event};
  BOOST_TEST(winsock.delivery.wait_for_events(events, false, 0, true) == wsa::wait_timeout);
  winsock.delivery.complete(some_socket, overlapped, {}, wsa::enobufs, 4);
  BOOST_TEST(winsock.delivery.queued_completions() == 0u);
  BOOST_TEST(winsock.delivery.wait_for_events(events, false, 0, true) == wsa::wait_event_0 + 1);
  BOOST_TEST(overlapped.internal == wsa::enobufs);
}

// Waits run what the scheduler holds until they are satisfied, or up to their deadline; a wait
// with no deadline that nothing scheduled can end reports a stall (D16).
BOOST_AUTO_TEST_CASE(waits_run_the_scheduled_events_in_virtual_time) {
  Delivered winsock;
  Overlapped overlapped;
  winsock.queue.schedule_at(
      3000, [&] { winsock.delivery.complete(some_socket, overlapped, winsock.routine(), 0, 100); });
  winsock.queue.schedule_at(9000, [] {});
  BOOST_TEST(winsock.delivery.sleep_ex(10, true) == wsa::wait_io_completion);
  BOOST_TEST(winsock.queue.now_us() == 3000);
  BOOST_TEST(winsock.ran.size() == 1u);
  BOOST_TEST(winsock.delivery.sleep_ex(2, true) == 0u);
  BOOST_TEST(winsock.queue.now_us() == 5000);
  BOOST_TEST(winsock.delivery.sleep_ex(wsa::infinite, true) == 0u);
  BOOST_TEST(winsock.queue.now_us() == 9000);
  BOOST_TEST(winsock.observed.stalls == 1);
}

// D14: a routine whose own request finishes at once has that routine run in the same wait.
BOOST_AUTO_TEST_CASE(routines_queued_by_routines_run_in_the_same_wait) {
  Delivered winsock;
  Overlapped overlapped;
  int runs = 0;
  std::function<void()> finish;
  finish = [&] {
    winsock.delivery.complete(
        some_socket, overlapped,
        [&](std::uint32_t, std::uint32_t, Overlapped*, std::uint32_t) {
          if (++runs < 3) finish();
        },
        0, 100);
  };
  finish();
  BOOST_TEST(winsock.delivery.sleep_ex(0, true) == wsa::wait_io_completion);
  BOOST_TEST(runs == 3);
}

// D15: a signalled event the wait names wins over queued routines, which stay queued.
BOOST_AUTO_TEST_CASE(a_signalled_event_wins_over_routines) {
  Delivered winsock;
  Overlapped overlapped;
  winsock.delivery.complete(some_socket, overlapped, winsock.routine(), 0, 100);
  const provider::Event event = winsock.delivery.create_event();
  BOOST_TEST(winsock.delivery.set_event(event));
  const provider::Event events[] = {event};
  BOOST_TEST(winsock.delivery.wait_for_events(events, false, 0, true) == wsa::wait_event_0);
  BOOST_TEST(winsock.ran.empty());
  BOOST_TEST(winsock.delivery.reset_event(event));
  BOOST_TEST(winsock.delivery.wait_for_events(events, false, 0, true) == wsa::wait_io_completion);
  BOOST_TEST(winsock.ran.size() == 1u);
}

BOOST_AUTO_TEST_CASE(unknown_events_and_bad_waits_fail) {
  Delivered winsock;
  BOOST_TEST(winsock.delivery.create_event() == 0x1000u);
  BOOST_TEST(winsock.delivery.close_event(0x1000));
  BOOST_TEST(!winsock.delivery.close_event(0x1000));
  BOOST_TEST(winsock.last_error == wsa::invalid_handle);
  winsock.last_error = 0;
  BOOST_TEST(!winsock.delivery.set_event(0x1000));
  BOOST_TEST(winsock.last_error == wsa::invalid_handle);
  BOOST_TEST(winsock.delivery.wait_for_events({}, false, 0, false) == wsa::wait_failed);
  BOOST_TEST(winsock.last_error == wsa::invalid_parameter);
  const provider::Event unknown[] = {0x4242};
  BOOST_TEST(winsock.delivery.wait_for_events(unknown, false, 0, false) == wsa::wait_failed);
  BOOST_TEST(winsock.last_error == wsa::invalid_handle);
}

// R7, D13: FD_QOS is recorded and the selected event signalled once; then nothing until a query
// re-enables it. WSAEnumNetworkEvents hands the record over and resets the event.
BOOST_AUTO_TEST_CASE(event_select_records_fd_qos_edge_triggered) {
  Delivered winsock;
  const provider::Event event = winsock.delivery.create_event();
  const provider::Event events[] = {event};
  BOOST_TEST(winsock.delivery.event_select(some_socket, event, gqos::fd_qos) == 0);
  winsock.delivery.qos_changed(some_socket, status::senders);
  BOOST_TEST(winsock.delivery.wait_for_events(events, false, 0, false) == wsa::wait_event_0);
  provider::NetworkEvents network{};
  BOOST_TEST(winsock.delivery.enum_network_events(some_socket, event, &network) == 0);
  BOOST_TEST(network.network_events == gqos::fd_qos);
  BOOST_TEST(network.error_codes[gqos::fd_qos_bit] == status::senders);
  BOOST_TEST(winsock.delivery.wait_for_events(events, false, 0, false) == wsa::wait_timeout);

  winsock.delivery.qos_changed(some_socket, status::no_senders);
  BOOST_TEST(winsock.delivery.enum_network_events(some_socket, event, &network) == 0);
  BOOST_TEST(network.network_events == 0u);

  winsock.delivery.qos_queried(some_socket);
  winsock.delivery.qos_changed(some_socket, status::bad_style);
  BOOST_TEST(winsock.delivery.enum_network_events(some_socket, event, &network) == 0);
  BOOST_TEST(network.error_codes[gqos::fd_qos_bit] == status::bad_style);
}

// A socket that selected nothing, or only other events, records no FD_QOS; a closed one
// forgets what it recorded; selecting with an unknown event fails.
BOOST_AUTO_TEST_CASE(only_a_socket_that_selected_fd_qos_records_it) {
  Delivered winsock;
  const provider::Event event = winsock.delivery.create_event();
  provider::NetworkEvents network{};
  winsock.delivery.qos_changed(some_socket, status::senders);
  BOOST_TEST(winsock.delivery.enum_network_events(some_socket, provider::invalid_event, &network) ==
             0);
  BOOST_TEST(network.network_events == 0u);
  BOOST_TEST(winsock.delivery.event_select(some_socket, event, 0x01) == 0);  // FD_READ
  winsock.delivery.qos_changed(some_socket, status::senders);
  BOOST_TEST(winsock.delivery.enum_network_events(some_socket, event, &network) == 0);
  BOOST_TEST(network.network_events == 0u);

  BOOST_TEST(winsock.delivery.event_select(some_socket, event, gqos::fd_qos) == 0);
  winsock.delivery.qos_changed(some_socket, status::senders);
  winsock.delivery.forget(some_socket);
  BOOST_TEST(winsock.delivery.enum_network_events(some_socket, event, &network) == 0);
  BOOST_TEST(network.network_events == 0u);

  BOOST_TEST(winsock.delivery.event_select(some_socket, 0x4242, gqos::fd_qos) == socket_error);
  BOOST_TEST(winsock.last_error == wsa::einval);
  BOOST_TEST(winsock.delivery.enum_network_events(some_socket, event, nullptr) == socket_error);
  BOOST_TEST(winsock.last_error == wsa::efault);
}

// SDK WSAEventSelect: a new selection "clears the internal network event record", even one
// that selects the same event and FD_QOS again.
BOOST_AUTO_TEST_CASE(event_select_clears_the_recorded_events) {
  Delivered winsock;
  const provider::Event event = winsock.delivery.create_event();
  BOOST_TEST(winsock.delivery.event_select(some_socket, event, gqos::fd_qos) == 0);
  winsock.delivery.qos_changed(some_socket, status::senders);
  BOOST_TEST(winsock.delivery.event_select(some_socket, event, gqos::fd_qos) == 0);
  provider::NetworkEvents network{};
  BOOST_TEST(winsock.delivery.enum_network_events(some_socket, event, &network) == 0);
  BOOST_TEST(network.network_events == 0u);
  BOOST_TEST(network.error_codes[gqos::fd_qos_bit] == 0u);
  // And re-enables FD_QOS: the next change is recorded.
  winsock.delivery.qos_changed(some_socket, status::no_senders);
  BOOST_TEST(winsock.delivery.enum_network_events(some_socket, event, &network) == 0);
  BOOST_TEST(network.error_codes[gqos::fd_qos_bit] == status::no_senders);
}

// R6: WSA_IO_INCOMPLETE while the SP still owes the request; with `wait`, virtual time runs until
// it does not, and the result is the OVERLAPPED's.
BOOST_AUTO_TEST_CASE(get_overlapped_result_waits_while_the_request_pends) {
  Delivered winsock;
  Overlapped overlapped;
  overlapped.internal = wsa::io_pending;
  bool pending = true;
  winsock.queue.schedule_at(4000, [&] {
    pending = false;
    winsock.delivery.complete(some_socket, overlapped, {}, wsa::enobufs, 4);
  });
  std::uint32_t bytes = 0xDEAD, flags = 7;
  auto still_pending = [&pending] { return pending; };
  BOOST_TEST(
      !winsock.delivery.get_overlapped_result(&overlapped, &bytes, false, &flags, still_pending));
  BOOST_TEST(winsock.last_error == wsa::io_incomplete);
  BOOST_TEST(winsock.queue.now_us() == 0);
  BOOST_TEST(
      !winsock.delivery.get_overlapped_result(&overlapped, &bytes, true, &flags, still_pending));
  BOOST_TEST(winsock.last_error == wsa::enobufs);
  BOOST_TEST(bytes == 0xDEADu);  // "On failure, ... lpcbTransfer will not be updated"
  BOOST_TEST(overlapped.internal_high == 4u);
  BOOST_TEST(flags == 0u);
  BOOST_TEST(winsock.queue.now_us() == 4000);
  BOOST_TEST(!winsock.delivery.get_overlapped_result(nullptr, &bytes, true, &flags, still_pending));
  BOOST_TEST(winsock.last_error == wsa::efault);
}
