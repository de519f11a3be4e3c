// The emulated RSVP SP against docs/behaviour.md, through the Provider an application calls:
// every rule R1-R10 and every profile, pinned to the exact values an application would see. This
// file: handles, SIO_GET_QOS, what happens to indications nobody asked for, SIO_SET_QOS.
#define BOOST_TEST_MODULE emulator
#include <array>
#include <boost/test/unit_test.hpp>

#include "emulator_fixture.hpp"

BOOST_AUTO_TEST_SUITE(handles)

BOOST_AUTO_TEST_CASE(sockets_and_events_are_numbered_in_order) {
  EmulatedSp sp;
  BOOST_TEST(sp.emulator.open(provider::Role::receiver, provider::Protocol::udp) == 0x100u);
  BOOST_TEST(sp.emulator.open(provider::Role::sender, provider::Protocol::tcp) == 0x104u);
  BOOST_TEST(sp.emulator.create_event() == 0x1000u);
  BOOST_TEST(sp.emulator.create_event() == 0x1004u);
}

BOOST_AUTO_TEST_CASE(unknown_socket_and_second_bind_fail) {
  EmulatedSp sp;
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.query(0x999, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::enotsock);
  const Socket socket = sp.receiver();
  BOOST_TEST(sp.emulator.bind(socket, {"10.0.0.2", 5001}) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::einval);
  BOOST_TEST(sp.emulator.close(socket) == 0);
  BOOST_TEST(sp.emulator.close(socket) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::enotsock);
}

BOOST_AUTO_TEST_CASE(second_tcp_connect_fails_with_eisconn_udp_reconnects) {
  EmulatedSp sp;
  const Socket tcp = sp.emulator.open(provider::Role::sender, provider::Protocol::tcp);
  BOOST_TEST(sp.emulator.connect(tcp, {"10.0.0.2", 80}, {}) == 0);
  BOOST_TEST(sp.emulator.connect(tcp, {"10.0.0.2", 80}, {}) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == 10056u);
  const Socket udp = sp.sender();
  BOOST_TEST(sp.emulator.connect(udp, {"10.0.0.3", 80}, {}) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(query)

// R1, R2, R4: a pending query completes at the next indication with one valid direction.
BOOST_AUTO_TEST_CASE(pending_query_completes_with_the_indication) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  std::vector<std::byte> out(200);
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, out, nullptr, &overlapped, sp.routine()) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::io_pending);
  BOOST_TEST(overlapped.internal == wsa::io_pending);
  BOOST_TEST(sp.emulator.pending_requests(socket) == 1u);

  sp.indicate_at(2500, socket, path_arrived());
  BOOST_TEST(sp.emulator.sleep_ex(10, true) == wsa::wait_io_completion);
  BOOST_TEST(sp.queue.now_us() == 2500);
  BOOST_REQUIRE_EQUAL(sp.completions.size(), 1u);
  BOOST_TEST(sp.completions[0].error == 0u);
  BOOST_TEST(sp.completions[0].bytes == plain_indication_size);
  BOOST_TEST(sp.completions[0].overlapped == &overlapped);
  BOOST_TEST(sp.completions[0].flags == 0u);
  BOOST_TEST(overlapped.internal == 0u);
  BOOST_TEST(overlapped.internal_high == plain_indication_size);

  const gqos::DecodedQos qos = decoded(out, plain_indication_size);
  BOOST_TEST(qos.status_info->status_code == status::senders);
  BOOST_TEST(qos.status_info->extended_status1 == 0u);
  BOOST_TEST((qos.receiving == controlled_load(8000)));
  BOOST_TEST((qos.sending == no_change()));
  BOOST_TEST(qos.provider_specific_offset == 80u);
  BOOST_TEST(qos.provider_specific_len == 20u);

  BOOST_REQUIRE_EQUAL(sp.recorder.indications.size(), 1u);
  BOOST_TEST((sp.recorder.indications[0].outcome == IndicationOutcome::completed));
  BOOST_REQUIRE_EQUAL(sp.recorder.finished.size(), 1u);
  BOOST_TEST(sp.recorder.finished[0].socket == socket);
  BOOST_TEST(sp.recorder.finished[0].bytes == plain_indication_size);
}

