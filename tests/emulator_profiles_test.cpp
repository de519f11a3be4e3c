// The emulated RSVP SP through the Provider (continued): the OS profiles, determinism, the
// decisions a scenario may choose otherwise, and script events with their prefetch hints.
#include <boost/test/unit_test.hpp>
#include <string>

#include "emulator_fixture.hpp"

BOOST_AUTO_TEST_SUITE(profiles)

BOOST_AUTO_TEST_CASE(windows_xp_query_never_completes_until_close) {
  EmulatedSp sp(options_with(Profile::windows_xp));
  const Socket socket = sp.receiver();
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, out, nullptr, &overlapped, sp.routine()) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::io_pending);
  sp.indicate_at(1000, socket, path_arrived());
  BOOST_TEST(sp.emulator.sleep_ex(60000, true) == 0u);
  BOOST_TEST(sp.queue.now_us() == 60000000);
  BOOST_TEST(sp.completions.empty());
  BOOST_TEST((sp.recorder.outcomes() == std::vector{IndicationOutcome::suppressed}));

  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::ewouldblock);
  BOOST_TEST(sp.set_qos(socket, qos_input(no_change(), controlled_load(8000)), &bytes) == 0);

  BOOST_TEST(sp.emulator.close(socket) == 0);
  BOOST_TEST(sp.emulator.sleep_ex(0, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(sp.completions.size(), 1u);
  BOOST_TEST(sp.completions[0].error == wsa::operation_aborted);
  BOOST_TEST(sp.completions[0].bytes == 0u);
}

BOOST_AUTO_TEST_CASE(windows_2003_sync_query_succeeds_with_zero_bytes) {
  EmulatedSp sp(options_with(Profile::windows_2003));
  const Socket socket = sp.receiver();
  sp.emulator.indicate(socket, path_arrived());
  std::vector<std::byte> out(100, std::byte{0xCD});
  std::uint32_t bytes = 77;
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST(bytes == 0u);
  BOOST_TEST((out == std::vector<std::byte>(100, std::byte{0xCD})));
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, out, nullptr, &overlapped, sp.routine()) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::io_pending);
  BOOST_TEST((sp.recorder.outcomes() == std::vector{IndicationOutcome::suppressed}));
}

BOOST_AUTO_TEST_CASE(no_qos_provider_has_no_qos_at_all) {
  EmulatedSp sp(options_with(Profile::no_qos_provider));
  for (const provider::ProtocolInfo& info : sp.emulator.enum_protocols()) {
    BOOST_TEST((info.service_flags1 & gqos::xp1_qos_supported) == 0u);
  }
  BOOST_TEST(sp.emulator.enum_protocols().size() == 2u);

  const Socket socket = sp.receiver();
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  // W32 winsock-ioctls: WSAENOPROTOOPT "for service providers that do not support quality of
  // service", in either mode; the overlapped one is never initiated, so no routine ever runs.
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::enoprotoopt);
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, out, nullptr, &overlapped, sp.routine()) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::enoprotoopt);
  BOOST_TEST(sp.emulator.pending_requests(socket) == 0u);
  BOOST_TEST(sp.emulator.sleep_ex(0, true) == 0u);
  BOOST_TEST(sp.completions.empty());

  const std::vector<std::byte> qos =
      qos_input(controlled_load(8000), gqos::unspecified_flowspec(service::best_effort));
  BOOST_TEST(sp.set_qos(socket, qos, &bytes) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::enoprotoopt);
  const Socket sender = sp.emulator.open(provider::Role::sender, provider::Protocol::udp);
  BOOST_TEST(sp.emulator.connect(sender, {"10.0.0.2", 5000}, qos) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::eopnotsupp);
  BOOST_TEST(sp.emulator.connect(sender, {"10.0.0.2", 5000}, {}) == 0);

  sp.emulator.indicate(socket, path_arrived());
  BOOST_TEST((sp.recorder.outcomes() == std::vector{IndicationOutcome::suppressed}));
}

BOOST_AUTO_TEST_CASE(windows_2000_offers_qos_protocol_entries) {
  EmulatedSp sp;
  int with_qos = 0;
  for (const provider::ProtocolInfo& info : sp.emulator.enum_protocols()) {
    if (info.service_flags1 & gqos::xp1_qos_supported) ++with_qos;
  }
  BOOST_TEST(with_qos == 2);
}

