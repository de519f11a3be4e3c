// The emulated RSVP SP through the Provider (continued): alertable waits, events, FD_QOS with
// WSAEventSelect, close and injected failures.
#include <boost/test/unit_test.hpp>
#include <functional>

#include "emulator_fixture.hpp"

BOOST_AUTO_TEST_SUITE(waits)

// R6: a completion routine runs only inside an alertable wait.
BOOST_AUTO_TEST_CASE(routine_waits_for_an_alertable_wait) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  std::vector<std::byte> out(100);
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, out, nullptr, &overlapped, sp.routine()) == socket_error);
  sp.indicate_at(1000, socket, path_arrived());

  BOOST_TEST(sp.emulator.sleep_ex(5, false) == 0u);
  BOOST_TEST(sp.queue.now_us() == 5000);
  BOOST_TEST(sp.completions.empty());
  BOOST_TEST(sp.emulator.queued_completions() == 1u);
  BOOST_TEST(overlapped.internal == 0u);  // finished, just not yet delivered

  const provider::Event events[] = {sp.emulator.create_event()};
  BOOST_TEST(sp.emulator.wait_for_events(events, false, 1, false) == wsa::wait_timeout);
  BOOST_TEST(sp.queue.now_us() == 6000);
  BOOST_TEST(sp.completions.empty());

  BOOST_TEST(sp.emulator.wait_for_events(events, false, 1, true) == wsa::wait_io_completion);
  BOOST_TEST(sp.queue.now_us() == 6000);
  BOOST_REQUIRE_EQUAL(sp.completions.size(), 1u);
  BOOST_TEST(sp.completions[0].bytes == 100u);
  BOOST_TEST(sp.emulator.queued_completions() == 0u);
}

BOOST_AUTO_TEST_CASE(timed_out_wait_leaves_the_clock_at_the_deadline) {
  EmulatedSp sp;
  sp.queue.schedule_at(9000, [] {});
  BOOST_TEST(sp.emulator.sleep_ex(7, true) == 0u);
  BOOST_TEST(sp.queue.now_us() == 7000);
  BOOST_TEST(sp.emulator.sleep_ex(2, true) == 0u);
  BOOST_TEST(sp.queue.now_us() == 9000);
  BOOST_TEST(sp.queue.size() == 0u);
}

// D14: a routine's reissue that completes at once runs in the same wait.
BOOST_AUTO_TEST_CASE(routines_queued_by_routines_run_in_the_same_wait) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  std::vector<std::byte> out(100);
  Overlapped overlapped;
  std::vector<std::uint32_t> statuses;
  std::function<void(std::uint32_t, std::uint32_t)> reissue;
  const auto routine = [&reissue](std::uint32_t error, std::uint32_t bytes, Overlapped*,
                                  std::uint32_t) { reissue(error, bytes); };
  reissue = [&](std::uint32_t error, std::uint32_t bytes) {
    BOOST_REQUIRE_EQUAL(error, 0u);
    statuses.push_back(status_in(out, bytes));
    sp.query(socket, out, nullptr, &overlapped, routine);
  };
  BOOST_TEST(sp.query(socket, out, nullptr, &overlapped, routine) == socket_error);
  sp.emulator.indicate(socket, path_arrived());            // finishes the pending query
  sp.emulator.indicate(socket, bare(status::no_senders));  // queued for the reissue
  BOOST_TEST(sp.emulator.queued_completions() == 1u);
  BOOST_TEST(sp.emulator.sleep_ex(10, true) == wsa::wait_io_completion);
  BOOST_TEST(sp.queue.now_us() == 0);
  BOOST_TEST((statuses == std::vector<std::uint32_t>{status::senders, status::no_senders}));
  BOOST_TEST(sp.emulator.queued_completions() == 0u);
  BOOST_TEST(sp.emulator.pending_requests(socket) == 1u);
}

// D15: a signalled awaited event wins over queued routines.
BOOST_AUTO_TEST_CASE(signalled_event_wins_over_routines) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  sp.emulator.indicate(socket, path_arrived());
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, out, &bytes, &overlapped, sp.routine()) == 0);
  const provider::Event event = sp.emulator.create_event();
  BOOST_TEST(sp.emulator.set_event(event));
  const provider::Event events[] = {event};
  BOOST_TEST(sp.emulator.wait_for_events(events, false, 0, true) == wsa::wait_event_0);
  BOOST_TEST(sp.completions.empty());
  BOOST_TEST(sp.emulator.reset_event(event));
  BOOST_TEST(sp.emulator.wait_for_events(events, false, 0, true) == wsa::wait_io_completion);
  BOOST_TEST(sp.completions.size() == 1u);
}