// R5, D5: WSAENOBUFS with the required size; the reissued query receives the same indication.
BOOST_AUTO_TEST_CASE(small_buffer_gets_enobufs_and_reissue_receives_the_indication) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  std::vector<std::byte> small(16);
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, small, nullptr, &overlapped, sp.routine()) == socket_error);
  sp.indicate_at(1000, socket, path_arrived());
  BOOST_TEST(sp.emulator.sleep_ex(5, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(sp.completions.size(), 1u);
  BOOST_TEST(sp.completions[0].error == wsa::enobufs);
  BOOST_TEST(sp.completions[0].bytes == 4u);
  BOOST_TEST(gqos::load_u32(small, 0) == 100u);
  BOOST_TEST(overlapped.internal == wsa::enobufs);
  BOOST_TEST(overlapped.internal_high == 4u);
  BOOST_TEST((sp.recorder.outcomes() == std::vector{IndicationOutcome::enobufs}));
  BOOST_TEST(sp.emulator.queued_indications(socket) == 1u);

  std::vector<std::byte> out(gqos::load_u32(small, 0));
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.query(socket, out, &bytes, &overlapped, sp.routine()) == 0);
  BOOST_TEST(bytes == plain_indication_size);
  BOOST_TEST(sp.emulator.queued_indications(socket) == 0u);
  BOOST_TEST(sp.emulator.sleep_ex(0, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(sp.completions.size(), 2u);
  BOOST_TEST(sp.completions[1].error == 0u);
  BOOST_TEST(sp.completions[1].bytes == plain_indication_size);

  const gqos::DecodedQos qos = decoded(out, bytes);
  BOOST_TEST(qos.status_info->status_code == status::senders);
  BOOST_TEST((qos.receiving == controlled_load(8000)));
  BOOST_TEST(qos.sending.service_type == service::no_change);
  BOOST_TEST(qos.sending.token_rate == gqos::qos_not_specified);
  BOOST_TEST(qos.sending.latency == gqos::qos_not_specified);
  BOOST_TEST(qos.sending.minimum_policed_size == gqos::qos_not_specified);
  BOOST_TEST(qos.provider_specific_offset == 80u);
}

// D6: an overlapped query that finds a too-large indication queued fails at once.
BOOST_AUTO_TEST_CASE(queued_indication_too_large_fails_at_once_without_completion) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  sp.emulator.indicate(socket, path_arrived());
  std::vector<std::byte> small(40);
  std::uint32_t bytes = 0;
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, small, &bytes, &overlapped, sp.routine()) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::enobufs);
  BOOST_TEST(bytes == 4u);
  BOOST_TEST(gqos::load_u32(small, 0) == 100u);
  BOOST_TEST(sp.emulator.queued_completions() == 0u);
  BOOST_TEST(sp.emulator.queued_indications(socket) == 1u);
  BOOST_TEST(sp.recorder.finished.empty());
}

// D4 with a routine: immediate success returns 0 and still delivers the completion.
BOOST_AUTO_TEST_CASE(immediate_success_returns_zero_and_queues_the_routine) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  sp.emulator.indicate(socket, path_arrived());
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, out, &bytes, &overlapped, sp.routine()) == 0);
  BOOST_TEST(bytes == 100u);
  BOOST_TEST(sp.completions.empty());
  BOOST_TEST(sp.emulator.queued_completions() == 1u);
  BOOST_TEST(sp.emulator.sleep_ex(0, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(sp.completions.size(), 1u);
  BOOST_TEST(sp.completions[0].bytes == 100u);
  BOOST_TEST(status_in(out, bytes) == status::senders);
}

// D4 with an event: immediate success signals the event; get_overlapped_result reads it.
BOOST_AUTO_TEST_CASE(immediate_success_signals_the_event) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  sp.emulator.indicate(socket, path_arrived());
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  Overlapped overlapped;
  overlapped.event = sp.emulator.create_event();
  BOOST_TEST(sp.query(socket, out, &bytes, &overlapped) == 0);
  const provider::Event events[] = {overlapped.event};
  BOOST_TEST(sp.emulator.wait_for_events(events, false, 0, false) == wsa::wait_event_0);
  std::uint32_t transferred = 0, flags = 7;
  BOOST_TEST(sp.emulator.get_overlapped_result(socket, &overlapped, &transferred, false, &flags));
  BOOST_TEST(transferred == 100u);
  BOOST_TEST(flags == 0u);
}

