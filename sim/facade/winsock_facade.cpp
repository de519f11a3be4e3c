#include "facade/winsock_facade.h"

#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <vector>

namespace qosbed::facade {
namespace {

provider::Provider* current = nullptr;

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

void reset() {
  overlapped_blocks().clear();
  current = nullptr;
}

}  // namespace qosbed::facade

using qosbed::facade::current_provider;

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
  return current_provider().ioctl(s, dwIoControlCode, in, out, lpcbBytesReturned, overlapped,
                                  std::move(routine));
}

int WSAGetLastError() {
  return static_cast<int>(current_provider().last_error());
}

BOOL WSAGetOverlappedResult(SOCKET s, LPWSAOVERLAPPED lpOverlapped, LPDWORD lpcbTransfer,
                            BOOL fWait, LPDWORD lpdwFlags) {
  auto& blocks = qosbed::facade::overlapped_blocks();
  const auto found = blocks.find(lpOverlapped);
  qosbed::provider::Overlapped* overlapped = found == blocks.end() ? nullptr : found->second.get();
  std::uint32_t flags = 0;
  const bool ok =
      current_provider().get_overlapped_result(s, overlapped, lpcbTransfer, fWait != 0, &flags);
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
  return current_provider().connect(s, qosbed::facade::to_address(name, namelen), qos);
}

int closesocket(SOCKET s) {
  return current_provider().close(s);
}

int bind(SOCKET s, const sockaddr* name, int namelen) {
  return current_provider().bind(s, qosbed::facade::to_address(name, namelen));
}

WSAEVENT WSACreateEvent() {
  return reinterpret_cast<WSAEVENT>(static_cast<std::uintptr_t>(current_provider().create_event()));
}

BOOL WSASetEvent(WSAEVENT hEvent) {
  return current_provider().set_event(qosbed::facade::to_event(hEvent)) ? TRUE : FALSE;
}

BOOL WSAResetEvent(WSAEVENT hEvent) {
  return current_provider().reset_event(qosbed::facade::to_event(hEvent)) ? TRUE : FALSE;
}

BOOL WSACloseEvent(WSAEVENT hEvent) {
  return current_provider().close_event(qosbed::facade::to_event(hEvent)) ? TRUE : FALSE;
}

DWORD WSAWaitForMultipleEvents(DWORD cEvents, const WSAEVENT* lphEvents, BOOL fWaitAll,
                               DWORD dwTimeout, BOOL fAlertable) {
  std::vector<qosbed::provider::Event> events;
  for (DWORD i = 0; i < cEvents; ++i) events.push_back(qosbed::facade::to_event(lphEvents[i]));
  return current_provider().wait_for_events(events, fWaitAll != 0, dwTimeout, fAlertable != 0);
}

DWORD SleepEx(DWORD dwMilliseconds, BOOL bAlertable) {
  return current_provider().sleep_ex(dwMilliseconds, bAlertable != 0);
}
