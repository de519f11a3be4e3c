// A GQoS sender written the classic Windows way: WSAConnect with a sending FLOWSPEC, then an
// overlapped SIO_GET_QOS notified through an event, WSAWaitForMultipleEvents, and
// WSAGetOverlappedResult before reading SendingFlowspec and RSVP_STATUS_INFO.
#include <cstring>
#include <vector>

#include "gqos_examples.h"

int run_sender(SOCKET s, const sockaddr_in* remote, ULONG token_rate, int updates, int max_waits,
               std::FILE* out) {
  QOS qos;
  std::memset(&qos, 0, sizeof qos);
  FLOWSPEC unspecified;
  std::memset(&unspecified, 0xFF, sizeof unspecified);  // every field QOS_NOT_SPECIFIED
  qos.SendingFlowspec = unspecified;
  qos.SendingFlowspec.ServiceType = SERVICETYPE_CONTROLLEDLOAD;
  qos.SendingFlowspec.TokenRate = token_rate;
  qos.ReceivingFlowspec = unspecified;
  qos.ReceivingFlowspec.ServiceType = SERVICETYPE_NOCHANGE;
  if (WSAConnect(s, reinterpret_cast<const sockaddr*>(remote), sizeof *remote, nullptr, nullptr,
                 &qos, nullptr) == SOCKET_ERROR) {
    std::fprintf(out, "WSAConnect failed %d\n", WSAGetLastError());
    closesocket(s);
    return 1;
  }
  std::vector<char> buffer(4096);
  WSAOVERLAPPED overlapped;
  std::memset(&overlapped, 0, sizeof overlapped);
  overlapped.hEvent = WSACreateEvent();
  int seen = 0;
  int idle_waits = 0;
  while (seen < updates && idle_waits < max_waits) {
    WSAResetEvent(overlapped.hEvent);
    DWORD returned = 0;
    if (WSAIoctl(s, SIO_GET_QOS, nullptr, 0, buffer.data(), static_cast<DWORD>(buffer.size()),
                 &returned, &overlapped, nullptr) == SOCKET_ERROR &&
        WSAGetLastError() != static_cast<int>(WSA_IO_PENDING)) {
      std::fprintf(out, "SIO_GET_QOS failed %d\n", WSAGetLastError());
      break;
    }
    DWORD bytes = 0;
    DWORD flags = 0;
    BOOL done = FALSE;
    while (idle_waits < max_waits) {
      if (WSAWaitForMultipleEvents(1, &overlapped.hEvent, FALSE, 1000, FALSE) == WSA_WAIT_EVENT_0) {
        done = TRUE;
        break;
      }
      ++idle_waits;
    }
    if (!done) break;
    if (!WSAGetOverlappedResult(s, &overlapped, &bytes, FALSE, &flags)) {
      std::fprintf(out, "completion error %d\n", WSAGetLastError());
      break;
    }
    const auto* result = reinterpret_cast<const QOS*>(buffer.data());
    std::fprintf(out, "update bytes=%lu sending service=%lu token_rate=%lu",
                 static_cast<unsigned long>(bytes),
                 static_cast<unsigned long>(result->SendingFlowspec.ServiceType),
                 static_cast<unsigned long>(result->SendingFlowspec.TokenRate));
    if (result->ProviderSpecific.len >= sizeof(RSVP_STATUS_INFO) && result->ProviderSpecific.buf) {
      const auto* info = reinterpret_cast<const RSVP_STATUS_INFO*>(result->ProviderSpecific.buf);
      if (info->ObjectHdr.ObjectType == RSVP_OBJECT_STATUS_INFO)
        std::fprintf(out, " status=%lu", static_cast<unsigned long>(info->StatusCode));
    }
    std::fprintf(out, "\n");
    ++seen;
    idle_waits = 0;
  }
  closesocket(s);
  WSACloseEvent(overlapped.hEvent);
  return seen == updates ? 0 : 1;
}