// R6 without a routine: WSA_IO_INCOMPLETE while pending, then the result.
BOOST_AUTO_TEST_CASE(event_notification_and_get_overlapped_result) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  std::vector<std::byte> out(100);
  Overlapped overlapped;
  overlapped.event = sp.emulator.create_event();
  BOOST_TEST(sp.query(socket, out, nullptr, &overlapped) == socket_error);
  std::uint32_t bytes = 0, flags = 0;
  BOOST_TEST(!sp.emulator.get_overlapped_result(socket, &overlapped, &bytes, false, &flags));
  BOOST_TEST(sp.emulator.last_error() == wsa::io_incomplete);

  sp.indicate_at(2000, socket, path_arrived());
  const provider::Event events[] = {sp.emulator.create_event(), overlapped.event};
  BOOST_TEST(sp.emulator.wait_for_events(events, false, 10, false) == wsa::wait_event_0 + 1);
  BOOST_TEST(sp.queue.now_us() == 2000);
  BOOST_TEST(sp.emulator.get_overlapped_result(socket, &overlapped, &bytes, false, &flags));
  BOOST_TEST(bytes == 100u);
  BOOST_TEST(status_in(out, bytes) == status::senders);
}

BOOST_AUTO_TEST_CASE(get_overlapped_result_waits_in_virtual_time) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  std::vector<std::byte> small(16);
  Overlapped overlapped;
  overlapped.event = sp.emulator.create_event();
  BOOST_TEST(sp.query(socket, small, nullptr, &overlapped) == socket_error);
  sp.indicate_at(3000, socket, path_arrived());
  std::uint32_t bytes = 0xDEAD, flags = 0;
  BOOST_TEST(!sp.emulator.get_overlapped_result(socket, &overlapped, &bytes, true, &flags));
  BOOST_TEST(sp.emulator.last_error() == wsa::enobufs);
  // SDK WSAGetOverlappedResult: a failure leaves lpcbTransfer alone; the 4 bytes are in the
  // OVERLAPPED, and the required size in the buffer.
  BOOST_TEST(bytes == 0xDEADu);
  BOOST_TEST(overlapped.internal_high == 4u);
  BOOST_TEST(gqos::load_u32(small, 0) == 100u);
  BOOST_TEST(sp.queue.now_us() == 3000);
}

