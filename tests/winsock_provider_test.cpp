// WinsockProvider and raw Winsock on a system without a QoS service provider (Wine in CI; any
// Windows since Vista): opening reports no-qos-provider, and an overlapped SIO_GET_QOS on a plain
// socket pends or fails and is always cleaned up. Waits here have no deadline of their own: the
// test's TIMEOUT property bounds them, so a completion that never comes fails the test instead of
// hanging it, without asserting on how long anything took.
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <winsock2.h>
#include <ws2tcpip.h>

// After <winsock2.h>, whose types it uses.
#include <qos.h>

#define BOOST_TEST_MODULE winsock_provider
#include <algorithm>
#include <array>
#include <boost/test/unit_test.hpp>
#include <cstddef>
#include <optional>
#include <string_view>

#include "client/monitor.hpp"
#include "gqos/constants.hpp"
#include "provider/winsock_provider.hpp"
#include "without_qos_provider.hpp"

using namespace qosbed;
using provider::Protocol;
using provider::Role;
using provider::WinsockProvider;

namespace {

constexpr std::uint32_t infinite = gqos::wsa::infinite;
constexpr std::size_t qos_buffer_size = 100;  // QOS + RSVP_STATUS_INFO

// The outcome of one overlapped call, as its completion routine saw it.
struct Completion {
  std::uint32_t error = 0;
  std::uint32_t bytes = 0;
};

// Raw Winsock's completion routine: the OVERLAPPED's hEvent carries where to write.
void CALLBACK record_completion(DWORD error, DWORD bytes, LPWSAOVERLAPPED overlapped, DWORD) {
  *static_cast<std::optional<Completion>*>(overlapped->hEvent) = Completion{error, bytes};
}

struct WinsockSession {
  WinsockSession() { BOOST_REQUIRE(WSAStartup(MAKEWORD(2, 2), &data) == 0); }
  ~WinsockSession() { WSACleanup(); }
  WSADATA data;
};

SOCKET bound_udp_socket() {
  SOCKET s = WSASocketW(AF_INET, SOCK_DGRAM, IPPROTO_UDP, nullptr, 0, WSA_FLAG_OVERLAPPED);
  BOOST_REQUIRE(s != INVALID_SOCKET);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  local.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  BOOST_REQUIRE(bind(s, reinterpret_cast<const sockaddr*>(&local), sizeof local) == 0);
  return s;
}

struct Recorder : client::MonitorListener {
  std::vector<std::uint32_t> errors;
  std::optional<client::StopReason> stopped;
  int updates = 0;

  void on_update(const client::Update&) override { ++updates; }
  void on_error(std::uint32_t error, std::string_view) override { errors.push_back(error); }
  void on_stopped(client::StopReason reason) override { stopped = reason; }
};

}  // namespace

