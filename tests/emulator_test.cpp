// The emulated RSVP SP against docs/behaviour.md: every rule R1-R10 and every profile, pinned to
// the exact values an application would see.
#define BOOST_TEST_MODULE emulator
#include "provider_stub/emulator.hpp"

#include <boost/test/unit_test.hpp>
#include <functional>
#include <string>
#include <vector>

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"

using namespace qosbed;
using namespace qosbed::provider_stub;
using qosbed::gqos::Direction;
using qosbed::gqos::Indication;
using qosbed::provider::Call;
using provider::Overlapped;
using provider::socket_error;
namespace wsa = gqos::wsa;
namespace status = gqos::status;
namespace service = gqos::service_type;

namespace {

constexpr std::uint32_t plain_indication_size = 100;  // QOS 80 + RSVP_STATUS_INFO 20

gqos::FlowSpec controlled_load(std::uint32_t token_rate) {
  return gqos::FlowSpec{token_rate,
                        2048,
                        16000,
                        gqos::qos_not_specified,
                        gqos::qos_not_specified,
                        service::controlled_load,
                        1500,
                        64};
}

Indication path_arrived(std::uint32_t token_rate = 8000) {
  Indication indication;
  indication.status = status::senders;
  indication.receiving = controlled_load(token_rate);
  return indication;
}

Indication bare(std::uint32_t status_code) {
  Indication indication;
  indication.status = status_code;
  return indication;
}

// A QOS as an application builds it for SIO_SET_QOS or WSAConnect.
std::vector<std::byte> qos_input(gqos::FlowSpec sending, gqos::FlowSpec receiving,
                                 std::vector<gqos::ProviderObject> objects = {}) {
  const gqos::QosContent content{sending, receiving, std::move(objects)};
  std::vector<std::byte> buffer(gqos::required_size(content));
  BOOST_REQUIRE(gqos::encode(content, buffer).has_value());
  return buffer;
}

gqos::FlowSpec no_change() {
  return gqos::unspecified_flowspec(service::no_change);
}

gqos::DecodedQos decoded(const std::vector<std::byte>& buffer, std::uint32_t bytes) {
  const gqos::DecodeResult result = gqos::decode(std::span(buffer.data(), bytes));
  BOOST_REQUIRE_MESSAGE(result.ok(), gqos::describe(result.error));
  return result.qos;
}

std::uint32_t status_in(const std::vector<std::byte>& buffer, std::uint32_t bytes) {
  const gqos::DecodedQos qos = decoded(buffer, bytes);
  BOOST_REQUIRE(qos.status_info.has_value());
  return qos.status_info->status_code;
}

EmulatorOptions options_with(Profile profile) {
  EmulatorOptions options;
  options.profile = profile;
  return options;
}

EmulatorOptions options_with(PendingPolicy policy) {
  EmulatorOptions options;
  options.pending_policy = policy;
  return options;
}

struct Recorder final : EmulatorObserver {
  struct Seen {
    Socket socket;
    std::uint32_t status;
    Delivery delivery;
  };
  struct Finished {
    Socket socket;
    std::uint32_t error;
    std::uint32_t bytes;
  };
  std::vector<Seen> indications;
  std::vector<Finished> finished;
  int stalls = 0;

  void on_indication(Socket socket, const Indication& indication, Delivery delivery) override {
    indications.push_back({socket, indication.status, delivery});
  }
  void on_request_finished(Socket socket, const provider::Overlapped*, std::uint32_t error,
                           std::uint32_t bytes) override {
    finished.push_back({socket, error, bytes});
  }
  void on_stalled() override { ++stalls; }

  std::vector<Delivery> deliveries() const {
    std::vector<Delivery> out;
    for (const Seen& seen : indications) out.push_back(seen.delivery);
    return out;
  }
};

struct Completion {
  std::uint32_t error;
  std::uint32_t bytes;
  Overlapped* overlapped;
  std::uint32_t flags;
};

// One emulator on its own queue, with the calls the tests repeat.
struct Bed {
  explicit Bed(EmulatorOptions options = {}) : emulator(queue, options) {
    emulator.set_observer(&recorder);
  }

  Socket receiver() {
    const Socket socket = emulator.open(provider::Role::receiver, provider::Protocol::udp);
    BOOST_REQUIRE_EQUAL(emulator.bind(socket, {"10.0.0.2", 5000}), 0);
    return socket;
  }
  Socket sender() {
    const Socket socket = emulator.open(provider::Role::sender, provider::Protocol::udp);
    BOOST_REQUIRE_EQUAL(emulator.connect(socket, {"10.0.0.2", 5000}, {}), 0);
    return socket;
  }

  provider::CompletionRoutine routine() {
    return [this](std::uint32_t error, std::uint32_t bytes, Overlapped* overlapped,
                  std::uint32_t flags) {
      completions.push_back({error, bytes, overlapped, flags});
    };
  }

  int query(Socket socket, std::vector<std::byte>& out, std::uint32_t* bytes,
            Overlapped* overlapped, provider::CompletionRoutine routine = {}) {
    return emulator.ioctl(socket, gqos::ioctl::get_qos, {}, out, bytes, overlapped,
                          std::move(routine));
  }
  int set_qos(Socket socket, const std::vector<std::byte>& in, std::uint32_t* bytes,
              Overlapped* overlapped = nullptr, provider::CompletionRoutine routine = {}) {
    return emulator.ioctl(socket, gqos::ioctl::set_qos, in, {}, bytes, overlapped,
                          std::move(routine));
  }

  void indicate_at(engine::TimeUs at_us, Socket socket, Indication indication) {
    queue.schedule_at(at_us, [this, socket, indication] { emulator.indicate(socket, indication); });
  }

