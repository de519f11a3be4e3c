// The SP's rules alone: what they hand to the Winsock delivery model (recorded here instead of
// delivered), on a scheduler of their own. The emulator's tests check the same rules as an
// application sees them through both parts.
#define BOOST_TEST_MODULE sp_rules
#include "provider_stub/sp_rules.hpp"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "engine/event_queue.hpp"
#include "gqos/codec.hpp"
#include "gqos/constants.hpp"

using namespace qosbed;
using namespace qosbed::provider_stub;
using provider::Overlapped;
using provider::socket_error;
namespace wsa = gqos::wsa;
namespace status = gqos::status;

namespace {

gqos::Indication with_status(std::uint32_t status_code) {
  gqos::Indication indication;
  indication.status = status_code;
  return indication;
}

EmulatorOptions profile(Profile profile) {
  EmulatorOptions options;
  options.profile = profile;
  return options;
}

// Every call the rules make to the delivery model, in order, as text.
class RecordedDelivery final : public ResultDelivery {
 public:
  void complete(Socket socket, Overlapped& overlapped, provider::CompletionRoutine&& routine,
                std::uint32_t error, std::uint32_t bytes) override {
    calls.push_back("complete " + std::to_string(socket) + " error " + std::to_string(error) +
                    " bytes " + std::to_string(bytes) + (routine ? " routine" : ""));
    completed.push_back(&overlapped);
    if (routine) routine(error, bytes, &overlapped, 0);
  }
  void qos_changed(Socket socket, std::uint32_t status_code) override {
    calls.push_back("qos_changed " + std::to_string(socket) + " " + std::to_string(status_code));
  }
  void qos_queried(Socket socket) override {
    calls.push_back("qos_queried " + std::to_string(socket));
  }

  std::vector<std::string> calls;
  std::vector<const Overlapped*> completed;
};

struct Rules {
  explicit Rules(EmulatorOptions options = {}) : rules(queue, delivery, last_error, options) {}

  Socket receiver() {
    const Socket socket = rules.open(provider::Role::receiver, provider::Protocol::udp);
    BOOST_REQUIRE_EQUAL(rules.bind(socket, {"10.0.0.2", 5000}), 0);
    return socket;
  }
  int query(Socket socket, std::span<std::byte> out, std::uint32_t* bytes, Overlapped* overlapped,
            provider::CompletionRoutine routine = {}) {
    return rules.ioctl(socket, gqos::ioctl::get_qos, {}, out, bytes, overlapped,
                       std::move(routine));
  }

  engine::EventQueue queue;
  RecordedDelivery delivery;
  std::uint32_t last_error = 0;
  SpRules rules;
};

using Calls = std::vector<std::string>;

}  // namespace

// R1, R2: the oldest pending request takes the indication; the delivery model gets the finished
// request with the application's own routine, and hears that the socket's QoS changed first.
BOOST_AUTO_TEST_CASE(an_indication_finishes_the_pending_query_through_the_delivery) {
  Rules sp;
  const Socket socket = sp.receiver();
  std::vector<std::byte> out(100);
  Overlapped overlapped;
  int routine_runs = 0;
  BOOST_TEST(sp.query(socket, out, nullptr, &overlapped,
                      [&routine_runs](std::uint32_t, std::uint32_t, Overlapped*, std::uint32_t) {
                        ++routine_runs;
                      }) == socket_error);
  BOOST_TEST(sp.last_error == wsa::io_pending);
  BOOST_TEST(overlapped.internal == wsa::io_pending);
  BOOST_TEST(sp.rules.pends(socket, &overlapped));

  sp.rules.indicate(socket, with_status(status::senders));
  BOOST_TEST(sp.delivery.calls == (Calls{"qos_queried 256", "qos_changed 256 11006",
                                         "complete 256 error 0 bytes 100 routine"}),
             boost::test_tools::per_element());
  BOOST_TEST(sp.delivery.completed == (std::vector<const Overlapped*>{&overlapped}),
             boost::test_tools::per_element());
  BOOST_TEST(routine_runs == 1);
  BOOST_TEST(!sp.rules.pends(socket, &overlapped));
  const gqos::DecodeResult result = gqos::decode(out);
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.qos.status_info->status_code == status::senders);
}

