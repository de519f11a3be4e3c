#include "facade/winsock_facade.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace qosbed::facade {
namespace {

provider::Provider* current = nullptr;
provider::Role socket_role = provider::Role::both;
int startups = 0;  // WSAStartup calls not yet matched by WSACleanup
// An error of the facade's own (WSAStartup, WSAEnumProtocols, WSASocket): what WSAGetLastError
// returns until the next call reaches the Provider, whose last error then counts again.
std::optional<std::uint32_t> own_error;

provider::Provider& forward() {
  provider::Provider& provider = current_provider();
  own_error.reset();
  return provider;
}

int fail(std::uint32_t error) {
  own_error = error;
  return SOCKET_ERROR;
}

// The Provider's Overlapped behind each application WSAOVERLAPPED. It lives as long as the
// facade (until reset), as a WSAOVERLAPPED outlives its request on Windows.
std::map<WSAOVERLAPPED*, std::unique_ptr<provider::Overlapped>>& overlapped_blocks() {
  static std::map<WSAOVERLAPPED*, std::unique_ptr<provider::Overlapped>> blocks;
  return blocks;
}

provider::Overlapped& block_for(WSAOVERLAPPED* overlapped) {
  auto& slot = overlapped_blocks()[overlapped];
  if (!slot) slot = std::make_unique<provider::Overlapped>();
  *slot = provider::Overlapped{};
  slot->event = static_cast<provider::Event>(reinterpret_cast<std::uintptr_t>(overlapped->hEvent));
  slot->user = overlapped;
  return *slot;
}

provider::Event to_event(WSAEVENT event) {
  return static_cast<provider::Event>(reinterpret_cast<std::uintptr_t>(event));
}

provider::Address to_address(const sockaddr* name, int namelen) {
  provider::Address address;
  if (!name || namelen < static_cast<int>(sizeof(sockaddr_in)) || name->sa_family != AF_INET)
    return address;
  sockaddr_in in;
  std::memcpy(&in, name, sizeof in);
  char text[INET_ADDRSTRLEN] = {};
  inet_ntop(AF_INET, &in.sin_addr, text, sizeof text);
  address.host = text;
  address.port = ntohs(in.sin_port);
  return address;
}

}  // namespace

void set_provider(provider::Provider& provider) {
  current = &provider;
}

provider::Provider& current_provider() {
  if (!current) throw std::logic_error("qosbed::facade: no Provider installed (set_provider)");
  return *current;
}

void set_socket_role(provider::Role role) {
  socket_role = role;
}

void reset() {
  overlapped_blocks().clear();
  current = nullptr;
  socket_role = provider::Role::both;
  startups = 0;
  own_error.reset();
}

}  // namespace qosbed::facade

using qosbed::facade::forward;

int WSAIoctl(SOCKET s, DWORD dwIoControlCode, LPVOID lpvInBuffer, DWORD cbInBuffer,
             LPVOID lpvOutBuffer, DWORD cbOutBuffer, LPDWORD lpcbBytesReturned,
             LPWSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
  const std::span<const std::byte> in(static_cast<const std::byte*>(lpvInBuffer),
                                      lpvInBuffer ? cbInBuffer : 0);
  const std::span<std::byte> out(static_cast<std::byte*>(lpvOutBuffer),
                                 lpvOutBuffer ? cbOutBuffer : 0);
  qosbed::provider::Overlapped* overlapped = nullptr;
  qosbed::provider::CompletionRoutine routine;
  if (lpOverlapped) {
    overlapped = &qosbed::facade::block_for(lpOverlapped);
    if (lpCompletionRoutine) {
      // The application's routine receives its own WSAOVERLAPPED, filled as Winsock fills it.
      routine = [lpOverlapped, lpCompletionRoutine](std::uint32_t error, std::uint32_t bytes,
                                                    qosbed::provider::Overlapped*,
                                                    std::uint32_t flags) {
        lpOverlapped->Internal = error;
        lpOverlapped->InternalHigh = bytes;
        lpCompletionRoutine(error, bytes, lpOverlapped, flags);
      };
    }
  }
  return forward().ioctl(s, dwIoControlCode, in, out, lpcbBytesReturned, overlapped,
                         std::move(routine));
}

int WSAGetLastError() {
  if (qosbed::facade::own_error) return static_cast<int>(*qosbed::facade::own_error);
  return static_cast<int>(qosbed::facade::current_provider().last_error());
}