  engine::EventQueue queue;
  Recorder recorder;
  Emulator emulator;
  std::vector<Completion> completions;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(handles)

BOOST_AUTO_TEST_CASE(sockets_and_events_are_numbered_in_order) {
  Bed bed;
  BOOST_TEST(bed.emulator.open(provider::Role::receiver, provider::Protocol::udp) == 0x100u);
  BOOST_TEST(bed.emulator.open(provider::Role::sender, provider::Protocol::tcp) == 0x104u);
  BOOST_TEST(bed.emulator.create_event() == 0x1000u);
  BOOST_TEST(bed.emulator.create_event() == 0x1004u);
}

BOOST_AUTO_TEST_CASE(unknown_socket_and_second_bind_fail) {
  Bed bed;
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(bed.query(0x999, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::enotsock);
  const Socket socket = bed.receiver();
  BOOST_TEST(bed.emulator.bind(socket, {"10.0.0.2", 5001}) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::einval);
  BOOST_TEST(bed.emulator.close(socket) == 0);
  BOOST_TEST(bed.emulator.close(socket) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::enotsock);
}

BOOST_AUTO_TEST_CASE(second_tcp_connect_fails_with_eisconn_udp_reconnects) {
  Bed bed;
  const Socket tcp = bed.emulator.open(provider::Role::sender, provider::Protocol::tcp);
  BOOST_TEST(bed.emulator.connect(tcp, {"10.0.0.2", 80}, {}) == 0);
  BOOST_TEST(bed.emulator.connect(tcp, {"10.0.0.2", 80}, {}) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == 10056u);
  const Socket udp = bed.sender();
  BOOST_TEST(bed.emulator.connect(udp, {"10.0.0.3", 80}, {}) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(query)

// R1, R2, R4: a pending query completes at the next indication with one valid direction.
BOOST_AUTO_TEST_CASE(pending_query_completes_with_the_indication) {
  Bed bed;
  const Socket socket = bed.receiver();
  std::vector<std::byte> out(200);
  Overlapped overlapped;
  BOOST_TEST(bed.query(socket, out, nullptr, &overlapped, bed.routine()) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::io_pending);
  BOOST_TEST(overlapped.internal == wsa::io_pending);
  BOOST_TEST(bed.emulator.pending_requests(socket) == 1u);

  bed.indicate_at(2500, socket, path_arrived());
  BOOST_TEST(bed.emulator.sleep_ex(10, true) == wsa::wait_io_completion);
  BOOST_TEST(bed.queue.now_us() == 2500);
  BOOST_REQUIRE_EQUAL(bed.completions.size(), 1u);
  BOOST_TEST(bed.completions[0].error == 0u);
  BOOST_TEST(bed.completions[0].bytes == plain_indication_size);
  BOOST_TEST(bed.completions[0].overlapped == &overlapped);
  BOOST_TEST(bed.completions[0].flags == 0u);
  BOOST_TEST(overlapped.internal == 0u);
  BOOST_TEST(overlapped.internal_high == plain_indication_size);

  const gqos::DecodedQos qos = decoded(out, plain_indication_size);
  BOOST_TEST(qos.status_info->status_code == status::senders);
  BOOST_TEST(qos.status_info->extended_status1 == 0u);
  BOOST_TEST((qos.receiving == controlled_load(8000)));
  BOOST_TEST((qos.sending == no_change()));
  BOOST_TEST(qos.provider_specific_offset == 80u);
  BOOST_TEST(qos.provider_specific_len == 20u);

  BOOST_REQUIRE_EQUAL(bed.recorder.indications.size(), 1u);
  BOOST_TEST((bed.recorder.indications[0].delivery == Delivery::completed));
  BOOST_REQUIRE_EQUAL(bed.recorder.finished.size(), 1u);
  BOOST_TEST(bed.recorder.finished[0].socket == socket);
  BOOST_TEST(bed.recorder.finished[0].bytes == plain_indication_size);
}

// R5, D5: WSAENOBUFS with the required size; the reissued query receives the same indication.
BOOST_AUTO_TEST_CASE(small_buffer_gets_enobufs_and_reissue_receives_the_indication) {
  Bed bed;
  const Socket socket = bed.receiver();
  std::vector<std::byte> small(16);
  Overlapped overlapped;
  BOOST_TEST(bed.query(socket, small, nullptr, &overlapped, bed.routine()) == socket_error);
  bed.indicate_at(1000, socket, path_arrived());
  BOOST_TEST(bed.emulator.sleep_ex(5, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(bed.completions.size(), 1u);
  BOOST_TEST(bed.completions[0].error == wsa::enobufs);
  BOOST_TEST(bed.completions[0].bytes == 4u);
  BOOST_TEST(gqos::load_u32(small, 0) == 100u);
  BOOST_TEST(overlapped.internal == wsa::enobufs);
  BOOST_TEST(overlapped.internal_high == 4u);
  BOOST_TEST((bed.recorder.deliveries() == std::vector{Delivery::enobufs}));
  BOOST_TEST(bed.emulator.queued_indications(socket) == 1u);

  std::vector<std::byte> out(gqos::load_u32(small, 0));
  std::uint32_t bytes = 0;
  BOOST_TEST(bed.query(socket, out, &bytes, &overlapped, bed.routine()) == 0);
  BOOST_TEST(bytes == plain_indication_size);
  BOOST_TEST(bed.emulator.queued_indications(socket) == 0u);
  BOOST_TEST(bed.emulator.sleep_ex(0, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(bed.completions.size(), 2u);
  BOOST_TEST(bed.completions[1].error == 0u);
  BOOST_TEST(bed.completions[1].bytes == plain_indication_size);

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
  Bed bed;
  const Socket socket = bed.receiver();
  bed.emulator.indicate(socket, path_arrived());
  std::vector<std::byte> small(40);
  std::uint32_t bytes = 0;
  Overlapped overlapped;
  BOOST_TEST(bed.query(socket, small, &bytes, &overlapped, bed.routine()) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::enobufs);
  BOOST_TEST(bytes == 4u);
  BOOST_TEST(gqos::load_u32(small, 0) == 100u);
  BOOST_TEST(bed.emulator.queued_completions() == 0u);
  BOOST_TEST(bed.emulator.queued_indications(socket) == 1u);
  BOOST_TEST(bed.recorder.finished.empty());
}

// D4 with a routine: immediate success returns 0 and still delivers the completion.
BOOST_AUTO_TEST_CASE(immediate_success_returns_zero_and_queues_the_routine) {
  Bed bed;
  const Socket socket = bed.receiver();
  bed.emulator.indicate(socket, path_arrived());
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  Overlapped overlapped;
  BOOST_TEST(bed.query(socket, out, &bytes, &overlapped, bed.routine()) == 0);
  BOOST_TEST(bytes == 100u);
  BOOST_TEST(bed.completions.empty());
  BOOST_TEST(bed.emulator.queued_completions() == 1u);
  BOOST_TEST(bed.emulator.sleep_ex(0, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(bed.completions.size(), 1u);
  BOOST_TEST(bed.completions[0].bytes == 100u);
  BOOST_TEST(status_in(out, bytes) == status::senders);
}

// D4 with an event: immediate success signals the event; get_overlapped_result reads it.
BOOST_AUTO_TEST_CASE(immediate_success_signals_the_event) {
  Bed bed;
  const Socket socket = bed.receiver();
  bed.emulator.indicate(socket, path_arrived());
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  Overlapped overlapped;
  overlapped.event = bed.emulator.create_event();
  BOOST_TEST(bed.query(socket, out, &bytes, &overlapped) == 0);
  const provider::Event events[] = {overlapped.event};
  BOOST_TEST(bed.emulator.wait_for_events(events, false, 0, false) == wsa::wait_event_0);
  std::uint32_t transferred = 0, flags = 7;
  BOOST_TEST(bed.emulator.get_overlapped_result(socket, &overlapped, &transferred, false, &flags));
  BOOST_TEST(transferred == 100u);
  BOOST_TEST(flags == 0u);
}

// R6 without a routine: WSA_IO_INCOMPLETE while pending, then the result.
BOOST_AUTO_TEST_CASE(event_notification_and_get_overlapped_result) {
  Bed bed;
  const Socket socket = bed.receiver();
  std::vector<std::byte> out(100);
  Overlapped overlapped;
  overlapped.event = bed.emulator.create_event();
  BOOST_TEST(bed.query(socket, out, nullptr, &overlapped) == socket_error);
  std::uint32_t bytes = 0, flags = 0;
  BOOST_TEST(!bed.emulator.get_overlapped_result(socket, &overlapped, &bytes, false, &flags));
  BOOST_TEST(bed.emulator.last_error() == wsa::io_incomplete);

  bed.indicate_at(2000, socket, path_arrived());
  const provider::Event events[] = {bed.emulator.create_event(), overlapped.event};
  BOOST_TEST(bed.emulator.wait_for_events(events, false, 10, false) == wsa::wait_event_0 + 1);
  BOOST_TEST(bed.queue.now_us() == 2000);
  BOOST_TEST(bed.emulator.get_overlapped_result(socket, &overlapped, &bytes, false, &flags));
  BOOST_TEST(bytes == 100u);
  BOOST_TEST(status_in(out, bytes) == status::senders);
}

BOOST_AUTO_TEST_CASE(get_overlapped_result_waits_in_virtual_time) {
  Bed bed;
  const Socket socket = bed.receiver();
  std::vector<std::byte> small(16);
  Overlapped overlapped;
  overlapped.event = bed.emulator.create_event();
  BOOST_TEST(bed.query(socket, small, nullptr, &overlapped) == socket_error);
  bed.indicate_at(3000, socket, path_arrived());
  std::uint32_t bytes = 0, flags = 0;
  BOOST_TEST(!bed.emulator.get_overlapped_result(socket, &overlapped, &bytes, true, &flags));
  BOOST_TEST(bed.emulator.last_error() == wsa::enobufs);
  BOOST_TEST(bytes == 4u);
  BOOST_TEST(bed.queue.now_us() == 3000);
}

// R3, D2, D3, D7, D1.
BOOST_AUTO_TEST_CASE(early_and_malformed_queries_fail_at_once) {
  Bed bed;
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  Overlapped overlapped;

  const Socket sender = bed.emulator.open(provider::Role::sender, provider::Protocol::udp);
  BOOST_TEST(bed.query(sender, out, nullptr, &overlapped, bed.routine()) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::enotconn);
  BOOST_TEST(bed.emulator.bind(sender, {"10.0.0.1", 5000}) == 0);
  BOOST_TEST(bed.query(sender, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::enotconn);

  const Socket receiver = bed.emulator.open(provider::Role::receiver, provider::Protocol::udp);
  BOOST_TEST(bed.query(receiver, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::einval);

  const Socket both = bed.emulator.open(provider::Role::both, provider::Protocol::udp);
  BOOST_TEST(bed.query(both, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::einval);
  BOOST_TEST(bed.emulator.connect(both, {"10.0.0.2", 5000}, {}) == 0);
  BOOST_TEST(bed.query(both, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::ewouldblock);

  // D7 before R3: the parameters are checked first, and nothing is written.
  std::vector<std::byte> tiny(2, std::byte{0xAB});
  BOOST_TEST(bed.query(receiver, tiny, nullptr, &overlapped, bed.routine()) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::efault);
  BOOST_TEST((tiny == std::vector<std::byte>(2, std::byte{0xAB})));
  BOOST_TEST(bed.query(both, out, nullptr, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::efault);
  BOOST_TEST(bed.emulator.queued_completions() == 0u);
  BOOST_TEST(bed.emulator.pending_requests(receiver) == 0u);
}

BOOST_AUTO_TEST_CASE(unknown_ioctl_fails_with_einval) {
  Bed bed;
  const Socket socket = bed.receiver();
  std::uint32_t bytes = 0;
  BOOST_TEST(bed.emulator.ioctl(socket, gqos::ioctl::chk_qos, {}, {}, &bytes, nullptr, {}) ==
             socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::einval);
}

// R4, D11: scripted objects follow RSVP_STATUS_INFO, each advanced by its ObjectLength.
BOOST_AUTO_TEST_CASE(scripted_objects_follow_the_status_info) {
  Bed bed;
  const Socket socket = bed.receiver();
  Indication indication = path_arrived();
  indication.extended_status1 = gqos::extended_status::net_admission;
  indication.extended_status2 = 56101;
  indication.objects = {gqos::make_sd_mode(gqos::sd_mode::shape), gqos::make_end_of_list()};
  bed.emulator.indicate(socket, indication);

  std::vector<std::byte> out(119);
  std::uint32_t bytes = 0;
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::enobufs);
  BOOST_TEST(gqos::load_u32(out, 0) == 120u);

  out.resize(120);
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == 0);
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
  Bed bed;
  const Socket socket = bed.receiver();
  std::vector<std::byte> small(16), large(200);
  Overlapped first, second;
  BOOST_TEST(bed.query(socket, small, nullptr, &first, bed.routine()) == socket_error);
  BOOST_TEST(bed.query(socket, large, nullptr, &second, bed.routine()) == socket_error);
  bed.emulator.indicate(socket, path_arrived());
  BOOST_TEST((bed.recorder.deliveries() == std::vector{Delivery::completed}));
  BOOST_TEST(first.internal == wsa::enobufs);
  BOOST_TEST(gqos::load_u32(small, 0) == 100u);
  BOOST_TEST(second.internal == 0u);
  BOOST_TEST(second.internal_high == 100u);
  BOOST_TEST(bed.emulator.queued_indications(socket) == 0u);
  BOOST_TEST(bed.emulator.pending_requests(socket) == 0u);
  BOOST_TEST(bed.emulator.queued_completions() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pending_policy)

// R9 queue (D12): indications arriving with nothing pending arrive in order on the next queries.
BOOST_AUTO_TEST_CASE(queue_keeps_every_indication_in_order) {
  Bed bed;
  const Socket socket = bed.receiver();
  bed.emulator.indicate(socket, path_arrived());
  bed.emulator.indicate(socket, bare(status::no_senders));
  BOOST_TEST((bed.recorder.deliveries() == std::vector{Delivery::queued, Delivery::queued}));

  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  Overlapped overlapped;
  BOOST_TEST(bed.query(socket, out, &bytes, &overlapped, bed.routine()) == 0);
  BOOST_TEST(status_in(out, bytes) == status::senders);
  BOOST_TEST(bed.query(socket, out, &bytes, &overlapped, bed.routine()) == 0);
  BOOST_TEST(status_in(out, bytes) == status::no_senders);
  // D10: NO_SENDERS fills ReceivingFlowspec with NOTRAFFIC.
  BOOST_TEST((decoded(out, bytes).receiving == gqos::unspecified_flowspec(service::no_traffic)));
  BOOST_TEST((decoded(out, bytes).sending == no_change()));
  BOOST_TEST(bed.query(socket, out, &bytes, &overlapped, bed.routine()) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::io_pending);
}

BOOST_AUTO_TEST_CASE(coalesce_keeps_only_the_latest) {
  Bed bed(options_with(PendingPolicy::coalesce));
  const Socket socket = bed.receiver();
  bed.emulator.indicate(socket, path_arrived(8000));
  bed.emulator.indicate(socket, path_arrived(9000));
  BOOST_TEST((bed.recorder.deliveries() == std::vector{Delivery::queued, Delivery::coalesced}));
  BOOST_TEST(bed.emulator.queued_indications(socket) == 1u);
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST(decoded(out, bytes).receiving.token_rate == 9000u);
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::ewouldblock);
}

BOOST_AUTO_TEST_CASE(drop_keeps_none) {
  Bed bed(options_with(PendingPolicy::drop));
  const Socket socket = bed.receiver();
  bed.emulator.indicate(socket, path_arrived(8000));
  bed.emulator.indicate(socket, path_arrived(9000));
  BOOST_TEST((bed.recorder.deliveries() == std::vector{Delivery::dropped, Delivery::dropped}));
  BOOST_TEST(bed.emulator.queued_indications(socket) == 0u);
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::ewouldblock);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(waits)

// R6: a completion routine runs only inside an alertable wait.
BOOST_AUTO_TEST_CASE(routine_waits_for_an_alertable_wait) {
  Bed bed;
  const Socket socket = bed.receiver();
  std::vector<std::byte> out(100);
  Overlapped overlapped;
  BOOST_TEST(bed.query(socket, out, nullptr, &overlapped, bed.routine()) == socket_error);
  bed.indicate_at(1000, socket, path_arrived());

  BOOST_TEST(bed.emulator.sleep_ex(5, false) == 0u);
  BOOST_TEST(bed.queue.now_us() == 5000);
  BOOST_TEST(bed.completions.empty());
  BOOST_TEST(bed.emulator.queued_completions() == 1u);
  BOOST_TEST(overlapped.internal == 0u);  // finished, just not yet delivered

  const provider::Event events[] = {bed.emulator.create_event()};
  BOOST_TEST(bed.emulator.wait_for_events(events, false, 1, false) == wsa::wait_timeout);
  BOOST_TEST(bed.queue.now_us() == 6000);
  BOOST_TEST(bed.completions.empty());

  BOOST_TEST(bed.emulator.wait_for_events(events, false, 1, true) == wsa::wait_io_completion);
  BOOST_TEST(bed.queue.now_us() == 6000);
  BOOST_REQUIRE_EQUAL(bed.completions.size(), 1u);
  BOOST_TEST(bed.completions[0].bytes == 100u);
  BOOST_TEST(bed.emulator.queued_completions() == 0u);
}

BOOST_AUTO_TEST_CASE(timed_out_wait_leaves_the_clock_at_the_deadline) {
  Bed bed;
  bed.queue.schedule_at(9000, [] {});
  BOOST_TEST(bed.emulator.sleep_ex(7, true) == 0u);
  BOOST_TEST(bed.queue.now_us() == 7000);
  BOOST_TEST(bed.emulator.sleep_ex(2, true) == 0u);
  BOOST_TEST(bed.queue.now_us() == 9000);
  BOOST_TEST(bed.queue.size() == 0u);
}

// D14: a routine's reissue that completes at once runs in the same wait.
BOOST_AUTO_TEST_CASE(routines_queued_by_routines_run_in_the_same_wait) {
  Bed bed;
  const Socket socket = bed.receiver();
  std::vector<std::byte> out(100);
  Overlapped overlapped;
  std::vector<std::uint32_t> statuses;
  std::function<void(std::uint32_t, std::uint32_t)> reissue;
  const auto routine = [&reissue](std::uint32_t error, std::uint32_t bytes, Overlapped*,
                                  std::uint32_t) { reissue(error, bytes); };
  reissue = [&](std::uint32_t error, std::uint32_t bytes) {
    BOOST_REQUIRE_EQUAL(error, 0u);
    statuses.push_back(status_in(out, bytes));
    bed.query(socket, out, nullptr, &overlapped, routine);
  };
  BOOST_TEST(bed.query(socket, out, nullptr, &overlapped, routine) == socket_error);
  bed.emulator.indicate(socket, path_arrived());            // finishes the pending query
  bed.emulator.indicate(socket, bare(status::no_senders));  // queued for the reissue
  BOOST_TEST(bed.emulator.queued_completions() == 1u);
  BOOST_TEST(bed.emulator.sleep_ex(10, true) == wsa::wait_io_completion);
  BOOST_TEST(bed.queue.now_us() == 0);
  BOOST_TEST((statuses == std::vector<std::uint32_t>{status::senders, status::no_senders}));
  BOOST_TEST(bed.emulator.queued_completions() == 0u);
  BOOST_TEST(bed.emulator.pending_requests(socket) == 1u);
}

// D15: a signalled awaited event wins over queued routines.
BOOST_AUTO_TEST_CASE(signalled_event_wins_over_routines) {
  Bed bed;
  const Socket socket = bed.receiver();
  bed.emulator.indicate(socket, path_arrived());
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  Overlapped overlapped;
  BOOST_TEST(bed.query(socket, out, &bytes, &overlapped, bed.routine()) == 0);
  const provider::Event event = bed.emulator.create_event();
  BOOST_TEST(bed.emulator.set_event(event));
  const provider::Event events[] = {event};
  BOOST_TEST(bed.emulator.wait_for_events(events, false, 0, true) == wsa::wait_event_0);
  BOOST_TEST(bed.completions.empty());
  BOOST_TEST(bed.emulator.reset_event(event));
  BOOST_TEST(bed.emulator.wait_for_events(events, false, 0, true) == wsa::wait_io_completion);
  BOOST_TEST(bed.completions.size() == 1u);
}

BOOST_AUTO_TEST_CASE(wait_all_needs_every_event) {
  Bed bed;
  const provider::Event a = bed.emulator.create_event(), b = bed.emulator.create_event();
  const provider::Event events[] = {a, b};
  BOOST_TEST(bed.emulator.set_event(b));
  BOOST_TEST(bed.emulator.wait_for_events(events, false, 0, false) == wsa::wait_event_0 + 1);
  BOOST_TEST(bed.emulator.wait_for_events(events, true, 0, false) == wsa::wait_timeout);
  bed.queue.schedule_at(4000, [&] { bed.emulator.set_event(a); });
  BOOST_TEST(bed.emulator.wait_for_events(events, true, 10, false) == wsa::wait_event_0);
  BOOST_TEST(bed.queue.now_us() == 4000);
}

BOOST_AUTO_TEST_CASE(bad_wait_arguments_fail) {
  Bed bed;
  BOOST_TEST(bed.emulator.wait_for_events({}, false, 0, false) == wsa::wait_failed);
  BOOST_TEST(bed.emulator.last_error() == wsa::invalid_parameter);
  const provider::Event unknown[] = {0x4242};
  BOOST_TEST(bed.emulator.wait_for_events(unknown, false, 0, false) == wsa::wait_failed);
  BOOST_TEST(bed.emulator.last_error() == wsa::invalid_handle);
  const provider::Event event = bed.emulator.create_event();
  BOOST_TEST(bed.emulator.close_event(event));
  BOOST_TEST(!bed.emulator.set_event(event));
  BOOST_TEST(bed.emulator.last_error() == wsa::invalid_handle);
}

// D16: an infinite wait nothing scheduled can end returns at once and reports a stall.
BOOST_AUTO_TEST_CASE(infinite_wait_with_nothing_scheduled_stalls) {
  Bed bed;
  const Socket socket = bed.receiver();
  bed.queue.schedule_at(500, [] {});
  BOOST_TEST(bed.emulator.sleep_ex(wsa::infinite, true) == 0u);
  BOOST_TEST(bed.recorder.stalls == 1);
  BOOST_TEST(bed.queue.now_us() == 500);

  const provider::Event events[] = {bed.emulator.create_event()};
  BOOST_TEST(bed.emulator.wait_for_events(events, false, wsa::infinite, true) == wsa::wait_timeout);
  BOOST_TEST(bed.recorder.stalls == 2);

  std::vector<std::byte> out(100);
  Overlapped overlapped;
  BOOST_TEST(bed.query(socket, out, nullptr, &overlapped) == socket_error);
  std::uint32_t bytes = 0, flags = 0;
  BOOST_TEST(!bed.emulator.get_overlapped_result(socket, &overlapped, &bytes, true, &flags));
  BOOST_TEST(bed.emulator.last_error() == wsa::io_incomplete);
  BOOST_TEST(bed.recorder.stalls == 3);
  BOOST_TEST(bed.queue.now_us() == 500);

  // An infinite wait that something scheduled does end is no stall.
  bed.indicate_at(8000, socket, path_arrived());
  BOOST_TEST(bed.emulator.get_overlapped_result(socket, &overlapped, &bytes, true, &flags));
  BOOST_TEST(bytes == 100u);
  BOOST_TEST(bed.recorder.stalls == 3);
  BOOST_TEST(bed.queue.now_us() == 8000);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(fd_qos)

// R7, D13: edge-triggered, re-enabled by SIO_GET_QOS; drained until WSAEWOULDBLOCK (D8).
BOOST_AUTO_TEST_CASE(event_select_is_edge_triggered_and_drained_until_wouldblock) {
  Bed bed;
  const Socket socket = bed.receiver();
  const provider::Event event = bed.emulator.create_event();
  const provider::Event events[] = {event};
  BOOST_TEST(bed.emulator.event_select(socket, event, gqos::fd_qos) == 0);

  bed.indicate_at(1000, socket, path_arrived());
  BOOST_TEST(bed.emulator.wait_for_events(events, false, 5, false) == wsa::wait_event_0);
  provider::NetworkEvents network{};
  BOOST_TEST(bed.emulator.enum_network_events(socket, event, &network) == 0);
  BOOST_TEST(network.network_events == gqos::fd_qos);
  BOOST_TEST(network.error_codes[gqos::fd_qos_bit] == status::senders);

  // Disabled until SIO_GET_QOS: the second indication is queued but not signalled.
  bed.emulator.indicate(socket, bare(status::no_senders));
  BOOST_TEST(bed.emulator.wait_for_events(events, false, 0, false) == wsa::wait_timeout);
  BOOST_TEST(bed.emulator.enum_network_events(socket, event, &network) == 0);
  BOOST_TEST(network.network_events == 0u);

  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST(status_in(out, bytes) == status::senders);
  bed.emulator.indicate(socket, bare(status::bad_style));
  BOOST_TEST(bed.emulator.wait_for_events(events, false, 0, false) == wsa::wait_event_0);
  BOOST_TEST(bed.emulator.enum_network_events(socket, event, &network) == 0);
  BOOST_TEST(network.error_codes[gqos::fd_qos_bit] == status::bad_style);

  std::vector<std::uint32_t> drained;
  while (bed.query(socket, out, &bytes, nullptr) == 0) drained.push_back(status_in(out, bytes));
  BOOST_TEST(bed.emulator.last_error() == wsa::ewouldblock);
  BOOST_TEST((drained == std::vector<std::uint32_t>{status::no_senders, status::bad_style}));
}

// D19: selecting FD_QOS with indications unread records FD_QOS at once.
BOOST_AUTO_TEST_CASE(event_select_reports_unread_indications_at_once) {
  Bed bed;
  const Socket socket = bed.receiver();
  bed.emulator.indicate(socket, path_arrived());
  const provider::Event event = bed.emulator.create_event();
  BOOST_TEST(bed.emulator.event_select(socket, event, gqos::fd_qos) == 0);
  provider::NetworkEvents network{};
  BOOST_TEST(bed.emulator.enum_network_events(socket, provider::invalid_event, &network) == 0);
  BOOST_TEST(network.network_events == gqos::fd_qos);
  BOOST_TEST(network.error_codes[gqos::fd_qos_bit] == status::senders);
  const provider::Event events[] = {event};
  BOOST_TEST(bed.emulator.wait_for_events(events, false, 0, false) == wsa::wait_event_0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(close_and_failures)

// R8: close aborts the pending query with WSA_OPERATION_ABORTED and 0 bytes.
BOOST_AUTO_TEST_CASE(close_aborts_pending_queries) {
  Bed bed;
  const Socket socket = bed.receiver();
  std::vector<std::byte> out(100);
  Overlapped overlapped;
  BOOST_TEST(bed.query(socket, out, nullptr, &overlapped, bed.routine()) == socket_error);
  BOOST_TEST(bed.emulator.close(socket) == 0);
  BOOST_TEST(bed.emulator.pending_requests(socket) == 0u);
  BOOST_TEST(bed.completions.empty());
  BOOST_TEST(bed.emulator.sleep_ex(0, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(bed.completions.size(), 1u);
  BOOST_TEST(bed.completions[0].error == wsa::operation_aborted);
  BOOST_TEST(bed.completions[0].bytes == 0u);
  BOOST_TEST(overlapped.internal == wsa::operation_aborted);
  BOOST_REQUIRE_EQUAL(bed.recorder.finished.size(), 1u);
  BOOST_TEST(bed.recorder.finished[0].error == wsa::operation_aborted);
  // Indications for a closed socket reach nobody.
  bed.emulator.indicate(socket, path_arrived());
  BOOST_TEST((bed.recorder.deliveries() == std::vector{Delivery::dropped}));
}

BOOST_AUTO_TEST_CASE(injected_failures_fail_once) {
  Bed bed;
  const Socket socket = bed.receiver();
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  Overlapped overlapped;

  bed.emulator.fail_next_call(socket, Call::get_qos, 10050);
  // D1: the injected failure comes before the parameter checks.
  std::vector<std::byte> tiny(2);
  BOOST_TEST(bed.query(socket, tiny, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == 10050u);
  BOOST_TEST(bed.query(socket, tiny, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::efault);

  BOOST_TEST(bed.query(socket, out, nullptr, &overlapped, bed.routine()) == socket_error);
  bed.emulator.fail_next_call(socket, Call::close, 10093);
  BOOST_TEST(bed.emulator.close(socket) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == 10093u);
  BOOST_TEST(bed.emulator.pending_requests(socket) == 1u);

  BOOST_TEST(bed.emulator.fail_pending(socket, 10051));
  BOOST_TEST(!bed.emulator.fail_pending(socket, 10051));
  BOOST_TEST(bed.emulator.sleep_ex(0, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(bed.completions.size(), 1u);
  BOOST_TEST(bed.completions[0].error == 10051u);
  BOOST_TEST(bed.completions[0].bytes == 0u);
  BOOST_TEST(bed.emulator.close(socket) == 0);

  const Socket other = bed.emulator.open(provider::Role::receiver, provider::Protocol::udp);
  bed.emulator.fail_next_call(other, Call::bind, 10048);
  BOOST_TEST(bed.emulator.bind(other, {"10.0.0.2", 5000}) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == 10048u);
  BOOST_TEST(bed.emulator.bind(other, {"10.0.0.2", 5000}) == 0);
}

BOOST_AUTO_TEST_CASE(each_arming_fails_one_call_and_does_nothing_else) {
  Bed bed;
  const Socket socket = bed.receiver();
  const provider::Event event = bed.emulator.create_event();
  BOOST_TEST(bed.emulator.event_select(socket, event, gqos::fd_qos) == 0);
  bed.emulator.indicate(socket, path_arrived());  // records FD_QOS and disables it

  bed.emulator.fail_next_call(socket, Call::get_qos, 10050);
  bed.emulator.fail_next_call(socket, Call::get_qos, 10064);
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == 10050u);
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == 10064u);
  BOOST_TEST(bed.emulator.queued_indications(socket) == 1u);

  // The injected failures did not re-enable FD_QOS: a new indication is not recorded.
  provider::NetworkEvents network{};
  BOOST_TEST(bed.emulator.enum_network_events(socket, event, &network) == 0);
  bed.emulator.indicate(socket, bare(status::no_senders));
  BOOST_TEST(bed.emulator.enum_network_events(socket, event, &network) == 0);
  BOOST_TEST(network.network_events == 0u);
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST(status_in(out, bytes) == status::senders);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(requesting_qos)

// R10, D17.
BOOST_AUTO_TEST_CASE(set_qos_validates_the_flowspecs) {
  EmulatorOptions options;
  options.admission_limit = 10000;
  Bed bed(options);
  const Socket socket = bed.sender();
  const gqos::FlowSpec best_effort = gqos::unspecified_flowspec(service::best_effort);
  std::uint32_t bytes = 99;

  BOOST_TEST(bed.set_qos(socket, std::vector<std::byte>(79), &bytes) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::efault);
  BOOST_TEST(bed.set_qos(socket, qos_input(controlled_load(0), best_effort), &bytes) ==
             socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::einval);
  BOOST_TEST(bed.set_qos(socket, qos_input(controlled_load(gqos::qos_not_specified), best_effort),
                         &bytes) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::einval);
  gqos::FlowSpec unknown = controlled_load(8000);
  unknown.service_type = 7;
  BOOST_TEST(bed.set_qos(socket, qos_input(best_effort, unknown), &bytes) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::einval);
  BOOST_TEST(bed.set_qos(socket, qos_input(controlled_load(20000), best_effort), &bytes) ==
             socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::eopnotsupp);
  BOOST_TEST(bytes == 99u);

  BOOST_TEST(bed.set_qos(socket, qos_input(controlled_load(8000), best_effort), &bytes) == 0);
  BOOST_TEST(bytes == 0u);
  BOOST_TEST(bed.set_qos(socket, qos_input(controlled_load(8000), best_effort), nullptr) ==
             socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::efault);

  Overlapped overlapped;
  BOOST_TEST(bed.set_qos(socket, qos_input(controlled_load(8000), best_effort), nullptr,
                         &overlapped, bed.routine()) == 0);
  BOOST_TEST(bed.emulator.sleep_ex(0, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(bed.completions.size(), 1u);
  BOOST_TEST(bed.completions[0].error == 0u);
  BOOST_TEST(bed.completions[0].bytes == 0u);
}

// D10 and R10: a status-only indication takes the requested service; BESTEFFORT ends QoS.
BOOST_AUTO_TEST_CASE(connect_with_qos_sets_the_service_reported_back) {
  Bed bed;
  const Socket socket = bed.emulator.open(provider::Role::sender, provider::Protocol::udp);
  const std::vector<std::byte> invalid = qos_input(controlled_load(0), no_change());
  BOOST_TEST(bed.emulator.connect(socket, {"10.0.0.2", 5000}, invalid) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::einval);
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::enotconn);

  gqos::FlowSpec guaranteed = controlled_load(8000);
  guaranteed.service_type = service::guaranteed;
  BOOST_TEST(bed.emulator.connect(socket, {"10.0.0.2", 5000}, qos_input(guaranteed, no_change())) ==
             0);
  bed.emulator.indicate(socket, bare(status::receivers));
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST((decoded(out, bytes).sending == gqos::unspecified_flowspec(service::guaranteed)));
  BOOST_TEST((decoded(out, bytes).receiving == no_change()));

  BOOST_TEST(bed.set_qos(socket,
                         qos_input(gqos::unspecified_flowspec(service::best_effort), no_change()),
                         &bytes) == 0);
  bed.emulator.indicate(socket, bare(status::receivers));
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST((decoded(out, bytes).sending == gqos::unspecified_flowspec(service::best_effort)));
  bed.emulator.indicate(socket, bare(status::no_receivers));
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST((decoded(out, bytes).sending == gqos::unspecified_flowspec(service::no_traffic)));
}

BOOST_AUTO_TEST_CASE(request_confirmed_reaches_only_receivers_that_asked) {
  Bed bed;
  const gqos::FlowSpec best_effort = gqos::unspecified_flowspec(service::best_effort);
  const Socket asked = bed.receiver();
  const Socket silent = bed.receiver();
  std::uint32_t bytes = 0;
  BOOST_TEST(bed.set_qos(asked,
                         qos_input(best_effort, controlled_load(8000),
                                   {gqos::make_reserve_info(gqos::rsvp_style::fixed_filter, true)}),
                         &bytes) == 0);
  BOOST_TEST(
      bed.set_qos(silent,
                  qos_input(best_effort, controlled_load(8000),
                            {gqos::make_reserve_info(gqos::rsvp_style::fixed_filter, false)}),
                  &bytes) == 0);
  bed.emulator.indicate(asked, bare(status::request_confirmed));
  bed.emulator.indicate(silent, bare(status::request_confirmed));
  BOOST_TEST((bed.recorder.deliveries() == std::vector{Delivery::queued, Delivery::unconfirmed}));
  BOOST_TEST(bed.emulator.queued_indications(silent) == 0u);

  std::vector<std::byte> out(100);
  BOOST_TEST(bed.query(asked, out, &bytes, nullptr) == 0);
  BOOST_TEST(status_in(out, bytes) == status::request_confirmed);
  BOOST_TEST(
      (decoded(out, bytes).receiving == gqos::unspecified_flowspec(service::controlled_load)));

  // BESTEFFORT ends QoS in the receiving direction: no more confirmations.
  BOOST_TEST(bed.set_qos(asked,
                         qos_input(best_effort, best_effort,
                                   {gqos::make_reserve_info(gqos::rsvp_style::fixed_filter, true)}),
                         &bytes) == 0);
  bed.emulator.indicate(asked, bare(status::request_confirmed));
  BOOST_TEST((bed.recorder.indications.back().delivery == Delivery::unconfirmed));
  BOOST_TEST(bed.emulator.queued_indications(asked) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(profiles)

BOOST_AUTO_TEST_CASE(windows_xp_query_never_completes_until_close) {
  Bed bed(options_with(Profile::windows_xp));
  const Socket socket = bed.receiver();
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  Overlapped overlapped;
  BOOST_TEST(bed.query(socket, out, nullptr, &overlapped, bed.routine()) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::io_pending);
  bed.indicate_at(1000, socket, path_arrived());
  BOOST_TEST(bed.emulator.sleep_ex(60000, true) == 0u);
  BOOST_TEST(bed.queue.now_us() == 60000000);
  BOOST_TEST(bed.completions.empty());
  BOOST_TEST((bed.recorder.deliveries() == std::vector{Delivery::suppressed}));

  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::ewouldblock);
  BOOST_TEST(bed.set_qos(socket, qos_input(no_change(), controlled_load(8000)), &bytes) == 0);

  BOOST_TEST(bed.emulator.close(socket) == 0);
  BOOST_TEST(bed.emulator.sleep_ex(0, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(bed.completions.size(), 1u);
  BOOST_TEST(bed.completions[0].error == wsa::operation_aborted);
  BOOST_TEST(bed.completions[0].bytes == 0u);
}

BOOST_AUTO_TEST_CASE(windows_2003_sync_query_succeeds_with_zero_bytes) {
  Bed bed(options_with(Profile::windows_2003));
  const Socket socket = bed.receiver();
  bed.emulator.indicate(socket, path_arrived());
  std::vector<std::byte> out(100, std::byte{0xCD});
  std::uint32_t bytes = 77;
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST(bytes == 0u);
  BOOST_TEST((out == std::vector<std::byte>(100, std::byte{0xCD})));
  Overlapped overlapped;
  BOOST_TEST(bed.query(socket, out, nullptr, &overlapped, bed.routine()) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::io_pending);
  BOOST_TEST((bed.recorder.deliveries() == std::vector{Delivery::suppressed}));
}

BOOST_AUTO_TEST_CASE(no_qos_provider_has_no_qos_at_all) {
  Bed bed(options_with(Profile::no_qos_provider));
  for (const provider::ProtocolInfo& info : bed.emulator.enum_protocols()) {
    BOOST_TEST((info.service_flags1 & gqos::xp1_qos_supported) == 0u);
  }
  BOOST_TEST(bed.emulator.enum_protocols().size() == 2u);

  const Socket socket = bed.receiver();
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::eopnotsupp);

  Overlapped overlapped;
  BOOST_TEST(bed.query(socket, out, nullptr, &overlapped, bed.routine()) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::io_pending);
  BOOST_TEST(bed.emulator.pending_requests(socket) == 1u);
  std::uint32_t flags = 0;
  BOOST_TEST(!bed.emulator.get_overlapped_result(socket, &overlapped, &bytes, false, &flags));
  BOOST_TEST(bed.emulator.last_error() == wsa::io_incomplete);
  BOOST_TEST(bed.emulator.sleep_ex(0, true) == wsa::wait_io_completion);
  BOOST_TEST(bed.queue.now_us() == 0);
  BOOST_REQUIRE_EQUAL(bed.completions.size(), 1u);
  BOOST_TEST(bed.completions[0].error == wsa::eopnotsupp);
  BOOST_TEST(bed.completions[0].bytes == 0u);

  const std::vector<std::byte> qos =
      qos_input(controlled_load(8000), gqos::unspecified_flowspec(service::best_effort));
  BOOST_TEST(bed.set_qos(socket, qos, &bytes) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::enoprotoopt);
  const Socket sender = bed.emulator.open(provider::Role::sender, provider::Protocol::udp);
  BOOST_TEST(bed.emulator.connect(sender, {"10.0.0.2", 5000}, qos) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::eopnotsupp);
  BOOST_TEST(bed.emulator.connect(sender, {"10.0.0.2", 5000}, {}) == 0);

  bed.emulator.indicate(socket, path_arrived());
  BOOST_TEST((bed.recorder.deliveries() == std::vector{Delivery::suppressed}));
}

// D18's scheduled failure calls back into the emulator: destroying it first cancels the call.
BOOST_AUTO_TEST_CASE(destroying_the_emulator_cancels_its_scheduled_events) {
  engine::EventQueue queue;
  std::vector<std::byte> out(100);
  Overlapped overlapped;
  {
    Emulator emulator(queue, options_with(Profile::no_qos_provider));
    const Socket socket = emulator.open(provider::Role::receiver, provider::Protocol::udp);
    BOOST_TEST(emulator.bind(socket, {"10.0.0.2", 5000}) == 0);
    BOOST_TEST(emulator.ioctl(socket, gqos::ioctl::get_qos, {}, out, nullptr, &overlapped, {}) ==
               socket_error);
    BOOST_TEST(queue.size() == 1u);
  }
  BOOST_TEST(!queue.run_next());
  BOOST_TEST(overlapped.internal == wsa::io_pending);
}

BOOST_AUTO_TEST_CASE(windows_2000_offers_qos_protocol_entries) {
  Bed bed;
  int with_qos = 0;
  for (const provider::ProtocolInfo& info : bed.emulator.enum_protocols()) {
    if (info.service_flags1 & gqos::xp1_qos_supported) ++with_qos;
  }
  BOOST_TEST(with_qos == 2);
}

BOOST_AUTO_TEST_SUITE_END()

// The same calls give the same observable results.
BOOST_AUTO_TEST_CASE(runs_are_deterministic) {
  auto run = [] {
    Bed bed;
    std::vector<std::string> transcript;
    const Socket socket = bed.receiver();
    std::vector<std::byte> out(16);
    Overlapped overlapped;
    bed.query(socket, out, nullptr, &overlapped, bed.routine());
    bed.indicate_at(1000, socket, path_arrived());
    bed.indicate_at(1000, socket, bare(status::no_senders));
    bed.indicate_at(3000, socket, bare(status::policy_failure));
    while (bed.emulator.sleep_ex(wsa::infinite, true) == wsa::wait_io_completion) {
      const Completion last = bed.completions.back();
      transcript.push_back(std::to_string(bed.queue.now_us()) + " " + std::to_string(last.error) +
                           " " + std::to_string(last.bytes));
      if (last.error == wsa::enobufs) out.resize(gqos::load_u32(out, 0));
      if (last.error == 0) transcript.push_back(std::to_string(status_in(out, last.bytes)));
      bed.query(socket, out, nullptr, &overlapped, bed.routine());
    }
    for (const Recorder::Seen& seen : bed.recorder.indications) {
      transcript.push_back(std::string(name_of(seen.delivery)));
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

// Every gqos-facts DECISION can be chosen otherwise by a scenario (EmulatorOptions::decisions).
BOOST_AUTO_TEST_SUITE(overridden_decisions)

BOOST_AUTO_TEST_CASE(early_queries_fail_with_the_chosen_errors) {
  EmulatorOptions options;
  options.decisions.sender_not_connected = wsa::einval;
  options.decisions.receiver_not_bound = wsa::enotconn;
  Bed bed(options);
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  const Socket sender = bed.emulator.open(provider::Role::sender, provider::Protocol::udp);
  BOOST_TEST(bed.query(sender, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::einval);
  const Socket receiver = bed.emulator.open(provider::Role::receiver, provider::Protocol::udp);
  BOOST_TEST(bed.query(receiver, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::enotconn);
}

BOOST_AUTO_TEST_CASE(a_short_buffer_fails_with_the_chosen_error) {
  EmulatorOptions options;
  options.decisions.short_buffer = wsa::enobufs;
  Bed bed(options);
  const Socket socket = bed.receiver();
  std::vector<std::byte> out(2);
  Overlapped overlapped;
  BOOST_TEST(bed.query(socket, out, nullptr, &overlapped, bed.routine()) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::enobufs);
  BOOST_TEST(bed.emulator.pending_requests(socket) == 0u);
}

BOOST_AUTO_TEST_CASE(enobufs_can_consume_the_indication) {
  EmulatorOptions options;
  options.decisions.enobufs_keeps_indication = false;
  Bed bed(options);
  const Socket socket = bed.receiver();
  std::vector<std::byte> small(16);
  Overlapped overlapped;
  BOOST_TEST(bed.query(socket, small, nullptr, &overlapped, bed.routine()) == socket_error);
  bed.indicate_at(1000, socket, path_arrived());
  BOOST_TEST(bed.emulator.sleep_ex(5, true) == wsa::wait_io_completion);
  BOOST_REQUIRE_EQUAL(bed.completions.size(), 1u);
  BOOST_TEST(bed.completions[0].error == wsa::enobufs);
  BOOST_TEST(gqos::load_u32(small, 0) == 100u);
  BOOST_TEST(bed.emulator.queued_indications(socket) == 0u);

  // The immediate path loses it too: a queued indication, a buffer too small, then nothing.
  bed.indicate_at(2000, socket, path_arrived());
  bed.queue.run_until(2000);
  BOOST_TEST(bed.emulator.queued_indications(socket) == 1u);
  std::uint32_t bytes = 0;
  BOOST_TEST(bed.query(socket, small, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::enobufs);
  BOOST_TEST(bytes == 4u);
  BOOST_TEST(bed.emulator.queued_indications(socket) == 0u);
}

BOOST_AUTO_TEST_CASE(draining_ends_with_the_chosen_error) {
  EmulatorOptions options;
  options.decisions.nothing_queued = wsa::einval;
  Bed bed(options);
  const Socket socket = bed.receiver();
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(bed.emulator.last_error() == wsa::einval);
}

BOOST_AUTO_TEST_CASE(the_other_flowspec_can_be_zero_filled) {
  EmulatorOptions options;
  options.decisions.unused_flowspec_fields = 0;
  Bed bed(options);
  const Socket socket = bed.receiver();
  bed.indicate_at(0, socket, path_arrived());
  bed.queue.run_until(0);
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(bed.query(socket, out, &bytes, nullptr) == 0);
  const gqos::DecodedQos qos = decoded(out, bytes);
  BOOST_TEST((qos.sending == gqos::FlowSpec{0, 0, 0, 0, 0, service::no_change, 0, 0}));
  BOOST_TEST((qos.receiving == controlled_load(8000)));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(prefetch_hints)

// The same script twice, with and without hints, including hints for sockets that are unknown,
// idle or closed before their turn: what the application sees is the same. (Under the sanitizers
// this also shows that prefetching reads only live state.)
BOOST_AUTO_TEST_CASE(hints_change_nothing_a_run_sees) {
  struct Seen {
    std::vector<std::uint32_t> errors, bytes;
    std::vector<Delivery> deliveries;
    gqos::DecodedQos qos;  // decoded: the buffer holds its own address
  };
  auto play = [](bool hinted) {
    Bed bed;
    const Socket waiting = bed.receiver();
    const Socket idle = bed.receiver();
    const Socket closing = bed.receiver();
    const Socket unknown = 0x999;
    std::vector<std::byte> out(200);
    std::vector<std::byte> closing_out(200);
    Overlapped overlapped;
    Overlapped closing_overlapped;
    BOOST_REQUIRE(bed.query(waiting, out, nullptr, &overlapped, bed.routine()) == socket_error);
    BOOST_REQUIRE(bed.query(closing, closing_out, nullptr, &closing_overlapped, bed.routine()) ==
                  socket_error);
    auto indicate_at = [&](engine::TimeUs at_us, Socket socket, Indication indication) {
      bed.queue.schedule_at(
          at_us, [&bed, socket, indication] { bed.emulator.indicate(socket, indication); },
          hinted ? bed.emulator.prefetch_for(socket) : engine::PrefetchHint{});
    };
    indicate_at(10, unknown, path_arrived());
    indicate_at(20, idle, path_arrived(1000));
    indicate_at(30, closing, path_arrived(2000));
    indicate_at(40, waiting, path_arrived(3000));
    indicate_at(50, waiting, bare(status::no_senders));
    bed.queue.schedule_at(25, [&bed, closing] { bed.emulator.close(closing); });
    while (bed.queue.run_next()) bed.emulator.sleep_ex(0, true);
    Seen seen;
    for (const Completion& completion : bed.completions) {
      seen.errors.push_back(completion.error);
      seen.bytes.push_back(completion.bytes);
    }
    seen.deliveries = bed.recorder.deliveries();
    seen.qos = decoded(out, seen.bytes.back());
    return seen;
  };
  const Seen plain = play(false);
  const Seen hinted = play(true);
  BOOST_TEST(plain.errors == (std::vector<std::uint32_t>{wsa::operation_aborted, 0}),
             boost::test_tools::per_element());
  BOOST_TEST(hinted.errors == plain.errors, boost::test_tools::per_element());
  BOOST_TEST(hinted.bytes == plain.bytes, boost::test_tools::per_element());
  BOOST_TEST((hinted.deliveries == plain.deliveries));
  BOOST_TEST(
      (plain.deliveries == std::vector{Delivery::dropped, Delivery::queued, Delivery::dropped,
                                       Delivery::completed, Delivery::queued}));
  BOOST_TEST((hinted.qos.receiving == controlled_load(3000)));
  BOOST_TEST((hinted.qos.receiving == plain.qos.receiving));
  BOOST_TEST((hinted.qos.sending == plain.qos.sending));
  BOOST_TEST(hinted.qos.status_info->status_code == plain.qos.status_info->status_code);
}

BOOST_AUTO_TEST_SUITE_END()