BOOST_AUTO_TEST_CASE(wait_all_needs_every_event) {
  EmulatedSp sp;
  const provider::Event a = sp.emulator.create_event(), b = sp.emulator.create_event();
  const provider::Event events[] = {a, b};
  BOOST_TEST(sp.emulator.set_event(b));
  BOOST_TEST(sp.emulator.wait_for_events(events, false, 0, false) == wsa::wait_event_0 + 1);
  BOOST_TEST(sp.emulator.wait_for_events(events, true, 0, false) == wsa::wait_timeout);
  sp.queue.schedule_at(4000, [&] { sp.emulator.set_event(a); });
  BOOST_TEST(sp.emulator.wait_for_events(events, true, 10, false) == wsa::wait_event_0);
  BOOST_TEST(sp.queue.now_us() == 4000);
}

BOOST_AUTO_TEST_CASE(bad_wait_arguments_fail) {
  EmulatedSp sp;
  BOOST_TEST(sp.emulator.wait_for_events({}, false, 0, false) == wsa::wait_failed);
  BOOST_TEST(sp.emulator.last_error() == wsa::invalid_parameter);
  const provider::Event unknown[] = {0x4242};
  BOOST_TEST(sp.emulator.wait_for_events(unknown, false, 0, false) == wsa::wait_failed);
  BOOST_TEST(sp.emulator.last_error() == wsa::invalid_handle);
  const provider::Event event = sp.emulator.create_event();
  BOOST_TEST(sp.emulator.close_event(event));
  BOOST_TEST(!sp.emulator.set_event(event));
  BOOST_TEST(sp.emulator.last_error() == wsa::invalid_handle);
}

// D16: an infinite wait nothing scheduled can end returns at once and reports a stall.
BOOST_AUTO_TEST_CASE(infinite_wait_with_nothing_scheduled_stalls) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  sp.queue.schedule_at(500, [] {});
  BOOST_TEST(sp.emulator.sleep_ex(wsa::infinite, true) == 0u);
  BOOST_TEST(sp.recorder.stalls == 1);
  BOOST_TEST(sp.queue.now_us() == 500);

  const provider::Event events[] = {sp.emulator.create_event()};
  BOOST_TEST(sp.emulator.wait_for_events(events, false, wsa::infinite, true) == wsa::wait_timeout);
  BOOST_TEST(sp.recorder.stalls == 2);

  std::vector<std::byte> out(100);
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, out, nullptr, &overlapped) == socket_error);
  std::uint32_t bytes = 0, flags = 0;
  BOOST_TEST(!sp.emulator.get_overlapped_result(socket, &overlapped, &bytes, true, &flags));
  BOOST_TEST(sp.emulator.last_error() == wsa::io_incomplete);
  BOOST_TEST(sp.recorder.stalls == 3);
  BOOST_TEST(sp.queue.now_us() == 500);

  // An infinite wait that something scheduled does end is no stall.
  sp.indicate_at(8000, socket, path_arrived());
  BOOST_TEST(sp.emulator.get_overlapped_result(socket, &overlapped, &bytes, true, &flags));
  BOOST_TEST(bytes == 100u);
  BOOST_TEST(sp.recorder.stalls == 3);
  BOOST_TEST(sp.queue.now_us() == 8000);
}