BOOST_AUTO_TEST_SUITE_END()

// The same calls give the same observable results.
BOOST_AUTO_TEST_CASE(runs_are_deterministic) {
  auto run = [] {
    EmulatedSp sp;
    std::vector<std::string> transcript;
    const Socket socket = sp.receiver();
    std::vector<std::byte> out(16);
    Overlapped overlapped;
    sp.query(socket, out, nullptr, &overlapped, sp.routine());
    sp.indicate_at(1000, socket, path_arrived());
    sp.indicate_at(1000, socket, bare(status::no_senders));
    sp.indicate_at(3000, socket, bare(status::policy_failure));
    while (sp.emulator.sleep_ex(wsa::infinite, true) == wsa::wait_io_completion) {
      const Completion last = sp.completions.back();
      transcript.push_back(std::to_string(sp.queue.now_us()) + " " + std::to_string(last.error) +
                           " " + std::to_string(last.bytes));
      if (last.error == wsa::enobufs) out.resize(gqos::load_u32(out, 0));
      if (last.error == 0) transcript.push_back(std::to_string(status_in(out, last.bytes)));
      sp.query(socket, out, nullptr, &overlapped, sp.routine());
    }
    for (const Recorder::Seen& seen : sp.recorder.indications) {
      transcript.push_back(std::string(name_of(seen.outcome)));
    }
    return transcript;
  };
  const std::vector<std::string> first = run();
  BOOST_TEST(first == run(), boost::test_tools::per_element());
  const std::vector<std::string> expected{"1000 10055 4", "1000 0 100", "11006", "1000 0 100",
                                          "11007",        "3000 0 100", "11011", "enobufs",
                                          "completed",    "completed"};
  BOOST_TEST(first == expected, boost::test_tools::per_element());
}

// Each DECISION of docs/behaviour.md that a scenario can choose otherwise
// (EmulatorOptions::decisions), chosen otherwise.
BOOST_AUTO_TEST_SUITE(overridden_decisions)

BOOST_AUTO_TEST_CASE(early_queries_fail_with_the_chosen_errors) {
  EmulatorOptions options;
  options.decisions.sender_not_connected = wsa::einval;
  options.decisions.receiver_not_bound = wsa::enotconn;
  EmulatedSp sp(options);
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  const Socket sender = sp.emulator.open(provider::Role::sender, provider::Protocol::udp);
  BOOST_TEST(sp.query(sender, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::einval);
  const Socket receiver = sp.emulator.open(provider::Role::receiver, provider::Protocol::udp);
  BOOST_TEST(sp.query(receiver, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::enotconn);
}

BOOST_AUTO_TEST_CASE(a_short_buffer_fails_with_the_chosen_error) {
  EmulatorOptions options;
  options.decisions.short_buffer = wsa::enobufs;
  EmulatedSp sp(options);
  const Socket socket = sp.receiver();
  std::vector<std::byte> out(2);
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, out, nullptr, &overlapped, sp.routine()) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::enobufs);
  BOOST_TEST(sp.emulator.pending_requests(socket) == 0u);
}

BOOST_AUTO_TEST_CASE(enobufs_can_consume_the_indication) {
  EmulatorOptions options;
  options.decisions.enobufs_keeps_indication = false;
  EmulatedSp sp(options);
  const Socket socket = sp.receiver();
  std::vector<std::byte> small(16);
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, small, nullptr, &overlapped, sp.routine()) == socket_error);
  sp.indicate_at(1000, socket, path_arrived());
  BOOST_TEST(sp.emulator.sleep_ex(5, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(sp.completions.size(), 1u);
  BOOST_TEST(sp.completions[0].error == wsa::enobufs);
  BOOST_TEST(gqos::load_u32(small, 0) == 100u);
  BOOST_TEST(sp.emulator.queued_indications(socket) == 0u);

  // The immediate path loses it too: a queued indication, a buffer too small, then nothing.
  sp.indicate_at(2000, socket, path_arrived());
  sp.queue.run_until(2000);
  BOOST_TEST(sp.emulator.queued_indications(socket) == 1u);
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.query(socket, small, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::enobufs);
  BOOST_TEST(bytes == 4u);
  BOOST_TEST(sp.emulator.queued_indications(socket) == 0u);
}

BOOST_AUTO_TEST_CASE(draining_ends_with_the_chosen_error) {
  EmulatorOptions options;
  options.decisions.nothing_queued = wsa::einval;
  EmulatedSp sp(options);
  const Socket socket = sp.receiver();
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::einval);
}