// R5, D5: each pending request too small finishes with WSAENOBUFS and the required size, and the
// next is offered the same indication.
BOOST_AUTO_TEST_CASE(a_small_pending_buffer_finishes_with_enobufs_and_passes_the_indication_on) {
  Rules sp;
  const Socket socket = sp.receiver();
  std::vector<std::byte> small(16), large(100);
  Overlapped first, second;
  BOOST_TEST(sp.query(socket, small, nullptr, &first) == socket_error);
  BOOST_TEST(sp.query(socket, large, nullptr, &second) == socket_error);
  sp.delivery.calls.clear();
  sp.rules.indicate(socket, with_status(status::senders));
  BOOST_TEST(
      sp.delivery.calls == (Calls{"qos_changed 256 11006", "complete 256 error 10055 bytes 4",
                                  "complete 256 error 0 bytes 100"}),
      boost::test_tools::per_element());
  BOOST_TEST(sp.delivery.completed == (std::vector<const Overlapped*>{&first, &second}),
             boost::test_tools::per_element());
  BOOST_TEST(gqos::load_u32(small, 0) == 100u);
  BOOST_TEST(sp.rules.queued_indications(socket) == 0u);
}

// R7: "any call to the reenabling routine, even one that fails" re-enables FD_QOS (SDK
// WSAEventSelect): an injected failure, a short buffer, no byte count, an unbound receiver (R3).
BOOST_AUTO_TEST_CASE(every_query_re_enables_fd_qos_even_one_that_fails) {
  Rules sp;
  const Socket socket = sp.rules.open(provider::Role::receiver, provider::Protocol::udp);
  std::vector<std::byte> out(100), tiny(2);
  std::uint32_t bytes = 0;
  sp.rules.fail_next_call(socket, provider::Call::get_qos, 10050);  // WSAENETDOWN
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.last_error == 10050u);
  BOOST_TEST(sp.query(socket, tiny, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.last_error == wsa::efault);
  BOOST_TEST(sp.query(socket, out, nullptr, nullptr) == socket_error);
  BOOST_TEST(sp.last_error == wsa::efault);
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.last_error == wsa::einval);
  BOOST_TEST(sp.delivery.calls == (Calls{"qos_queried 256", "qos_queried 256", "qos_queried 256",
                                         "qos_queried 256"}),
             boost::test_tools::per_element());
  // Not a socket: there is nothing to re-enable.
  sp.delivery.calls.clear();
  BOOST_TEST(sp.query(socket + 4, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.last_error == wsa::enotsock);
  BOOST_TEST(sp.delivery.calls.empty());
}

// R7: a query that leaves a change unread re-enables FD_QOS and records that change at once, as
// WSAEventSelect does "if a network event has already happened when ... the reenabling function
// is called"; a query that reads the last one records nothing.
BOOST_AUTO_TEST_CASE(a_query_that_leaves_a_change_unread_records_it_at_once) {
  Rules sp;
  const Socket socket = sp.receiver();
  sp.rules.indicate(socket, with_status(status::senders));
  sp.rules.indicate(socket, with_status(status::no_senders));
  sp.delivery.calls.clear();
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST(sp.delivery.calls == (Calls{"qos_queried 256", "qos_changed 256 11007"}),
             boost::test_tools::per_element());
  sp.delivery.calls.clear();
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST(sp.delivery.calls == (Calls{"qos_queried 256"}), boost::test_tools::per_element());
}

// An indication the profile suppresses, or a confirmation nobody asked for (R10), changes no
// socket's QoS: no FD_QOS.
BOOST_AUTO_TEST_CASE(suppressed_and_unconfirmed_indications_change_no_qos) {
  Rules xp(profile(Profile::windows_xp));
  xp.rules.indicate(xp.receiver(), with_status(status::senders));
  BOOST_TEST(xp.delivery.calls.empty());

  Rules sp;
  const Socket socket = sp.receiver();
  sp.rules.indicate(socket, with_status(status::request_confirmed));
  sp.rules.indicate(socket, with_status(status::no_senders));
  BOOST_TEST(sp.delivery.calls == (Calls{"qos_changed 256 11007"}),
             boost::test_tools::per_element());
  BOOST_TEST(sp.rules.queued_indications(socket) == 1u);
}

