// The Winsock facade's socket-level calls over the emulator: WSAStartup/WSACleanup,
// WSAEnumProtocols (the emulated RSVP SP's entries), WSASocket from a protocol info, and
// WSAEventSelect/WSAEnumNetworkEvents, as a classic GQoS client calls them.
#define BOOST_TEST_MODULE facade
#include <boost/test/unit_test.hpp>
#include <cstring>
#include <string>
#include <vector>

#include "facade/winsock_facade.h"
#include "provider_stub/emulator.hpp"

namespace {

using namespace qosbed;

provider_stub::EmulatorOptions with(provider_stub::Profile profile) {
  provider_stub::EmulatorOptions options;
  options.profile = profile;
  return options;
}

// The emulator installed as the facade's Provider for one test.
struct Installed {
  explicit Installed(provider_stub::Profile profile = provider_stub::Profile::windows_2000)
      : emulator(queue, with(profile)) {
    facade::set_provider(emulator);
  }
  ~Installed() { facade::reset(); }

  engine::EventQueue queue;
  provider_stub::Emulator emulator;
};

// WSAEnumProtocols the classic way: ask for the size, then for the entries.
std::vector<WSAPROTOCOL_INFO> protocols(int* filter) {
  DWORD length = 0;
  BOOST_TEST_REQUIRE(WSAEnumProtocols(filter, nullptr, &length) == SOCKET_ERROR);
  BOOST_TEST_REQUIRE(WSAGetLastError() == static_cast<int>(WSAENOBUFS));
  BOOST_TEST_REQUIRE(length % sizeof(WSAPROTOCOL_INFO) == 0u);
  std::vector<WSAPROTOCOL_INFO> entries(length / sizeof(WSAPROTOCOL_INFO));
  BOOST_TEST_REQUIRE(WSAEnumProtocols(filter, entries.data(), &length) ==
                     static_cast<int>(entries.size()));
  return entries;
}

const WSAPROTOCOL_INFO* qos_entry(const std::vector<WSAPROTOCOL_INFO>& entries, int type) {
  for (const WSAPROTOCOL_INFO& entry : entries) {
    if ((entry.dwServiceFlags1 & XP1_QOS_SUPPORTED) && entry.iSocketType == type) return &entry;
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_CASE(startup_and_cleanup) {
  WSADATA data;
  BOOST_TEST(WSAStartup(MAKEWORD(2, 2), &data) == 0);
  BOOST_TEST(data.wVersion == 0x0202);
  BOOST_TEST(data.wHighVersion == 0x0202);
  BOOST_TEST(std::string(data.szDescription) == "qosbed Winsock facade");
  BOOST_TEST(WSAStartup(MAKEWORD(1, 1), &data) == static_cast<int>(WSAVERNOTSUPPORTED));
  BOOST_TEST(WSAStartup(MAKEWORD(2, 2), nullptr) == static_cast<int>(WSAEFAULT));
  BOOST_TEST(WSACleanup() == 0);
  // One more cleanup than startups.
  BOOST_TEST(WSACleanup() == SOCKET_ERROR);
  BOOST_TEST(WSAGetLastError() == static_cast<int>(WSANOTINITIALISED));
  facade::reset();
}

BOOST_AUTO_TEST_CASE(enum_protocols_lists_the_rsvp_sp) {
  Installed installed;
  const std::vector<WSAPROTOCOL_INFO> all = protocols(nullptr);
  BOOST_TEST_REQUIRE(all.size() == 4u);  // TCP and UDP, each plain and through the RSVP SP
  const WSAPROTOCOL_INFO* udp = qos_entry(all, SOCK_DGRAM);
  BOOST_TEST_REQUIRE(udp != nullptr);
  BOOST_TEST(std::string(udp->szProtocol) == "RSVP UDP Service Provider");
  BOOST_TEST(udp->iAddressFamily == AF_INET);
  BOOST_TEST(udp->iProtocol == IPPROTO_UDP);
  BOOST_TEST(udp->dwCatalogEntryId == 4u);
  const WSAPROTOCOL_INFO* tcp = qos_entry(all, SOCK_STREAM);
  BOOST_TEST_REQUIRE(tcp != nullptr);
  BOOST_TEST(tcp->iProtocol == IPPROTO_TCP);

  int only_udp[] = {IPPROTO_UDP, 0};
  const std::vector<WSAPROTOCOL_INFO> udp_entries = protocols(only_udp);
  BOOST_TEST(udp_entries.size() == 2u);
  for (const WSAPROTOCOL_INFO& entry : udp_entries) BOOST_TEST(entry.iProtocol == IPPROTO_UDP);

  DWORD short_length = sizeof(WSAPROTOCOL_INFO);
  std::vector<WSAPROTOCOL_INFO> one(1);
  BOOST_TEST(WSAEnumProtocols(only_udp, one.data(), &short_length) == SOCKET_ERROR);
  BOOST_TEST(WSAGetLastError() == static_cast<int>(WSAENOBUFS));
  BOOST_TEST(short_length == 2 * sizeof(WSAPROTOCOL_INFO));
}

BOOST_AUTO_TEST_CASE(no_qos_provider_has_no_qos_entry) {
  Installed installed(provider_stub::Profile::no_qos_provider);
  const std::vector<WSAPROTOCOL_INFO> all = protocols(nullptr);
  BOOST_TEST(all.size() == 2u);
  BOOST_TEST(qos_entry(all, SOCK_DGRAM) == nullptr);
  BOOST_TEST(qos_entry(all, SOCK_STREAM) == nullptr);
}

BOOST_AUTO_TEST_CASE(wsasocket_opens_from_the_protocol_info) {
  Installed installed;
  const std::vector<WSAPROTOCOL_INFO> all = protocols(nullptr);
  const WSAPROTOCOL_INFO* udp = qos_entry(all, SOCK_DGRAM);
  BOOST_TEST_REQUIRE(udp != nullptr);

  // The role given is the one the emulator applies: an unconnected sender may not ask (D2).
  facade::set_socket_role(provider::Role::sender);
  WSAPROTOCOL_INFO entry = *udp;
  const SOCKET s = WSASocket(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &entry, 0,
                             WSA_FLAG_OVERLAPPED);
  BOOST_TEST_REQUIRE(s != INVALID_SOCKET);
  char buffer[100];
  DWORD returned = 0;
  BOOST_TEST(WSAIoctl(s, SIO_GET_QOS, nullptr, 0, buffer, sizeof buffer, &returned, nullptr,
                      nullptr) == SOCKET_ERROR);
  BOOST_TEST(WSAGetLastError() == static_cast<int>(WSAENOTCONN));
  BOOST_TEST(closesocket(s) == 0);

  BOOST_TEST(WSASocket(AF_INET6, SOCK_DGRAM, 0, nullptr, 0, 0) == INVALID_SOCKET);
  BOOST_TEST(WSAGetLastError() == static_cast<int>(WSAEAFNOSUPPORT));
  BOOST_TEST(WSASocket(AF_INET, SOCK_RAW, 0, nullptr, 0, 0) == INVALID_SOCKET);
  BOOST_TEST(WSAGetLastError() == static_cast<int>(WSAESOCKTNOSUPPORT));
  BOOST_TEST(WSASocket(AF_INET, SOCK_DGRAM, IPPROTO_TCP, nullptr, 0, 0) == INVALID_SOCKET);
  BOOST_TEST(WSAGetLastError() == static_cast<int>(WSAEPROTONOSUPPORT));
  // The next call that reaches the Provider makes its last error the one reported again.
  BOOST_TEST(closesocket(s) == SOCKET_ERROR);
  BOOST_TEST(WSAGetLastError() == static_cast<int>(gqos::wsa::enotsock));
}

BOOST_AUTO_TEST_CASE(event_select_reports_fd_qos_with_its_status) {
  Installed installed;
  facade::set_socket_role(provider::Role::receiver);
  const SOCKET s = WSASocket(AF_INET, SOCK_DGRAM, IPPROTO_UDP, nullptr, 0, WSA_FLAG_OVERLAPPED);
  BOOST_TEST_REQUIRE(s != INVALID_SOCKET);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  local.sin_port = htons(5000);
  inet_pton(AF_INET, "10.0.0.2", &local.sin_addr);
  BOOST_TEST_REQUIRE(bind(s, reinterpret_cast<const sockaddr*>(&local), sizeof local) == 0);

  WSAEVENT event = WSACreateEvent();
  BOOST_TEST(WSAEventSelect(s, event, FD_QOS) == 0);
  gqos::Indication path;
  path.status = WSA_QOS_SENDERS;
  installed.queue.schedule_at(10'000, [&] { installed.emulator.indicate(s, path); });
  BOOST_TEST(WSAWaitForMultipleEvents(1, &event, FALSE, 100, FALSE) == WSA_WAIT_EVENT_0);

  WSANETWORKEVENTS events;
  std::memset(&events, 0, sizeof events);
  BOOST_TEST(WSAEnumNetworkEvents(s, event, &events) == 0);
  BOOST_TEST(events.lNetworkEvents == static_cast<LONG>(FD_QOS));
  BOOST_TEST(events.iErrorCode[FD_QOS_BIT] == static_cast<int>(WSA_QOS_SENDERS));
  // WSAEnumNetworkEvents reset the event and cleared what it reported.
  BOOST_TEST(WSAWaitForMultipleEvents(1, &event, FALSE, 0, FALSE) == WSA_WAIT_TIMEOUT);
  BOOST_TEST(WSAEnumNetworkEvents(s, event, nullptr) == SOCKET_ERROR);
  BOOST_TEST(WSAGetLastError() == static_cast<int>(WSAEFAULT));
  WSACloseEvent(event);
  closesocket(s);
}