// R3, D2, D3, D7, D1.
BOOST_AUTO_TEST_CASE(early_and_malformed_queries_fail_at_once) {
  EmulatedSp sp;
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  Overlapped overlapped;

  const Socket sender = sp.emulator.open(provider::Role::sender, provider::Protocol::udp);
  BOOST_TEST(sp.query(sender, out, nullptr, &overlapped, sp.routine()) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::enotconn);
  BOOST_TEST(sp.emulator.bind(sender, {"10.0.0.1", 5000}) == 0);
  BOOST_TEST(sp.query(sender, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::enotconn);

  const Socket receiver = sp.emulator.open(provider::Role::receiver, provider::Protocol::udp);
  BOOST_TEST(sp.query(receiver, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::einval);

  const Socket both = sp.emulator.open(provider::Role::both, provider::Protocol::udp);
  BOOST_TEST(sp.query(both, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::einval);
  BOOST_TEST(sp.emulator.connect(both, {"10.0.0.2", 5000}, {}) == 0);
  BOOST_TEST(sp.query(both, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::ewouldblock);

  // D7 before R3: the parameters are checked first, and nothing is written.
  std::vector<std::byte> tiny(2, std::byte{0xAB});
  BOOST_TEST(sp.query(receiver, tiny, nullptr, &overlapped, sp.routine()) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::efault);
  BOOST_TEST((tiny == std::vector<std::byte>(2, std::byte{0xAB})));
  BOOST_TEST(sp.query(both, out, nullptr, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::efault);
  BOOST_TEST(sp.emulator.queued_completions() == 0u);
  BOOST_TEST(sp.emulator.pending_requests(receiver) == 0u);
}

BOOST_AUTO_TEST_CASE(unknown_ioctl_fails_with_einval) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.emulator.ioctl(socket, gqos::ioctl::get_group_qos, {}, {}, &bytes, nullptr, {}) ==
             socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::einval);
}

// D31: SIO_CHK_QOS takes a DWORD selector and writes a DWORD; with no network behind the emulator
// nothing is known, and a selector qossp.h does not define is WSAEINVAL.
BOOST_AUTO_TEST_CASE(check_qos_without_a_network) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  std::array<std::byte, 4> in{};
  std::array<std::byte, 4> out{};
  std::uint32_t bytes = 0;
  gqos::store_u32(in, 0, gqos::chk_qos::line_rate);
  BOOST_TEST(sp.emulator.ioctl(socket, gqos::ioctl::chk_qos, in, out, &bytes, nullptr, {}) == 0);
  BOOST_TEST(bytes == 4u);
  BOOST_TEST(gqos::load_u32(out, 0) == gqos::chk_qos::info_not_available);
  gqos::store_u32(in, 0, 50'007);
  BOOST_TEST(sp.emulator.ioctl(socket, gqos::ioctl::chk_qos, in, out, &bytes, nullptr, {}) ==
             socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::einval);
  BOOST_TEST(sp.emulator.ioctl(socket, gqos::ioctl::chk_qos, std::span(in).first(2), out, &bytes,
                               nullptr, {}) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::efault);
}

// R4, D11: scripted objects follow RSVP_STATUS_INFO, each advanced by its ObjectLength.
BOOST_AUTO_TEST_CASE(scripted_objects_follow_the_status_info) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  Indication indication = path_arrived();
  indication.extended_status1 = gqos::extended_status::net_admission;
  indication.extended_status2 = 56101;
  indication.objects = {gqos::make_sd_mode(gqos::sd_mode::shape), gqos::make_end_of_list()};
  sp.emulator.indicate(socket, indication);

  std::vector<std::byte> out(119);
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::enobufs);
  BOOST_TEST(gqos::load_u32(out, 0) == 120u);

  out.resize(120);
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST(bytes == 120u);
  const gqos::DecodedQos qos = decoded(out, bytes);
  BOOST_REQUIRE_EQUAL(qos.objects.size(), 3u);
  BOOST_TEST(qos.objects[0].type == gqos::object_type::status_info);
  BOOST_TEST(qos.objects[0].offset == 80u);
  BOOST_TEST(qos.objects[1].type == gqos::object_type::sd_mode);
  BOOST_TEST(qos.objects[1].offset == 100u);
  BOOST_TEST(qos.objects[1].length == 12u);
  BOOST_TEST(qos.objects[2].type == gqos::object_type::end_of_list);
  BOOST_TEST(qos.objects[2].offset == 112u);
  BOOST_TEST(qos.status_info->extended_status1 == 56100u);
  BOOST_TEST(qos.status_info->extended_status2 == 56101u);
}

// Several pending: the small buffer gets WSAENOBUFS, the next one fitting takes the indication.
BOOST_AUTO_TEST_CASE(indication_passes_a_small_pending_buffer_to_the_next) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  std::vector<std::byte> small(16), large(200);
  Overlapped first, second;
  BOOST_TEST(sp.query(socket, small, nullptr, &first, sp.routine()) == socket_error);
  BOOST_TEST(sp.query(socket, large, nullptr, &second, sp.routine()) == socket_error);
  sp.emulator.indicate(socket, path_arrived());
  BOOST_TEST((sp.recorder.outcomes() == std::vector{IndicationOutcome::completed}));
  BOOST_TEST(first.internal == wsa::enobufs);
  BOOST_TEST(gqos::load_u32(small, 0) == 100u);
  BOOST_TEST(second.internal == 0u);
  BOOST_TEST(second.internal_high == 100u);
  BOOST_TEST(sp.emulator.queued_indications(socket) == 0u);
  BOOST_TEST(sp.emulator.pending_requests(socket) == 0u);
  BOOST_TEST(sp.emulator.queued_completions() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pending_policy)

// R9 queue (D12): indications arriving with nothing pending arrive in order on the next queries.
BOOST_AUTO_TEST_CASE(queue_keeps_every_indication_in_order) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  sp.emulator.indicate(socket, path_arrived());
  sp.emulator.indicate(socket, bare(status::no_senders));
  BOOST_TEST((sp.recorder.outcomes() ==
              std::vector{IndicationOutcome::queued, IndicationOutcome::queued}));

  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, out, &bytes, &overlapped, sp.routine()) == 0);
  BOOST_TEST(status_in(out, bytes) == status::senders);
  BOOST_TEST(sp.query(socket, out, &bytes, &overlapped, sp.routine()) == 0);
  BOOST_TEST(status_in(out, bytes) == status::no_senders);
  // D10: NO_SENDERS fills ReceivingFlowspec with NOTRAFFIC.
  BOOST_TEST((decoded(out, bytes).receiving == gqos::unspecified_flowspec(service::no_traffic)));
  BOOST_TEST((decoded(out, bytes).sending == no_change()));
  BOOST_TEST(sp.query(socket, out, &bytes, &overlapped, sp.routine()) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::io_pending);
}