BOOL WSAGetOverlappedResult(SOCKET s, LPWSAOVERLAPPED lpOverlapped, LPDWORD lpcbTransfer,
                            BOOL fWait, LPDWORD lpdwFlags) {
  auto& blocks = qosbed::facade::overlapped_blocks();
  const auto found = blocks.find(lpOverlapped);
  qosbed::provider::Overlapped* overlapped = found == blocks.end() ? nullptr : found->second.get();
  std::uint32_t flags = 0;
  const bool ok = forward().get_overlapped_result(s, overlapped, lpcbTransfer, fWait != 0, &flags);
  if (lpdwFlags) *lpdwFlags = flags;
  if (overlapped) {
    lpOverlapped->Internal = overlapped->internal;
    lpOverlapped->InternalHigh = overlapped->internal_high;
  }
  return ok ? TRUE : FALSE;
}

int WSAConnect(SOCKET s, const sockaddr* name, int namelen, LPWSABUF, LPWSABUF, LPQOS lpSQOS,
               LPQOS) {
  // The Provider takes the QOS and its ProviderSpecific objects as one buffer, buf pointing
  // into it.
  std::vector<std::byte> qos;
  if (lpSQOS) {
    const std::size_t extra = lpSQOS->ProviderSpecific.buf ? lpSQOS->ProviderSpecific.len : 0;
    qos.resize(sizeof(QOS) + extra);
    QOS copy = *lpSQOS;
    if (extra) {
      std::memcpy(qos.data() + sizeof(QOS), lpSQOS->ProviderSpecific.buf, extra);
      copy.ProviderSpecific.buf = reinterpret_cast<CHAR*>(qos.data() + sizeof(QOS));
    }
    std::memcpy(qos.data(), &copy, sizeof copy);
  }
  return forward().connect(s, qosbed::facade::to_address(name, namelen), qos);
}

int closesocket(SOCKET s) {
  return forward().close(s);
}

int bind(SOCKET s, const sockaddr* name, int namelen) {
  return forward().bind(s, qosbed::facade::to_address(name, namelen));
}

WSAEVENT WSACreateEvent() {
  return reinterpret_cast<WSAEVENT>(static_cast<std::uintptr_t>(forward().create_event()));
}

BOOL WSASetEvent(WSAEVENT hEvent) {
  return forward().set_event(qosbed::facade::to_event(hEvent)) ? TRUE : FALSE;
}

BOOL WSAResetEvent(WSAEVENT hEvent) {
  return forward().reset_event(qosbed::facade::to_event(hEvent)) ? TRUE : FALSE;
}

BOOL WSACloseEvent(WSAEVENT hEvent) {
  return forward().close_event(qosbed::facade::to_event(hEvent)) ? TRUE : FALSE;
}

DWORD WSAWaitForMultipleEvents(DWORD cEvents, const WSAEVENT* lphEvents, BOOL fWaitAll,
                               DWORD dwTimeout, BOOL fAlertable) {
  std::vector<qosbed::provider::Event> events;
  for (DWORD i = 0; i < cEvents; ++i) events.push_back(qosbed::facade::to_event(lphEvents[i]));
  return forward().wait_for_events(events, fWaitAll != 0, dwTimeout, fAlertable != 0);
}

DWORD SleepEx(DWORD dwMilliseconds, BOOL bAlertable) {
  return forward().sleep_ex(dwMilliseconds, bAlertable != 0);
}

int WSAStartup(WORD wVersionRequested, LPWSADATA lpWSAData) {
  // WSAStartup returns its error rather than setting the last error.
  if (!lpWSAData) return WSAEFAULT;
  if (LOBYTE(wVersionRequested) < 2) return WSAVERNOTSUPPORTED;
  std::memset(lpWSAData, 0, sizeof *lpWSAData);
  lpWSAData->wVersion = MAKEWORD(2, 2);
  lpWSAData->wHighVersion = MAKEWORD(2, 2);
  std::strcpy(lpWSAData->szDescription, "qosbed Winsock facade");
  std::strcpy(lpWSAData->szSystemStatus, "Running");
  ++qosbed::facade::startups;
  return 0;
}

int WSACleanup() {
  if (qosbed::facade::startups == 0) return qosbed::facade::fail(WSANOTINITIALISED);
  --qosbed::facade::startups;
  return 0;
}