// D16 with a stall horizon: events that reschedule themselves for ever (a network's refreshes)
// never leave the queue empty, but after the horizon (the network's stop) nothing can end a wait.
BOOST_AUTO_TEST_CASE(infinite_wait_stalls_at_the_horizon_though_events_remain) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  std::function<void()> refresh = [&] {
    sp.queue.schedule_at(sp.queue.now_us() + 30'000, refresh);
  };
  sp.queue.schedule_at(30'000, refresh);
  sp.emulator.set_stall_horizon(100'000);

  BOOST_TEST(sp.emulator.sleep_ex(wsa::infinite, true) == 0u);
  BOOST_TEST(sp.recorder.stalls == 1);
  BOOST_TEST(sp.queue.now_us() == 90'000);  // the last event due by the horizon ran
  BOOST_TEST(sp.queue.size() == 1u);        // the next refresh, after it, is still there

  std::vector<std::byte> out(100);
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, out, nullptr, &overlapped) == socket_error);
  std::uint32_t bytes = 0, flags = 0;
  BOOST_TEST(!sp.emulator.get_overlapped_result(socket, &overlapped, &bytes, true, &flags));
  BOOST_TEST(sp.recorder.stalls == 2);

  // A wait with a timeout is not bounded by the horizon: it runs to its deadline.
  BOOST_TEST(sp.emulator.sleep_ex(50, true) == 0u);
  BOOST_TEST(sp.queue.now_us() == 140'000);
  BOOST_TEST(sp.recorder.stalls == 2);

  // An indication due by the horizon still ends an infinite wait.
  sp.emulator.set_stall_horizon(400'000);
  sp.indicate_at(300'000, socket, path_arrived());
  BOOST_TEST(sp.emulator.get_overlapped_result(socket, &overlapped, &bytes, true, &flags));
  BOOST_TEST(sp.queue.now_us() == 300'000);
  BOOST_TEST(sp.recorder.stalls == 2);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(fd_qos)

// R7, D13: edge-triggered, re-enabled by SIO_GET_QOS; drained until WSAEWOULDBLOCK (D8).
BOOST_AUTO_TEST_CASE(event_select_is_edge_triggered_and_drained_until_wouldblock) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  const provider::Event event = sp.emulator.create_event();
  const provider::Event events[] = {event};
  BOOST_TEST(sp.emulator.event_select(socket, event, gqos::fd_qos) == 0);

  sp.indicate_at(1000, socket, path_arrived());
  BOOST_TEST(sp.emulator.wait_for_events(events, false, 5, false) == wsa::wait_event_0);
  provider::NetworkEvents network{};
  BOOST_TEST(sp.emulator.enum_network_events(socket, event, &network) == 0);
  BOOST_TEST(network.network_events == gqos::fd_qos);
  BOOST_TEST(network.error_codes[gqos::fd_qos_bit] == status::senders);

  // Disabled until SIO_GET_QOS: the second indication is queued but not signalled.
  sp.emulator.indicate(socket, bare(status::no_senders));
  BOOST_TEST(sp.emulator.wait_for_events(events, false, 0, false) == wsa::wait_timeout);
  BOOST_TEST(sp.emulator.enum_network_events(socket, event, &network) == 0);
  BOOST_TEST(network.network_events == 0u);

  // The query reads the first and re-enables FD_QOS; the second, unread, already happened, so it
  // is recorded at once (SDK WSAEventSelect). The third arrives while FD_QOS is off again.
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST(status_in(out, bytes) == status::senders);
  BOOST_TEST(sp.emulator.wait_for_events(events, false, 0, false) == wsa::wait_event_0);
  BOOST_TEST(sp.emulator.enum_network_events(socket, event, &network) == 0);
  BOOST_TEST(network.error_codes[gqos::fd_qos_bit] == status::no_senders);
  sp.emulator.indicate(socket, bare(status::bad_style));
  BOOST_TEST(sp.emulator.wait_for_events(events, false, 0, false) == wsa::wait_timeout);

  std::vector<std::uint32_t> drained;
  while (sp.query(socket, out, &bytes, nullptr) == 0) drained.push_back(status_in(out, bytes));
  BOOST_TEST(sp.emulator.last_error() == wsa::ewouldblock);
  BOOST_TEST((drained == std::vector<std::uint32_t>{status::no_senders, status::bad_style}));
}

// D19: selecting FD_QOS with indications unread records FD_QOS at once.
BOOST_AUTO_TEST_CASE(event_select_reports_unread_indications_at_once) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  sp.emulator.indicate(socket, path_arrived());
  const provider::Event event = sp.emulator.create_event();
  BOOST_TEST(sp.emulator.event_select(socket, event, gqos::fd_qos) == 0);
  provider::NetworkEvents network{};
  BOOST_TEST(sp.emulator.enum_network_events(socket, provider::invalid_event, &network) == 0);
  BOOST_TEST(network.network_events == gqos::fd_qos);
  BOOST_TEST(network.error_codes[gqos::fd_qos_bit] == status::senders);
  const provider::Event events[] = {event};
  BOOST_TEST(sp.emulator.wait_for_events(events, false, 0, false) == wsa::wait_event_0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(close_and_failures)

// R8: close aborts the pending query with WSA_OPERATION_ABORTED and 0 bytes.
BOOST_AUTO_TEST_CASE(close_aborts_pending_queries) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  std::vector<std::byte> out(100);
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, out, nullptr, &overlapped, sp.routine()) == socket_error);
  BOOST_TEST(sp.emulator.close(socket) == 0);
  BOOST_TEST(sp.emulator.pending_requests(socket) == 0u);
  BOOST_TEST(sp.completions.empty());
  BOOST_TEST(sp.emulator.sleep_ex(0, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(sp.completions.size(), 1u);
  BOOST_TEST(sp.completions[0].error == wsa::operation_aborted);
  BOOST_TEST(sp.completions[0].bytes == 0u);
  BOOST_TEST(overlapped.internal == wsa::operation_aborted);
  BOOST_REQUIRE_EQUAL(sp.recorder.finished.size(), 1u);
  BOOST_TEST(sp.recorder.finished[0].error == wsa::operation_aborted);
  // Indications for a closed socket reach nobody.
  sp.emulator.indicate(socket, path_arrived());
  BOOST_TEST((sp.recorder.outcomes() == std::vector{IndicationOutcome::dropped}));
}

BOOST_AUTO_TEST_CASE(injected_failures_fail_once) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  Overlapped overlapped;

  sp.emulator.fail_next_call(socket, Call::get_qos, 10050);
  // D1: the injected failure comes before the parameter checks.
  std::vector<std::byte> tiny(2);
  BOOST_TEST(sp.query(socket, tiny, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == 10050u);
  BOOST_TEST(sp.query(socket, tiny, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::efault);

  BOOST_TEST(sp.query(socket, out, nullptr, &overlapped, sp.routine()) == socket_error);
  sp.emulator.fail_next_call(socket, Call::close, 10093);
  BOOST_TEST(sp.emulator.close(socket) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == 10093u);
  BOOST_TEST(sp.emulator.pending_requests(socket) == 1u);

  BOOST_TEST(sp.emulator.fail_pending(socket, 10051));
  BOOST_TEST(!sp.emulator.fail_pending(socket, 10051));
  BOOST_TEST(sp.emulator.sleep_ex(0, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(sp.completions.size(), 1u);
  BOOST_TEST(sp.completions[0].error == 10051u);
  BOOST_TEST(sp.completions[0].bytes == 0u);
  BOOST_TEST(sp.emulator.close(socket) == 0);

  const Socket other = sp.emulator.open(provider::Role::receiver, provider::Protocol::udp);
  sp.emulator.fail_next_call(other, Call::bind, 10048);
  BOOST_TEST(sp.emulator.bind(other, {"10.0.0.2", 5000}) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == 10048u);
  BOOST_TEST(sp.emulator.bind(other, {"10.0.0.2", 5000}) == 0);
}

BOOST_AUTO_TEST_CASE(each_arming_fails_one_call_and_does_nothing_else) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  const provider::Event event = sp.emulator.create_event();
  BOOST_TEST(sp.emulator.event_select(socket, event, gqos::fd_qos) == 0);
  sp.emulator.indicate(socket, path_arrived());  // records FD_QOS and disables it

  sp.emulator.fail_next_call(socket, Call::get_qos, 10050);
  sp.emulator.fail_next_call(socket, Call::get_qos, 10064);
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == 10050u);
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == 10064u);
  BOOST_TEST(sp.emulator.queued_indications(socket) == 1u);

  // The injected failures did not re-enable FD_QOS: a new indication is not recorded.
  provider::NetworkEvents network{};
  BOOST_TEST(sp.emulator.enum_network_events(socket, event, &network) == 0);
  sp.emulator.indicate(socket, bare(status::no_senders));
  BOOST_TEST(sp.emulator.enum_network_events(socket, event, &network) == 0);
  BOOST_TEST(network.network_events == 0u);
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST(status_in(out, bytes) == status::senders);
}

BOOST_AUTO_TEST_SUITE_END()