BOOST_AUTO_TEST_CASE(coalesce_keeps_only_the_latest) {
  EmulatedSp sp(options_with(PendingPolicy::coalesce));
  const Socket socket = sp.receiver();
  sp.emulator.indicate(socket, path_arrived(8000));
  sp.emulator.indicate(socket, path_arrived(9000));
  BOOST_TEST((sp.recorder.outcomes() ==
              std::vector{IndicationOutcome::queued, IndicationOutcome::coalesced}));
  BOOST_TEST(sp.emulator.queued_indications(socket) == 1u);
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST(decoded(out, bytes).receiving.token_rate == 9000u);
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::ewouldblock);
}

BOOST_AUTO_TEST_CASE(drop_keeps_none) {
  EmulatedSp sp(options_with(PendingPolicy::drop));
  const Socket socket = sp.receiver();
  sp.emulator.indicate(socket, path_arrived(8000));
  sp.emulator.indicate(socket, path_arrived(9000));
  BOOST_TEST((sp.recorder.outcomes() ==
              std::vector{IndicationOutcome::dropped, IndicationOutcome::dropped}));
  BOOST_TEST(sp.emulator.queued_indications(socket) == 0u);
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::ewouldblock);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(requesting_qos)

// R10, D17.
BOOST_AUTO_TEST_CASE(set_qos_validates_the_flowspecs) {
  EmulatorOptions options;
  options.admission_limit = 10000;
  EmulatedSp sp(options);
  const Socket socket = sp.sender();
  const gqos::FlowSpec best_effort = gqos::unspecified_flowspec(service::best_effort);
  std::uint32_t bytes = 99;

  BOOST_TEST(sp.set_qos(socket, std::vector<std::byte>(79), &bytes) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::efault);
  BOOST_TEST(sp.set_qos(socket, qos_input(controlled_load(0), best_effort), &bytes) ==
             socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::einval);
  BOOST_TEST(sp.set_qos(socket, qos_input(controlled_load(gqos::qos_not_specified), best_effort),
                        &bytes) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::einval);
  gqos::FlowSpec unknown = controlled_load(8000);
  unknown.service_type = 7;
  BOOST_TEST(sp.set_qos(socket, qos_input(best_effort, unknown), &bytes) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::einval);
  BOOST_TEST(sp.set_qos(socket, qos_input(controlled_load(20000), best_effort), &bytes) ==
             socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::eopnotsupp);
  BOOST_TEST(bytes == 99u);

  BOOST_TEST(sp.set_qos(socket, qos_input(controlled_load(8000), best_effort), &bytes) == 0);
  BOOST_TEST(bytes == 0u);
  BOOST_TEST(sp.set_qos(socket, qos_input(controlled_load(8000), best_effort), nullptr) ==
             socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::efault);

  Overlapped overlapped;
  BOOST_TEST(sp.set_qos(socket, qos_input(controlled_load(8000), best_effort), nullptr, &overlapped,
                        sp.routine()) == 0);
  BOOST_TEST(sp.emulator.sleep_ex(0, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(sp.completions.size(), 1u);
  BOOST_TEST(sp.completions[0].error == 0u);
  BOOST_TEST(sp.completions[0].bytes == 0u);
}

// D10 and R10: a status-only indication takes the requested service; BESTEFFORT ends QoS.
BOOST_AUTO_TEST_CASE(connect_with_qos_sets_the_service_reported_back) {
  EmulatedSp sp;
  const Socket socket = sp.emulator.open(provider::Role::sender, provider::Protocol::udp);
  const std::vector<std::byte> invalid = qos_input(controlled_load(0), no_change());
  BOOST_TEST(sp.emulator.connect(socket, {"10.0.0.2", 5000}, invalid) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::einval);
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == wsa::enotconn);

  gqos::FlowSpec guaranteed = controlled_load(8000);
  guaranteed.service_type = service::guaranteed;
  BOOST_TEST(sp.emulator.connect(socket, {"10.0.0.2", 5000}, qos_input(guaranteed, no_change())) ==
             0);
  sp.emulator.indicate(socket, bare(status::receivers));
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST((decoded(out, bytes).sending == gqos::unspecified_flowspec(service::guaranteed)));
  BOOST_TEST((decoded(out, bytes).receiving == no_change()));

  BOOST_TEST(sp.set_qos(socket,
                        qos_input(gqos::unspecified_flowspec(service::best_effort), no_change()),
                        &bytes) == 0);
  sp.emulator.indicate(socket, bare(status::receivers));
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST((decoded(out, bytes).sending == gqos::unspecified_flowspec(service::best_effort)));
  sp.emulator.indicate(socket, bare(status::no_receivers));
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST((decoded(out, bytes).sending == gqos::unspecified_flowspec(service::no_traffic)));
}

BOOST_AUTO_TEST_CASE(request_confirmed_reaches_only_receivers_that_asked) {
  EmulatedSp sp;
  const gqos::FlowSpec best_effort = gqos::unspecified_flowspec(service::best_effort);
  const Socket asked = sp.receiver();
  const Socket silent = sp.receiver();
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.set_qos(asked,
                        qos_input(best_effort, controlled_load(8000),
                                  {gqos::make_reserve_info(gqos::rsvp_style::fixed_filter, true)}),
                        &bytes) == 0);
  BOOST_TEST(sp.set_qos(silent,
                        qos_input(best_effort, controlled_load(8000),
                                  {gqos::make_reserve_info(gqos::rsvp_style::fixed_filter, false)}),
                        &bytes) == 0);
  sp.emulator.indicate(asked, bare(status::request_confirmed));
  sp.emulator.indicate(silent, bare(status::request_confirmed));
  BOOST_TEST((sp.recorder.outcomes() ==
              std::vector{IndicationOutcome::queued, IndicationOutcome::unconfirmed}));
  BOOST_TEST(sp.emulator.queued_indications(silent) == 0u);

  std::vector<std::byte> out(100);
  BOOST_TEST(sp.query(asked, out, &bytes, nullptr) == 0);
  BOOST_TEST(status_in(out, bytes) == status::request_confirmed);
  BOOST_TEST(
      (decoded(out, bytes).receiving == gqos::unspecified_flowspec(service::controlled_load)));

  // BESTEFFORT ends QoS in the receiving direction: no more confirmations.
  BOOST_TEST(sp.set_qos(asked,
                        qos_input(best_effort, best_effort,
                                  {gqos::make_reserve_info(gqos::rsvp_style::fixed_filter, true)}),
                        &bytes) == 0);
  sp.emulator.indicate(asked, bare(status::request_confirmed));
  BOOST_TEST((sp.recorder.indications.back().outcome == IndicationOutcome::unconfirmed));
  BOOST_TEST(sp.emulator.queued_indications(asked) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
