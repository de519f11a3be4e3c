// A GQoS sender with a worker thread, written the Windows 2000 way: the main thread starts a
// worker with CreateThread and waits for it, logging every half second it is still busy. The
// worker connects asking for a controlled-load flow (WSAConnect's lpSQOS), tells the main thread
// through an auto-reset event, and reads each RESV-side update with an event-notified overlapped
// SIO_GET_QOS, WSAWaitForMultipleEvents and WSAGetOverlappedResult; its exit code is the number of
// updates it read.
//
//   sender [UPDATES [TOKEN_RATE]]   exit 0 once UPDATES updates (default 2) were read, else 1
//
// Built on Windows against the SDK (ws2_32), or anywhere against qosbed::win32 and run with
// `qosbed run examples/sender.yaml -- sender`.
#include <winsock2.h>
// After <winsock2.h>, whose types they use.
#include <qos.h>
#include <qossp.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

struct Job {
  int updates = 2;
  ULONG token_rate = 16000;
  HANDLE connected = nullptr;
};

FLOWSPEC unspecified(SERVICETYPE service) {
  FLOWSPEC flow;
  std::memset(&flow, 0xff, sizeof flow);  // QOS_NOT_SPECIFIED in every field
  flow.ServiceType = service;
  return flow;
}

DWORD WINAPI send_with_qos(LPVOID parameter) {
  Job& job = *static_cast<Job*>(parameter);
  const SOCKET s = WSASocket(AF_INET, SOCK_DGRAM, IPPROTO_UDP, nullptr, 0, WSA_FLAG_OVERLAPPED);
  sockaddr_in remote{};
  remote.sin_family = AF_INET;
  remote.sin_port = htons(6000);
  remote.sin_addr.s_addr = inet_addr("10.0.0.1");
  QOS qos{};
  qos.SendingFlowspec = unspecified(SERVICETYPE_CONTROLLEDLOAD);
  qos.SendingFlowspec.TokenRate = job.token_rate;
  qos.SendingFlowspec.TokenBucketSize = 4096;
  qos.ReceivingFlowspec = unspecified(SERVICETYPE_NOCHANGE);
  if (WSAConnect(s, reinterpret_cast<sockaddr*>(&remote), sizeof remote, nullptr, nullptr, &qos,
                 nullptr) == SOCKET_ERROR) {
    std::printf("worker: WSAConnect failed %d\n", WSAGetLastError());
    SetEvent(job.connected);
    return 0;
  }
  SetEvent(job.connected);
  const WSAEVENT event = WSACreateEvent();
  std::vector<char> buffer(1024);
  int read = 0;
  // Outside the loop: a query still pending when the worker gives up is aborted by closesocket,
  // which writes its result into this OVERLAPPED; it must outlive the request.
  WSAOVERLAPPED overlapped{};
  while (read < job.updates) {
    overlapped = WSAOVERLAPPED{};
    overlapped.hEvent = event;
    DWORD bytes = 0;
    if (WSAIoctl(s, SIO_GET_QOS, nullptr, 0, buffer.data(), static_cast<DWORD>(buffer.size()),
                 &bytes, &overlapped, nullptr) == SOCKET_ERROR &&
        WSAGetLastError() != WSA_IO_PENDING) {
      std::printf("worker: SIO_GET_QOS failed %d\n", WSAGetLastError());
      break;
    }
    if (WSAWaitForMultipleEvents(1, &event, FALSE, 5000, FALSE) != WSA_WAIT_EVENT_0) {
      std::printf("worker: no update within 5 s\n");
      break;
    }
    DWORD flags = 0;
    const BOOL ok = WSAGetOverlappedResult(s, &overlapped, &bytes, FALSE, &flags);
    WSAResetEvent(event);
    if (!ok) {
      std::printf("worker: completion error %d\n", WSAGetLastError());
      break;
    }
    const QOS& update = *reinterpret_cast<const QOS*>(buffer.data());
    std::printf("worker: update at %lu ms sending service=%lu token_rate=%lu\n",
                static_cast<unsigned long>(GetTickCount()),
                static_cast<unsigned long>(update.SendingFlowspec.ServiceType),
                static_cast<unsigned long>(update.SendingFlowspec.TokenRate));
    ++read;
  }
  closesocket(s);
  WSACloseEvent(event);
  return static_cast<DWORD>(read);
}

}  // namespace

int main(int argc, char** argv) {
  Job job;
  if (argc > 1) job.updates = std::atoi(argv[1]);
  if (argc > 2) job.token_rate = static_cast<ULONG>(std::strtoul(argv[2], nullptr, 10));
  WSADATA data;
  if (WSAStartup(MAKEWORD(2, 2), &data) != 0) return 2;
  job.connected = CreateEvent(nullptr, FALSE, FALSE, nullptr);
  DWORD worker_id = 0;
  const HANDLE worker = CreateThread(nullptr, 0, send_with_qos, &job, 0, &worker_id);
  if (!worker) return 2;
  WaitForSingleObject(job.connected, INFINITE);
  std::printf("main: worker %lu connected at %lu ms\n", static_cast<unsigned long>(worker_id),
              static_cast<unsigned long>(GetTickCount()));
  while (WaitForSingleObject(worker, 500) == WAIT_TIMEOUT) {
    std::printf("main: still waiting at %lu ms\n", static_cast<unsigned long>(GetTickCount()));
  }
  DWORD read = 0;
  GetExitCodeThread(worker, &read);
  CloseHandle(worker);
  CloseHandle(job.connected);
  WSACleanup();
  std::printf("main: worker read %lu of %d updates\n", static_cast<unsigned long>(read),
              job.updates);
  return static_cast<int>(read) == job.updates ? 0 : 1;
}
