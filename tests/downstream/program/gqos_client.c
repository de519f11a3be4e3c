/* A downstream project's own GQoS receiver, in C, built against the installed qosbed::win32 (by
 * CMake, and by pkg-config in tests/install_downstream.cmake): an overlapped SIO_GET_QOS with a
 * completion routine, which runs in an alertable SleepEx once a PATH message arrives. Exits 0
 * when it read WSA_QOS_SENDERS with the sender's token rate. */
#include <winsock2.h>
/* After <winsock2.h>, whose types they use. */
#include <qos.h>
#include <qossp.h>
#include <stdio.h>
#include <string.h>

static volatile int done;
static DWORD result_error;

static void CALLBACK on_update(DWORD error, DWORD bytes, LPWSAOVERLAPPED overlapped, DWORD flags) {
  (void)bytes;
  (void)overlapped;
  (void)flags;
  result_error = error;
  done = 1;
}

int main(void) {
  WSADATA data;
  struct sockaddr_in local;
  WSAOVERLAPPED overlapped;
  char buffer[512];
  const QOS* qos = (const QOS*)buffer;
  const RSVP_STATUS_INFO* status;
  SOCKET s;
  if (WSAStartup(MAKEWORD(2, 2), &data) != 0) return 2;
  s = WSASocket(AF_INET, SOCK_DGRAM, IPPROTO_UDP, NULL, 0, WSA_FLAG_OVERLAPPED);
  memset(&local, 0, sizeof local);
  local.sin_family = AF_INET;
  local.sin_port = htons(5000);
  local.sin_addr.s_addr = inet_addr("10.0.0.2");
  memset(&overlapped, 0, sizeof overlapped);
  if (bind(s, (struct sockaddr*)&local, sizeof local) != 0 ||
      (WSAIoctl(s, SIO_GET_QOS, NULL, 0, buffer, sizeof buffer, NULL, &overlapped, on_update) !=
           0 &&
       WSAGetLastError() != WSA_IO_PENDING)) {
    return 1;
  }
  while (!done) SleepEx(100, TRUE);
  status = (const RSVP_STATUS_INFO*)qos->ProviderSpecific.buf;
  printf("own client: status=%lu token_rate=%lu\n", (unsigned long)status->StatusCode,
         (unsigned long)qos->ReceivingFlowspec.TokenRate);
  closesocket(s);
  WSACleanup();
  return result_error == 0 && status->StatusCode == WSA_QOS_SENDERS &&
                 qos->ReceivingFlowspec.TokenRate == 8000
             ? 0
             : 1;
}