BOOST_AUTO_TEST_CASE(the_other_flowspec_can_be_zero_filled) {
  EmulatorOptions options;
  options.decisions.unused_flowspec_fields = 0;
  EmulatedSp sp(options);
  const Socket socket = sp.receiver();
  sp.indicate_at(0, socket, path_arrived());
  sp.queue.run_until(0);
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == 0);
  const gqos::DecodedQos qos = decoded(out, bytes);
  BOOST_TEST((qos.sending == gqos::FlowSpec{0, 0, 0, 0, 0, service::no_change, 0, 0}));
  BOOST_TEST((qos.receiving == controlled_load(8000)));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(script_events)

// The same script twice, with and without hints, including hints for sockets that are unknown,
// idle or closed before their turn: what the application sees is the same. (Under the sanitizers
// this also shows that prefetching reads only live state.)
BOOST_AUTO_TEST_CASE(hints_change_nothing_a_run_sees) {
  struct Seen {
    std::vector<std::uint32_t> errors, bytes;
    std::vector<IndicationOutcome> outcomes;
    gqos::DecodedQos qos;  // decoded: the buffer holds its own address
  };
  auto play = [](bool hinted) {
    EmulatedSp sp;
    const Socket waiting = sp.receiver();
    const Socket idle = sp.receiver();
    const Socket closing = sp.receiver();
    const Socket unknown = 0x999;
    std::vector<std::byte> out(200);
    std::vector<std::byte> closing_out(200);
    Overlapped overlapped;
    Overlapped closing_overlapped;
    BOOST_REQUIRE(sp.query(waiting, out, nullptr, &overlapped, sp.routine()) == socket_error);
    BOOST_REQUIRE(sp.query(closing, closing_out, nullptr, &closing_overlapped, sp.routine()) ==
                  socket_error);
    // As a runner schedules a scenario's `sp:` steps, with the socket's hint, or as any other
    // event, without one.
    auto indicate_at = [&](engine::TimeUs at_us, Socket socket, Indication indication) {
      auto action = [&sp, socket, indication] { sp.emulator.indicate(socket, indication); };
      if (hinted) {
        sp.emulator.schedule_script_event(socket, at_us, action);
      } else {
        sp.queue.schedule_at(at_us, action);
      }
    };
    indicate_at(10, unknown, path_arrived());
    indicate_at(20, idle, path_arrived(1000));
    indicate_at(30, closing, path_arrived(2000));
    indicate_at(40, waiting, path_arrived(3000));
    indicate_at(50, waiting, bare(status::no_senders));
    sp.queue.schedule_at(25, [&sp, closing] { sp.emulator.close(closing); });
    while (sp.queue.run_next()) sp.emulator.sleep_ex(0, true);
    Seen seen;
    for (const Completion& completion : sp.completions) {
      seen.errors.push_back(completion.error);
      seen.bytes.push_back(completion.bytes);
    }
    seen.outcomes = sp.recorder.outcomes();
    seen.qos = decoded(out, seen.bytes.back());
    return seen;
  };
  const Seen plain = play(false);
  const Seen hinted = play(true);
  BOOST_TEST(plain.errors == (std::vector<std::uint32_t>{wsa::operation_aborted, 0}),
             boost::test_tools::per_element());
  BOOST_TEST(hinted.errors == plain.errors, boost::test_tools::per_element());
  BOOST_TEST(hinted.bytes == plain.bytes, boost::test_tools::per_element());
  BOOST_TEST((hinted.outcomes == plain.outcomes));
  BOOST_TEST(
      (plain.outcomes == std::vector{IndicationOutcome::dropped, IndicationOutcome::queued,
                                     IndicationOutcome::dropped, IndicationOutcome::completed,
                                     IndicationOutcome::queued}));
  BOOST_TEST((hinted.qos.receiving == controlled_load(3000)));
  BOOST_TEST((hinted.qos.receiving == plain.qos.receiving));
  BOOST_TEST((hinted.qos.sending == plain.qos.sending));
  BOOST_TEST(hinted.qos.status_info->status_code == plain.qos.status_info->status_code);
}

BOOST_AUTO_TEST_SUITE_END()