int WSAEnumProtocols(LPINT lpiProtocols, LPWSAPROTOCOL_INFO lpProtocolBuffer,
                     LPDWORD lpdwBufferLength) {
  if (!lpdwBufferLength) return qosbed::facade::fail(WSAEFAULT);
  std::vector<WSAPROTOCOL_INFO> entries;
  DWORD catalog_id = 0;
  for (const qosbed::provider::ProtocolInfo& info : forward().enum_protocols()) {
    ++catalog_id;  // ids as the catalog numbers them, filtered or not
    const bool udp = info.protocol == qosbed::provider::Protocol::udp;
    const int protocol = udp ? IPPROTO_UDP : IPPROTO_TCP;
    if (lpiProtocols) {
      bool wanted = false;
      for (const int* p = lpiProtocols; *p != 0; ++p) wanted = wanted || *p == protocol;
      if (!wanted) continue;
    }
    WSAPROTOCOL_INFO entry;
    std::memset(&entry, 0, sizeof entry);
    entry.dwServiceFlags1 = info.service_flags1;
    entry.dwCatalogEntryId = catalog_id;
    entry.ProtocolChain.ChainLen = 1;  // a base protocol
    entry.iVersion = 2;
    entry.iAddressFamily = AF_INET;
    entry.iMaxSockAddr = entry.iMinSockAddr = static_cast<int>(sizeof(sockaddr_in));
    entry.iSocketType = udp ? SOCK_DGRAM : SOCK_STREAM;
    entry.iProtocol = protocol;
    entry.dwMessageSize = udp ? 65467 : 0;  // the largest UDP datagram; 0 for a stream
    const std::size_t length = std::min<std::size_t>(info.name.size(), WSAPROTOCOL_LEN);
    std::memcpy(entry.szProtocol, info.name.data(), length);
    entries.push_back(entry);
  }
  const DWORD needed = static_cast<DWORD>(entries.size() * sizeof(WSAPROTOCOL_INFO));
  if (!lpProtocolBuffer || *lpdwBufferLength < needed) {
    *lpdwBufferLength = needed;
    return qosbed::facade::fail(WSAENOBUFS);
  }
  std::copy(entries.begin(), entries.end(), lpProtocolBuffer);
  return static_cast<int>(entries.size());
}

SOCKET WSASocket(int af, int type, int protocol, LPWSAPROTOCOL_INFO lpProtocolInfo, GROUP, DWORD) {
  if (lpProtocolInfo) {
    if (af == FROM_PROTOCOL_INFO) af = lpProtocolInfo->iAddressFamily;
    if (type == FROM_PROTOCOL_INFO) type = lpProtocolInfo->iSocketType;
    if (protocol == FROM_PROTOCOL_INFO) protocol = lpProtocolInfo->iProtocol;
  }
  qosbed::provider::Provider& provider = forward();
  if (af != AF_INET) {
    qosbed::facade::fail(WSAEAFNOSUPPORT);
    return INVALID_SOCKET;
  }
  if (type != SOCK_DGRAM && type != SOCK_STREAM) {
    qosbed::facade::fail(WSAESOCKTNOSUPPORT);
    return INVALID_SOCKET;
  }
  const bool udp = type == SOCK_DGRAM;
  if (protocol != 0 && protocol != (udp ? IPPROTO_UDP : IPPROTO_TCP)) {
    qosbed::facade::fail(WSAEPROTONOSUPPORT);
    return INVALID_SOCKET;
  }
  return provider.open(qosbed::facade::socket_role,
                       udp ? qosbed::provider::Protocol::udp : qosbed::provider::Protocol::tcp);
}

int WSAEventSelect(SOCKET s, WSAEVENT hEventObject, LONG lNetworkEvents) {
  return forward().event_select(s, qosbed::facade::to_event(hEventObject),
                                static_cast<std::uint32_t>(lNetworkEvents));
}

int WSAEnumNetworkEvents(SOCKET s, WSAEVENT hEventObject, LPWSANETWORKEVENTS lpNetworkEvents) {
  if (!lpNetworkEvents) return qosbed::facade::fail(WSAEFAULT);
  qosbed::provider::NetworkEvents events;
  const int result =
      forward().enum_network_events(s, qosbed::facade::to_event(hEventObject), &events);
  if (result == 0) {
    lpNetworkEvents->lNetworkEvents = static_cast<LONG>(events.network_events);
    for (int bit = 0; bit < FD_MAX_EVENTS; ++bit)
      lpNetworkEvents->iErrorCode[bit] = static_cast<int>(events.error_codes[bit]);
  }
  return result;
}