BOOST_AUTO_TEST_CASE(opening_without_a_qos_entry_reports_no_qos_provider) {
  WinsockProvider winsock;
  BOOST_TEST(!winsock.enum_protocols().empty());
  if (testing::any_qos_entry(winsock)) {
    testing::skip_case("this system has a QoS-capable protocol entry");
  }
  for (auto protocol : {Protocol::udp, Protocol::tcp}) {
    for (auto role : {Role::sender, Role::receiver, Role::both}) {
      BOOST_TEST(winsock.open(role, protocol) == provider::invalid_socket);
      BOOST_TEST(winsock.last_error() == provider::error_no_qos_provider);
    }
  }
  BOOST_TEST(provider::no_qos_provider_message.find("emulator") != std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(raw_overlapped_get_qos_on_a_plain_socket_pends_or_fails_then_is_cleaned_up) {
  WinsockSession session;
  SOCKET s = bound_udp_socket();

  // Synchronous first: it cannot pend, so it must fail at once.
  std::array<char, qos_buffer_size> sync_out{};
  DWORD bytes = 0;
  BOOST_TEST(WSAIoctl(s, SIO_GET_QOS, nullptr, 0, sync_out.data(), sync_out.size(), &bytes, nullptr,
                      nullptr) == SOCKET_ERROR);
  BOOST_TEST_MESSAGE("synchronous SIO_GET_QOS: error " << WSAGetLastError());

  std::array<char, qos_buffer_size> out{};
  std::optional<Completion> completion;
  WSAOVERLAPPED overlapped{};
  overlapped.hEvent = &completion;
  int result = WSAIoctl(s, SIO_GET_QOS, nullptr, 0, out.data(), out.size(), &bytes, &overlapped,
                        record_completion);
  int error = result == SOCKET_ERROR ? WSAGetLastError() : 0;
  BOOST_TEST_MESSAGE("overlapped SIO_GET_QOS: result " << result << ", error " << error);
  // Success would mean a QoS provider answered: not what this system has.
  BOOST_TEST(result == SOCKET_ERROR);
  BOOST_TEST(closesocket(s) == 0);

  if (error == WSA_IO_PENDING) {
    // Pending: it fails by itself (Wine) or closing aborts it; either way the routine runs, with
    // an error, in one of the next alertable waits.
    while (!completion) BOOST_TEST(SleepEx(infinite, TRUE) == WAIT_IO_COMPLETION);
    BOOST_TEST_MESSAGE("completed: error " << completion->error << ", " << completion->bytes
                                           << " bytes");
    BOOST_TEST(completion->error != 0u);
    BOOST_TEST(completion->bytes == 0u);
  } else {
    // Failed at once: Winsock queues no completion for it.
    BOOST_TEST(SleepEx(0, TRUE) == 0u);
    BOOST_TEST(!completion);
  }
}

BOOST_AUTO_TEST_CASE(provider_routine_is_delivered_or_not_queued_and_nothing_stays_in_flight) {
  WinsockProvider winsock({.allow_plain_socket = true});
  auto s = winsock.open(Role::receiver, Protocol::udp);
  BOOST_REQUIRE(s != provider::invalid_socket);
  BOOST_REQUIRE(winsock.bind(s, {"127.0.0.1", 0}) == 0);

  std::array<std::byte, qos_buffer_size> out{};
  provider::Overlapped overlapped;
  std::optional<Completion> completion;
  std::uint32_t bytes = 0;
  int result = winsock.ioctl(s, gqos::ioctl::get_qos, {}, out, &bytes, &overlapped,
                             [&](std::uint32_t error, std::uint32_t transferred,
                                 provider::Overlapped* delivered, std::uint32_t flags) {
                               BOOST_TEST(delivered == &overlapped);
                               BOOST_TEST(flags == 0u);
                               completion = Completion{error, transferred};
                             });
  std::uint32_t error = result == provider::socket_error ? winsock.last_error() : 0;
  BOOST_TEST_MESSAGE("overlapped SIO_GET_QOS through WinsockProvider: error " << error);
  BOOST_TEST(result == provider::socket_error);
  BOOST_TEST(winsock.close(s) == 0);

  if (error == gqos::wsa::io_pending) {
    while (!completion) {
      BOOST_TEST(winsock.sleep_ex(infinite, true) == gqos::wsa::wait_io_completion);
    }
    BOOST_TEST(completion->error != 0u);
    BOOST_TEST(overlapped.internal == completion->error);
  } else {
    BOOST_TEST(winsock.sleep_ex(0, true) == 0u);
    BOOST_TEST(!completion);
    BOOST_TEST(overlapped.internal == error);
  }
  BOOST_TEST(winsock.requests_in_flight() == 0u);
}

BOOST_AUTO_TEST_CASE(provider_event_request_is_collected_by_get_overlapped_result) {
  WinsockProvider winsock({.allow_plain_socket = true});
  auto s = winsock.open(Role::receiver, Protocol::udp);
  BOOST_REQUIRE(s != provider::invalid_socket);
  BOOST_REQUIRE(winsock.bind(s, {"127.0.0.1", 0}) == 0);

  std::array<std::byte, qos_buffer_size> out{};
  provider::Overlapped overlapped;
  overlapped.event = winsock.create_event();
  BOOST_REQUIRE(overlapped.event != provider::invalid_event);
  std::uint32_t bytes = 0;
  int result = winsock.ioctl(s, gqos::ioctl::get_qos, {}, out, &bytes, &overlapped, nullptr);
  std::uint32_t error = result == provider::socket_error ? winsock.last_error() : 0;
  BOOST_TEST(result == provider::socket_error);

  if (error == gqos::wsa::io_pending) {
    // Either still pending (IO_INCOMPLETE; closing then aborts it), or already finished with an
    // error. Wine does the latter: WSA_IO_PENDING with the OVERLAPPED already holding
    // STATUS_NOT_SUPPORTED and its event never signalled, so this test never waits on the event.
    std::uint32_t flags = 0;
    bool finished = winsock.get_overlapped_result(s, &overlapped, &bytes, false, &flags);
    BOOST_TEST(!finished);
    std::uint32_t first = winsock.last_error();
    BOOST_TEST_MESSAGE("pending SIO_GET_QOS by event, first look: error " << first);
    BOOST_TEST(winsock.close(s) == 0);
    if (first == gqos::wsa::io_incomplete) {
      BOOST_TEST(!winsock.get_overlapped_result(s, &overlapped, &bytes, true, &flags));
      BOOST_TEST(winsock.last_error() == gqos::wsa::operation_aborted);
    }
    BOOST_TEST(overlapped.internal != 0u);
    BOOST_TEST(bytes == 0u);
  } else {
    BOOST_TEST(winsock.close(s) == 0);
  }
  BOOST_TEST(winsock.requests_in_flight() == 0u);
  BOOST_TEST(winsock.close_event(overlapped.event));
}

BOOST_AUTO_TEST_CASE(events_and_waits_map_to_winsock) {
  WinsockProvider winsock;
  auto event = winsock.create_event();
  BOOST_REQUIRE(event != provider::invalid_event);
  const provider::Event events[] = {event};
  BOOST_TEST(winsock.wait_for_events(events, false, 0, true) == gqos::wsa::wait_timeout);
  BOOST_TEST(winsock.set_event(event));
  BOOST_TEST(winsock.wait_for_events(events, false, 0, true) == gqos::wsa::wait_event_0);
  BOOST_TEST(winsock.reset_event(event));
  BOOST_TEST(winsock.wait_for_events(events, false, 0, false) == gqos::wsa::wait_timeout);
  BOOST_TEST(winsock.close_event(event));
  BOOST_TEST(winsock.sleep_ex(0, true) == 0u);

  BOOST_TEST(winsock.close(0x7FFF0) == provider::socket_error);
  BOOST_TEST(winsock.last_error() == gqos::wsa::enotsock);
}

BOOST_AUTO_TEST_CASE(monitor_on_real_winsock_stops_cleanly_when_the_socket_closes) {
  WinsockProvider winsock({.allow_plain_socket = true});
  auto s = winsock.open(Role::receiver, Protocol::udp);
  BOOST_REQUIRE(s != provider::invalid_socket);
  BOOST_REQUIRE(winsock.bind(s, {"127.0.0.1", 0}) == 0);

  Recorder recorder;
  client::Monitor monitor(winsock, s, recorder);
  bool armed = monitor.start();
  BOOST_TEST_MESSAGE("Monitor armed: " << armed);
  BOOST_TEST(winsock.close(s) == 0);
  // Whether the request failed at once or pends until the close aborts it, the Monitor must end
  // up stopped with an error, and without a report of QoS that this system cannot give.
  while (!recorder.stopped) {
    BOOST_TEST(winsock.sleep_ex(infinite, true) == gqos::wsa::wait_io_completion);
  }
  BOOST_TEST(!monitor.active());
  BOOST_TEST(recorder.updates == 0);
  BOOST_TEST(!recorder.errors.empty());
  BOOST_TEST(winsock.requests_in_flight() == 0u);
}