// D19: WSAEventSelect hears of the oldest indication still unread, and of nothing when none is.
BOOST_AUTO_TEST_CASE(report_unread_names_the_oldest_queued_status) {
  Rules sp;
  const Socket socket = sp.receiver();
  sp.rules.report_unread(socket);
  BOOST_TEST(sp.delivery.calls.empty());
  sp.rules.indicate(socket, with_status(status::senders));
  sp.rules.indicate(socket, with_status(status::no_senders));
  sp.delivery.calls.clear();
  sp.rules.report_unread(socket);
  BOOST_TEST(sp.delivery.calls == (Calls{"qos_changed 256 11006"}),
             boost::test_tools::per_element());
}

// R8: closing finishes every pending request with WSA_OPERATION_ABORTED, oldest first.
BOOST_AUTO_TEST_CASE(close_aborts_the_pending_requests_in_order) {
  Rules sp;
  const Socket socket = sp.receiver();
  std::vector<std::byte> out(100);
  Overlapped first, second;
  BOOST_TEST(sp.query(socket, out, nullptr, &first) == socket_error);
  BOOST_TEST(sp.query(socket, out, nullptr, &second) == socket_error);
  sp.delivery.calls.clear();
  BOOST_TEST(sp.rules.close(socket) == 0);
  BOOST_TEST(sp.delivery.calls ==
                 (Calls{"complete 256 error 995 bytes 0", "complete 256 error 995 bytes 0"}),
             boost::test_tools::per_element());
  BOOST_TEST(sp.delivery.completed == (std::vector<const Overlapped*>{&first, &second}),
             boost::test_tools::per_element());
  BOOST_TEST(!sp.rules.is_open(socket));
  BOOST_TEST(sp.rules.close(socket) == socket_error);
  BOOST_TEST(sp.last_error == wsa::enotsock);
}

// W32 winsock-ioctls: SIO_GET_QOS on a provider without QoS fails with WSAENOPROTOOPT, at once
// in either mode: an overlapped call that fails so is not initiated, and nothing is scheduled.
BOOST_AUTO_TEST_CASE(no_qos_provider_fails_every_query_at_once_with_enoprotoopt) {
  Rules sp(profile(Profile::no_qos_provider));
  const Socket socket = sp.receiver();
  std::vector<std::byte> out(100);
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == socket_error);
  BOOST_TEST(sp.last_error == wsa::enoprotoopt);
  Overlapped overlapped;
  BOOST_TEST(sp.query(socket, out, nullptr, &overlapped) == socket_error);
  BOOST_TEST(sp.last_error == wsa::enoprotoopt);
  BOOST_TEST(sp.rules.pending_requests(socket) == 0u);
  BOOST_TEST(sp.delivery.completed.empty());
  BOOST_TEST(sp.queue.size() == 0u);

  // Wine's ws2_32 answers WSAEOPNOTSUPP: a scenario may choose it.
  EmulatorOptions wine = profile(Profile::no_qos_provider);
  wine.decisions.no_qos_provider_query = wsa::eopnotsupp;
  Rules other(wine);
  BOOST_TEST(other.query(other.receiver(), out, nullptr, &overlapped) == socket_error);
  BOOST_TEST(other.last_error == wsa::eopnotsupp);
}

// A script event runs at its time, in its place among equal-time events, and can be cancelled:
// the hint it carries changes none of that.
BOOST_AUTO_TEST_CASE(script_events_run_in_time_and_scheduling_order) {
  Rules sp;
  const Socket socket = sp.receiver();
  std::vector<int> ran;
  sp.queue.schedule_at(20, [&ran] { ran.push_back(1); });
  sp.rules.schedule_script_event(socket, 20, [&ran] { ran.push_back(2); });
  const engine::EventId cancelled =
      sp.rules.schedule_script_event(socket, 10, [&ran] { ran.push_back(0); });
  sp.rules.schedule_script_event(socket, 30, [&] {
    ran.push_back(3);
    sp.rules.indicate(socket, with_status(status::senders));
  });
  sp.queue.cancel(cancelled);
  sp.queue.run_until(100);
  BOOST_TEST(ran == (std::vector<int>{1, 2, 3}), boost::test_tools::per_element());
  BOOST_TEST(sp.rules.queued_indications(socket) == 1u);
}
