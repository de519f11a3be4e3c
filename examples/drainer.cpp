// A GQoS receiver that learns of QoS changes through WSAEventSelect(FD_QOS), written the Windows
// 2000 way: it waits on the event, asks WSAEnumNetworkEvents what happened (the FD_QOS entry of
// iErrorCode holds the WSA_QOS_* status), then drains every queued indication with synchronous
// SIO_GET_QOS calls until one fails, because FD_QOS is edge-triggered and several indications may
// be waiting (KB196360). It walks each returned ProviderSpecific list object by object.
//
//   drainer [UPDATES]   exit 0 once UPDATES updates (default 3) were read, 1 after 5 idle seconds
//
// Built on Windows against the SDK (ws2_32), or anywhere against qosbed::win32 and run with
// `qosbed run examples/drainer.yaml -- drainer`.
#include <winsock2.h>
// After <winsock2.h>, whose types they use.
#include <qos.h>
#include <qossp.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

constexpr int max_idle_waits = 5;

// Every object of the list, each advanced by its ObjectLength, never past the list's end.
void print_objects(const QOS& qos) {
  const char* at = qos.ProviderSpecific.buf;
  const char* end = at ? at + qos.ProviderSpecific.len : at;
  while (at && end - at >= static_cast<std::ptrdiff_t>(sizeof(QOS_OBJECT_HDR))) {
    const auto* header = reinterpret_cast<const QOS_OBJECT_HDR*>(at);
    const auto length = static_cast<std::ptrdiff_t>(header->ObjectLength);
    if (length < static_cast<std::ptrdiff_t>(sizeof(QOS_OBJECT_HDR)) || length > end - at) {
      std::printf(" (bad object length %lu)", static_cast<unsigned long>(header->ObjectLength));
      return;
    }
    if (header->ObjectType == RSVP_OBJECT_STATUS_INFO) {
      const auto* info = reinterpret_cast<const RSVP_STATUS_INFO*>(at);
      std::printf(" status=%lu", static_cast<unsigned long>(info->StatusCode));
    } else {
      std::printf(" object=%lu", static_cast<unsigned long>(header->ObjectType));
    }
    at += length;
  }
}

// Reads indications until the provider has none left; returns how many it read.
int drain(SOCKET s) {
  std::vector<char> buffer(1024);
  int read = 0;
  for (;;) {
    DWORD bytes = 0;
    if (WSAIoctl(s, SIO_GET_QOS, nullptr, 0, buffer.data(), static_cast<DWORD>(buffer.size()),
                 &bytes, nullptr, nullptr) == SOCKET_ERROR) {
      const int error = WSAGetLastError();
      if (error == WSAENOBUFS) {
        DWORD required = 0;
        std::memcpy(&required, buffer.data(), sizeof required);
        buffer.resize(required);
        continue;
      }
      std::printf("drained, SIO_GET_QOS: %d\n", error);
      return read;
    }
    const QOS& qos = *reinterpret_cast<const QOS*>(buffer.data());
    std::printf("update bytes=%lu receiving service=%lu token_rate=%lu",
                static_cast<unsigned long>(bytes),
                static_cast<unsigned long>(qos.ReceivingFlowspec.ServiceType),
                static_cast<unsigned long>(qos.ReceivingFlowspec.TokenRate));
    print_objects(qos);
    std::printf("\n");
    ++read;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int wanted = argc > 1 ? std::atoi(argv[1]) : 3;
  WSADATA data;
  if (WSAStartup(MAKEWORD(2, 2), &data) != 0) return 2;
  const SOCKET s = WSASocket(AF_INET, SOCK_DGRAM, IPPROTO_UDP, nullptr, 0, WSA_FLAG_OVERLAPPED);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  local.sin_port = htons(5000);
  local.sin_addr.s_addr = htonl(INADDR_ANY);
  if (bind(s, reinterpret_cast<sockaddr*>(&local), sizeof local) == SOCKET_ERROR) {
    std::printf("bind failed %d\n", WSAGetLastError());
    return 1;
  }
  const WSAEVENT event = WSACreateEvent();
  if (WSAEventSelect(s, event, FD_QOS) == SOCKET_ERROR) {
    std::printf("WSAEventSelect failed %d\n", WSAGetLastError());
    return 1;
  }
  int seen = 0;
  int idle = 0;
  while (seen < wanted && idle < max_idle_waits) {
    if (WSAWaitForMultipleEvents(1, &event, FALSE, 1000, FALSE) != WSA_WAIT_EVENT_0) {
      ++idle;
      continue;
    }
    WSANETWORKEVENTS happened;
    if (WSAEnumNetworkEvents(s, event, &happened) == SOCKET_ERROR) {
      std::printf("WSAEnumNetworkEvents failed %d\n", WSAGetLastError());
      break;
    }
    if (!(happened.lNetworkEvents & FD_QOS)) continue;
    std::printf("FD_QOS at %lu ms, status=%d\n", static_cast<unsigned long>(GetTickCount()),
                happened.iErrorCode[FD_QOS_BIT]);
    seen += drain(s);
    idle = 0;
  }
  closesocket(s);
  WSACloseEvent(event);
  WSACleanup();
  std::printf("%d of %d updates\n", seen, wanted);
  return seen >= wanted ? 0 : 1;
}
